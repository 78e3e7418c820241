import { z } from 'astro/zod';
import { lineSchema, partialDateSchema } from './common.ts';
import type { References } from './references.ts';

/**
 * Frontmatter of content/recaps/<id>/index.mdx: an attendee's write-up that talk pages draw on. The body,
 * which may be empty, is the recap's intro: what the writer set out to do and what the event felt like.
 * The folder holds one note per talk the recap covered (see note.ts).
 */
export function recapSchema(refs: References) {
  return z.strictObject({
    title: lineSchema.describe('The recap’s title, or a description of it when it has none.'),
    untitled: z.boolean().default(false).describe('True when the recap has no title and `title` describes it instead.'),
    author: lineSchema
      .optional()
      .describe('Who wrote it, by name as the recap gives it; leave it out when the recap names no one.'),
    attribution: lineSchema.describe('How talk pages name the writer in prose, e.g. "The Deezer platform team".'),
    publisher: lineSchema.optional().describe('The company or site that published it, where known.'),
    published: partialDateSchema.optional().describe('When it was published, where the recap says.'),
    event: refs.event.describe('The event it reports on (a file name in content/events/).'),
    scope: lineSchema.describe('What kind of write-up it is and what it focuses on, in one line.'),
    url: z
      .url({ protocol: /^https$/, error: 'an https:// URL of the original post' })
      .optional()
      .describe('The original post’s address, only once confirmed by reading the page itself; never a guessed URL.'),
    picks: z
      .array(refs.talk)
      .max(5, 'at most five picks')
      .default([])
      .describe(
        'The talks this writer singled out as the ones to watch, in the writer’s words (paths under content/talks/ without .mdx); each needs a note in this folder.',
      ),
  });
}
