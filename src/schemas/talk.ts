import { z } from 'astro/zod';
import { gapsOf, lineSchema, reviewedSchema, slugSchema, type Clock, type Gap } from './common.ts';
import type { References } from './references.ts';

/** The kinds of session a KubeCon schedule has. */
export const talkFormats = ['keynote', 'talk', 'tutorial', 'panel', 'lightning', 'co-located'] as const;
export type TalkFormat = (typeof talkFormats)[number];

/** The longest title a talk may have: it stays a readable heading, a card of four lines and a sound file name. */
export const maxTitleLength = 120;

/** A speaker as a recap names them: some give only a first name, some only a company. */
export const speakerSchema = z
  .strictObject({
    name: lineSchema
      .optional()
      .describe("The speaker's name as the recap spells it, first name only where that is all it gives."),
    affiliation: lineSchema.optional().describe('The company or project the recap says the speaker came from.'),
  })
  .refine((speaker) => speaker.name || speaker.affiliation, 'a speaker needs a name, an affiliation, or both');

const summarySchema = z
  .string()
  .trim()
  .min(40, 'a summary of at least 40 characters')
  .max(280, 'a summary of at most 280 characters: one sentence')
  .regex(/^[^\n]*$/, 'a single line of text');

/**
 * What a talk needs before it is published; a draft may leave it empty while it is written, and its page in
 * `npm run dev` lists what is still missing. (That a recap has a note on it is checked with the notes.)
 */
const publishedSchema = z.object({ summary: summarySchema });

/** The fields a draft talk still lacks before it can be published (draft: false), with what each needs. */
export const talkGaps = (talk: { summary: string }): Gap[] => gapsOf(publishedSchema, { summary: talk.summary });

/** Frontmatter of content/talks/<event>/<file>.mdx. */
export function talkSchema(refs: References, clock?: Clock) {
  return z
    .strictObject({
      title: lineSchema
        .max(maxTitleLength, `a title of at most ${maxTitleLength} characters`)
        .describe('The title as the recaps give it; for an untitled session, a plain description of what it covered.'),
      untitled: z
        .boolean()
        .default(false)
        .describe('True when no recap gives the session’s title, so `title` describes it instead.'),
      event: refs.event.describe('The event the talk was given at (a file name in content/events/).'),
      speakers: z
        .array(speakerSchema)
        .default([])
        .describe('Who gave it, in the recaps’ own spelling; empty when no recap names anyone.'),
      format: z.enum(talkFormats).describe(`The kind of session: ${talkFormats.join(', ')}.`),
      themes: z
        .array(refs.theme)
        .min(1, 'at least one theme')
        .max(3, 'at most three themes')
        .describe('One to three themes the talk belongs to, the main one first (file names in content/themes/).'),
      projects: z
        .array(refs.project)
        .default([])
        .describe('Tools and projects the talk showed or discussed (file names in content/projects/).'),
      summary: z
        .string()
        .trim()
        .default('')
        .describe('One sentence in our words, shown on cards and as the meta description.'),
      comparison: z
        .string()
        .trim()
        .min(1, 'a few sentences comparing the notes')
        .optional()
        .describe(
          '"Where they agree and differ": how the recaps’ notes on this talk compare, in Markdown paragraphs. Required once two or more recaps have a note on the talk, refused while only one has.',
        ),
      slug: slugSchema.optional().describe('The URL slug when it should not be derived from the title.'),
      redirectFrom: z
        .array(slugSchema)
        .default([])
        .describe('Slugs this talk was published under before; each keeps redirecting to the current URL.'),
      draft: z.boolean().default(false).describe('A draft shows in `npm run dev` only, never in a production build.'),
      reviewed: reviewedSchema(clock).describe(
        'The month someone last checked this page against today’s releases, YYYY-MM; `npm run review` lists pages due again.',
      ),
    })
    .superRefine((talk, context) => {
      if (talk.draft) return;
      for (const { field, message } of talkGaps(talk)) context.addIssue({ code: 'custom', path: [field], message });
    });
}
