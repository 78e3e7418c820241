import { z } from 'astro/zod';
import { lineSchema, reviewedSchema, type Clock } from './common';
import type { References } from './references';

/** Frontmatter of content/themes/<id>.mdx; the body is the theme's overview. */
export function themeSchema(refs: References, clock?: Clock) {
  return z.strictObject({
    // The theme's name as shown in navigation, e.g. "eBPF".
    title: lineSchema,
    // One line saying what the theme covers, shown on the home page and theme index.
    description: lineSchema.max(200, 'a description of at most 200 characters'),
    // Position in theme lists, lowest first.
    order: z.number().int('a whole number'),
    // The talks to read first, in reading order (paths under content/talks/ without .mdx).
    startHere: z.array(refs.talk).min(1, 'at least one talk to start with').max(5, 'at most five talks'),
    // A draft theme shows in `npm run dev` only.
    draft: z.boolean().default(false),
    // The month someone last checked the overview against today's releases, YYYY-MM.
    reviewed: reviewedSchema(clock),
  });
}
