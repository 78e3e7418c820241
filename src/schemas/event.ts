import { z } from 'astro/zod';
import { lineSchema, partialDateSchema } from './common.ts';

/** An event held alongside the main conference. */
export const colocatedEventSchema = z.strictObject({
  name: lineSchema.describe('Its name, e.g. "ArgoCon".'),
  note: lineSchema.optional().describe('What the recaps say of it, in our words.'),
});

/** content/events/<id>.yaml */
export const eventSchema = z
  .strictObject({
    name: lineSchema.describe('The conference’s name, e.g. "KubeCon + CloudNativeCon Europe 2021".'),
    shortName: lineSchema.describe('A short name for chips and breadcrumbs, e.g. "Europe 2021".'),
    location: lineSchema.describe('The host city, or "virtual" for an online-only edition.'),
    venue: lineSchema.optional().describe('The venue, where the recaps name it.'),
    start: partialDateSchema.describe('First day, as precise as the recaps give it: YYYY-MM-DD, or YYYY-MM.'),
    end: partialDateSchema.describe('Last day, as precise as the recaps give it: YYYY-MM-DD, or YYYY-MM.'),
    colocated: z.array(colocatedEventSchema).default([]).describe('Events held alongside it that the recaps mention.'),
    about: z
      .string()
      .trim()
      .min(1, 'a few sentences about the event')
      .describe(
        'What the recaps say of the event’s format and feel, in our words; paragraphs separated by blank lines.',
      ),
  })
  .refine((event) => event.start <= event.end, { message: 'start must not be after end', path: ['end'] });
