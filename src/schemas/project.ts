import { z } from 'astro/zod';
import { lineSchema } from './common';
import type { References } from './references';

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
    // The project's name as its maintainers write it, e.g. "Argo CD".
    name: lineSchema,
    // What it is, in one line of our own words.
    description: lineSchema.max(200, 'a description of at most 200 characters'),
    // Where it sits in the stack: platform, runtime, networking, observability, delivery, security, scaling or
    // application.
    category: z.enum(projectCategories, { error: `one of: ${projectCategories.join(', ')}` }),
    // The project's home page, only where certain.
    homepage: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    // The umbrella project it belongs to, e.g. argo for Argo CD (a file name in content/projects/).
    parent: refs.project.optional(),
  });
}
