import { z } from 'astro/zod';
import { lineSchema } from './common';
import type { References } from './references';

/** Frontmatter of content/themes/<id>.mdx; the body is the theme's overview. */
export function themeSchema(refs: References) {
  return z.strictObject({
    title: lineSchema
      .max(60, 'a title of at most 60 characters')
      .describe('The theme’s name as shown in navigation, e.g. "eBPF".'),
    description: lineSchema
      .max(200, 'a description of at most 200 characters')
      .describe('One line saying what the theme covers, shown on the home page and theme index.'),
    order: z.number().int('a whole number').describe('Position in theme lists, lowest first.'),
    startHere: z
      .array(refs.talk)
      .min(1, 'at least one talk to start with')
      .max(5, 'at most five talks')
      .describe(
        'One to five talks to read first, in reading order (paths under content/talks/ without .mdx, e.g. eu-2023/my-talk).',
      ),
    draft: z.boolean().default(false).describe('A draft theme shows in `npm run dev` only.'),
  });
}
