import { z } from 'astro/zod';
import { gapsOf, lineSchema, reviewedSchema, type Clock, type Gap } from './common.ts';
import type { References } from './references.ts';

/**
 * What a theme needs before it is published; a draft may leave these empty while it is written, and its page in
 * `npm run dev` lists what is still missing.
 */
const publishedSchema = z.object({
  description: lineSchema.max(200, 'a description of at most 200 characters'),
  startHere: z.array(z.unknown()).min(1, 'at least one talk to start with'),
});

/** The fields a draft theme still lacks before it can be published (draft: false), with what each needs. */
export const themeGaps = (theme: { description: string; startHere: unknown[] }): Gap[] =>
  gapsOf(publishedSchema, { description: theme.description, startHere: theme.startHere });

/** Frontmatter of content/themes/<id>.mdx; the body is the theme's overview. */
export function themeSchema(refs: References, clock?: Clock) {
  return z
    .strictObject({
      title: lineSchema
        .max(60, 'a title of at most 60 characters')
        .describe('The theme’s name as shown in navigation, e.g. "eBPF".'),
      description: z
        .string()
        .trim()
        .default('')
        .describe(
          'One line saying what the theme covers, shown on the home page and theme index (at most 200 characters).',
        ),
      order: z.number().int('a whole number').describe('Position in theme lists, lowest first.'),
      startHere: z
        .array(refs.talk)
        .max(5, 'at most five talks')
        .default([])
        .describe(
          'One to five talks to read first, in reading order (paths under content/talks/ without .mdx, e.g. eu-2023/my-talk).',
        ),
      draft: z.boolean().default(false).describe('A draft theme shows in `npm run dev` only.'),
      reviewed: reviewedSchema(clock).describe(
        'The month someone last checked the overview against today’s releases, YYYY-MM; `npm run review` lists pages due again.',
      ),
    })
    .superRefine((theme, context) => {
      if (theme.draft) return;
      for (const { field, message } of themeGaps(theme)) context.addIssue({ code: 'custom', path: [field], message });
    });
}
