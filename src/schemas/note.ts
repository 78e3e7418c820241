import { z } from 'astro/zod';
import { lineSchema } from './common.ts';
import type { References } from './references.ts';

/**
 * Frontmatter of content/recaps/<recap>/<talk-slug>.md: one attendee's note on one talk. The body is what
 * that writer saw, liked, recommended or doubted, in our words.
 */
export function noteSchema(refs: References) {
  return z.strictObject({
    talk: refs.talk.describe(
      'The talk the note is about (its path under content/talks/ without .mdx, e.g. eu-2021/some-talk).',
    ),
    verdict: lineSchema
      .max(120, 'a verdict of at most 120 characters')
      .optional()
      .describe('The writer’s own one-line verdict, only where the recap gives one, e.g. "would watch again".'),
    order: z
      .number()
      .int('a whole number')
      .positive('a number from 1 up')
      .optional()
      .describe(
        'Where the note stands in the recap, in the writer’s order (1 first); without it, the event’s talk order.',
      ),
  });
}
