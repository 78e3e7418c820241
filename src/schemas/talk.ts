import { z } from 'astro/zod';
import { lineSchema, reviewedSchema, slugSchema, type Clock } from './common';
import type { References } from './references';

/** The kinds of session a KubeCon schedule has. */
export const talkFormats = ['keynote', 'talk', 'tutorial', 'panel', 'lightning', 'co-located'] as const;
export type TalkFormat = (typeof talkFormats)[number];

/** A speaker as a recap names them: some give only a first name, some only a company. */
export const speakerSchema = z
  .strictObject({
    // The speaker's name as the recap spells it, first name only where that is all it gives.
    name: lineSchema.optional(),
    // The company or project the recap says the speaker came from.
    affiliation: lineSchema.optional(),
  })
  .refine((speaker) => speaker.name || speaker.affiliation, 'a speaker needs a name, an affiliation, or both');

/** Frontmatter of content/talks/<event>/<file>.mdx. */
export function talkSchema(refs: References, clock?: Clock) {
  return z.strictObject({
    // The title as the recaps give it; for an untitled session, a plain description of what it covered.
    title: lineSchema,
    // True when no recap gives the session's title, so `title` describes it instead.
    untitled: z.boolean().default(false),
    // The event the talk was given at (a file name in content/events/).
    event: refs.event,
    // Who gave it, in the recaps' own spelling; empty when no recap names anyone.
    speakers: z.array(speakerSchema).default([]),
    // The kind of session.
    format: z.enum(talkFormats),
    // One to three themes the talk belongs to (file names in content/themes/).
    themes: z.array(refs.theme).min(1, 'at least one theme').max(3, 'at most three themes'),
    // Tools and projects the talk showed or discussed (file names in content/projects/).
    projects: z.array(refs.project).default([]),
    // One sentence in our words, shown on cards and as the meta description.
    summary: lineSchema
      .min(40, 'a summary of at least 40 characters')
      .max(280, 'a summary of at most 280 characters: one sentence'),
    // "Where they agree and differ": how the recaps' notes on this talk compare, in Markdown paragraphs.
    // Required once two or more recaps have a note on the talk, refused while only one has.
    comparison: z.string().trim().min(1, 'a few sentences comparing the notes').optional(),
    // The URL slug when it should not be derived from the title.
    slug: slugSchema.optional(),
    // Slugs this talk was published under before; each keeps redirecting to the current URL.
    redirectFrom: z.array(slugSchema).default([]),
    // A draft shows in `npm run dev` only, never in a production build.
    draft: z.boolean().default(false),
    // The month someone last checked this page against today's releases, YYYY-MM; see reviewedSchema.
    reviewed: reviewedSchema(clock),
  });
}
