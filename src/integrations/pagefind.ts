import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { reportFigures } from './build-report';

/**
 * Builds the Pagefind search index from the finished HTML once Astro has written
 * it. Only elements marked data-pagefind-body are indexed, so the layout decides
 * which pages are searchable. Any Pagefind error fails the build and removes the
 * output, so a site without a working index never looks finished.
 *
 * In `astro dev` there is no build, so the dev server serves the index of the
 * last build; without one, the search page says to build first.
 */
const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Word positions per index chunk. Pagefind's default, 20,000, made each word a reader searches cost a 20–27 KB
 * download at 2,000 talks; at 5,000 a word costs about 6 KB and the index metadata every search reads grows by
 * about 2.5 KB (measured with `npm run bench`). Pagefind reads this from its environment and calls it
 * unstable: if it ever stops, search still works, with larger chunks, and the output test says so.
 */
const indexChunkSize = 5000;

export default function pagefind(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'kubecon-recaps:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        const bundle = join(outDir, 'pagefind');
        const prefix = `${base.replace(/\/$/, '')}/pagefind/`;
        server.middlewares.use(async (request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          try {
            const body = await readFile(join(bundle, normalize(path.slice(prefix.length))));
            response.setHeader('content-type', contentTypes[extname(path)] ?? 'application/octet-stream');
            response.end(body);
          } catch {
            response.statusCode = 404;
            response.end('No search index: run "npm run build" once, then reload.');
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const builtDir = fileURLToPath(dir);
        try {
          const started = performance.now();
          process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: builtDir });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count === 0) {
            throw new Error('Pagefind indexed no page: no page has a data-pagefind-body element');
          }
          const written = await index.writeFiles({ outputPath: join(builtDir, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          const pagefindMs = Math.round(performance.now() - started);
          logger.info(`read ${added.page_count} pages, indexed those marked searchable, in ${pagefindMs} ms`);
          await reportFigures({ pagefindMs, pagefindPages: added.page_count });
        } catch (error) {
          await rm(builtDir, { recursive: true, force: true });
          throw error;
        } finally {
          await close();
        }
      },
    },
  };
}
