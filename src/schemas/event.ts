import { z } from 'astro/zod';
import { lineSchema, partialDateSchema } from './common';

/** An event held alongside the main conference. */
export const colocatedEventSchema = z.strictObject({
  // Its name, e.g. "ArgoCon".
  name: lineSchema,
  // What the recaps say of it, in our words.
  note: lineSchema.optional(),
});

/** content/events/<id>.yaml */
export const eventSchema = z
  .strictObject({
    // The conference's name, e.g. "KubeCon + CloudNativeCon Europe 2021".
    name: lineSchema,
    // A short name for chips and breadcrumbs, e.g. "Europe 2021".
    shortName: lineSchema,
    // The host city, or "virtual" for an online-only edition.
    location: lineSchema,
    // The venue, where the recaps name it.
    venue: lineSchema.optional(),
    // First day, as precise as the recaps give it.
    start: partialDateSchema,
    // Last day, as precise as the recaps give it.
    end: partialDateSchema,
    // Events held alongside it that the recaps mention.
    colocated: z.array(colocatedEventSchema).default([]),
    // What the recaps say of the event's format and feel, in our words; paragraphs separated by blank lines.
    about: z.string().trim().min(1, 'a few sentences about the event'),
  })
  .refine((event) => event.start <= event.end, { message: 'start must not be after end', path: ['end'] });
