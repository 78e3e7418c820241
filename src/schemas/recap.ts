import { z } from 'astro/zod';
import { lineSchema, partialDateSchema } from './common';
import type { References } from './references';

/**
 * Frontmatter of content/recaps/<id>/index.mdx: an attendee's write-up that talk pages draw on. The body,
 * which may be empty, is the recap's intro: what the writer set out to do and what the event felt like.
 * The folder holds one note per talk the recap covered (see note.ts).
 */
export function recapSchema(refs: References) {
  return z.strictObject({
    // The recap's title, or a description of it when it has none.
    title: lineSchema,
    // True when the recap has no title and `title` describes it instead.
    untitled: z.boolean().default(false),
    // Who wrote it, as the recap says; "not named" where it does not.
    author: lineSchema,
    // How talk pages name the writer in prose, e.g. "The Deezer platform team".
    attribution: lineSchema,
    // The company or site that published it, where known.
    publisher: lineSchema.optional(),
    // When it was published, where the recap says.
    published: partialDateSchema.optional(),
    // The event it reports on.
    event: refs.event,
    // What kind of write-up it is and what it focuses on, in one line.
    scope: lineSchema,
  });
}
