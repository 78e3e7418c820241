import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { eventSchema } from '../schemas/event';
import { projectSchema } from '../schemas/project';
import { noteSchema } from '../schemas/note';
import { recapSchema } from '../schemas/recap';
import type { References } from '../schemas/references';
import { talkSchema } from '../schemas/talk';
import { themeSchema } from '../schemas/theme';

/** Links are checked by the real build; here a plain name is enough to check the file's own shape. */
const anyRef = z.string().transform((id) => ({ id, collection: '' }));
const refs: References = { event: anyRef, theme: anyRef, project: anyRef, recap: anyRef, talk: anyRef };
const schemas: Record<string, z.ZodType> = {
  talks: talkSchema(refs),
  themes: themeSchema(refs),
  events: eventSchema,
  projects: projectSchema(refs),
  recaps: recapSchema(refs),
  notes: noteSchema(refs),
};

/** The collection a content file belongs to: its top folder, except that a recap's folder also holds its notes. */
function collectionOf(rel: string[]): string {
  if (rel[0] === 'recaps' && rel.length === 3 && rel[2] !== 'index.mdx') return 'notes';
  return rel[0] ?? '';
}

/** What is wrong with one content file, as "file: field "x": message" lines; empty when it is fine. */
export function contentFileProblems(file: string, text: string, contentDir: string): string[] {
  const rel = relative(contentDir, file).split(sep);
  const schema = schemas[collectionOf(rel)];
  if (!schema) return [];
  const name = relative(process.cwd(), file);
  let data: unknown;
  try {
    const source = file.endsWith('.mdx') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
    data = parseYaml(source);
  } catch (error) {
    return [`${name}: the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => `${name}: field "${issue.path.join('.') || '(top level)'}": ${issue.message}`,
  );
}

/**
 * In `astro dev`, Astro logs a content schema error in the terminal and keeps
 * serving the last good version. This shows the error in the browser's error
 * overlay instead, naming the file and the field, as soon as the file is saved.
 */
export default function devContentErrors(contentDir: string): AstroIntegration {
  return {
    name: 'kubecon-recaps:dev-content-errors',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.watcher.on('change', (file) => {
          if (!file.startsWith(contentDir) || !/\.(mdx|ya?ml)$/.test(file)) return;
          const problems = contentFileProblems(file, readFileSync(file, 'utf8'), contentDir);
          if (!problems.length) return;
          // Sent after Astro's own reload of the page, so the overlay is what the writer sees.
          setTimeout(() => {
            server.environments.client.hot.send({
              type: 'error',
              err: { message: problems.join('\n'), stack: '', id: file, plugin: 'content schema' },
            });
          }, 400);
        });
      },
    },
  };
}
