import { z } from 'astro/zod';
import { lineSchema } from './common.ts';
import { searchWordSchema } from './glossary.ts';
import type { References } from './references.ts';

/** Where a project sits in a platform team's stack; the projects index groups by it (labels in lib/format.ts). */
export const projectCategories = [
  'platform',
  'runtime',
  'networking',
  'observability',
  'delivery',
  'security',
  'scaling',
  'application',
] as const;
export type ProjectCategory = (typeof projectCategories)[number];

/** content/projects/<id>.yaml: a tool or CNCF project that talks mention. */
export function projectSchema(refs: References) {
  return z.strictObject({
    name: lineSchema.describe('The project’s name as its maintainers write it, e.g. "Argo CD".'),
    description: lineSchema
      .max(200, 'a description of at most 200 characters')
      .describe('What it is, in one line of our own words.'),
    category: z
      .enum(projectCategories, { error: `one of: ${projectCategories.join(', ')}` })
      .describe(
        'Where it sits in the stack: platform, runtime, networking, observability, delivery, security, scaling or application.',
      ),
    homepage: z
      .url({ protocol: /^https$/, error: 'an https:// URL' })
      .optional()
      .describe('The project’s home page, only where certain.'),
    parent: refs.project
      .optional()
      .describe('The umbrella project it belongs to, e.g. argo for Argo CD (a file name in content/projects/).'),
    aliases: z
      .array(searchWordSchema)
      .max(5, 'at most five aliases')
      .default([])
      .describe('Shorter names readers type for it, e.g. [otel] for OpenTelemetry: search finds the project by them.'),
  });
}
