/**
 * Runs the content checks (lib/content-checks.ts) where a writer will see them:
 *
 * - `astro build` (and `astro sync`, which `astro check` runs): before anything is built or written, every
 *   problem in the content folder, each naming the file and the line or field, and the build stops. The
 *   message stands alone; the stack trace, which says nothing to a writer, is printed only with DEBUG=1. A
 *   folder that is byte for byte the one the last clean check passed is not checked again (the record is in
 *   Astro's cache folder).
 * - `astro dev`: the same problems in the terminal when the server starts and whenever a content file is
 *   saved, and in the browser's error overlay on every page until they are fixed. The server keeps running:
 *   checkedGlob() (checked-glob.ts) keeps a broken file from stopping it.
 */
import type { AstroIntegration } from 'astro';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentFolder } from '../lib/content-folder.ts';
import { ContentError } from '../lib/site.ts';
import { siteConfig } from '../site.config.ts';

export const integrationName = 'kubecon-recaps:content-checks';

/** The problems as one error whose message is the whole report, without a stack unless DEBUG is set. */
export function contentError(problems: string[]): ContentError {
  const error = new ContentError(problems);
  if (!process.env.DEBUG) error.stack = '';
  // Astro adds a hint about browser APIs to any error whose text has the word "document" or "window" in it
  // (it looks at toString(), and prints the message): a problem such as "a page that documents the change"
  // would get it. The name alone says nothing that could mislead.
  Object.defineProperty(error, 'toString', { value: () => error.name });
  return error;
}

const isContentFile = (file: string) => /\.(mdx|md|ya?ml)$/i.test(file);

export default function contentChecks(contentDir: string): AstroIntegration {
  const dir = resolve(contentDir);
  return {
    name: integrationName,
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' && command !== 'sync') return;
        const problems = checkContentFolder(
          dir,
          { includeDrafts: false, today: siteConfig(process.env).today },
          fileURLToPath(new URL('content-checks-clean', config.cacheDir)),
        );
        if (problems.length) throw contentError(problems);
      },
      'astro:server:setup': ({ server, logger }) => {
        let problems: string[] = [];
        const check = () => {
          const found = checkContentFolder(dir, { includeDrafts: true, today: siteConfig(process.env).today });
          const changed = found.join('\n') !== problems.join('\n');
          problems = found;
          if (changed && found.length) logger.error(devReport(found));
          else if (changed) logger.info('The content has no problem left.');
          return changed;
        };
        check();
        server.watcher.on('all', (event, file) => {
          if (!file.startsWith(dir + sep) || !(isContentFile(file) || event.endsWith('Dir'))) return;
          if (!check() || !problems.length) return;
          // After Astro's own reload of the page, so the overlay is what the writer sees.
          setTimeout(() => server.environments.client.hot.send({ type: 'error', err: overlayError(problems) }), 400);
        });
        // A page asked for while the content has problems shows them in the error overlay instead.
        server.middlewares.use((request, _response, next) => {
          const wantsPage =
            request.headers['sec-fetch-dest'] === 'document' || /text\/html/.test(request.headers.accept ?? '');
          if (problems.length && wantsPage) return next(overlayError(problems));
          next();
        });
      },
    },
  };
}

/** The problems as the dev server reports them: the pages show them until they are fixed. */
function devReport(problems: string[]): string {
  return `The content has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; the pages show ${
    problems.length === 1 ? 'it' : 'them'
  } until ${problems.length === 1 ? 'it is' : 'they are'} fixed and saved:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

/** What the browser's error overlay shows: the problems, and the first file they name. */
function overlayError(problems: string[]) {
  const message = devReport(problems);
  const [, file, line] = /^(\S+?\.(?:mdx|md|ya?ml))(?::(\d+))?:/.exec(problems[0] ?? '') ?? [];
  const id = file ? resolve(file) : undefined;
  return Object.assign(new Error(message), {
    stack: '',
    plugin: 'content checks',
    id,
    loc: id ? { file: id, line: Number(line ?? 1), column: 1 } : undefined,
  });
}
