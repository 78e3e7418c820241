import { z } from 'astro/zod';
import { lineSchema } from './common';
import { searchWordSchema } from './glossary';
import type { References } from './references';

/** content/projects/<id>.yaml: a tool or CNCF project that talks mention. */
export function projectSchema(refs: References) {
  return z.strictObject({
    // The project's name as its maintainers write it, e.g. "Argo CD".
    name: lineSchema,
    // What it is, in one line of our own words.
    description: lineSchema.max(200, 'a description of at most 200 characters'),
    // The project's home page, only where certain.
    homepage: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    // The umbrella project it belongs to, e.g. argo for Argo CD (a file name in content/projects/).
    parent: refs.project.optional(),
    // Shorter names readers type for it, e.g. [otel] for OpenTelemetry: search finds the project by them.
    aliases: z.array(searchWordSchema).max(5, 'at most five aliases').default([]),
  });
}
