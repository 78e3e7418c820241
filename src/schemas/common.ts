import { z } from 'astro/zod';
import { calendarProblem } from '../lib/dates.ts';
import { slugify } from '../lib/slugs.ts';

/**
 * A URL path segment as the site makes them from titles: lower-case words joined by single hyphens, in any
 * script, in one Unicode form (NFC). A slug is valid exactly when slugify() leaves it as it is.
 */
export const slugSchema = z.string().refine((slug) => slug !== '' && slugify(slug) === slug, {
  error: (issue) => {
    const suggestion = typeof issue.input === 'string' ? slugify(issue.input) : '';
    return `a slug of lower-case letters, digits and single hyphens, such as "ebpf-on-the-rise"${
      suggestion ? ` (this one would be "${suggestion}")` : ''
    }`;
  },
});

/** YAML reads an unquoted 2026-12-01 as a Date; schemas want the text the writer typed. */
const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * A date as precise as the recaps give it: YYYY-MM-DD, or YYYY-MM when the day is
 * not known. YAML reads an unquoted 2021-05-04 as a Date, so that is accepted too.
 */
export const partialDateSchema = z.preprocess(
  dateText,
  z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/,
      'a date written YYYY-MM-DD, or YYYY-MM when the recaps do not give the day',
    )
    .refine((date) => date.length === 7 || !calendarProblem(date), {
      error: (issue) => `a day in the calendar: ${calendarProblem(String(issue.input))}`,
    }),
);

/** One line of text: no line breaks, no leading or trailing space. */
export const lineSchema = z
  .string()
  .trim()
  .min(1, 'a non-empty line of text')
  .regex(/^[^\n]*$/, 'a single line of text');

/** A whole day, YYYY-MM-DD. */
export const dayDateSchema = z.preprocess(
  dateText,
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date written YYYY-MM-DD, such as 2026-12-01')
    .refine((date) => !calendarProblem(date), {
      error: (issue) => `a day in the calendar: ${calendarProblem(String(issue.input))}`,
    }),
);

/** A month, YYYY-MM. */
export const monthSchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 7) : value),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM, such as 2026-12'),
);

/**
 * What "today" is for the checks that refuse dates in the future: YYYY-MM-DD. The build passes the
 * build date (siteConfig's `today`); tests pass a fixed day, so they do not depend on the clock.
 */
export interface Clock {
  today: string;
}

/** True when a date written YYYY-MM-DD or YYYY-MM is not after `today`, compared at the date's own precision. */
export function notAfter(today: string) {
  return (date: string) => date <= today.slice(0, date.length);
}

/**
 * When a page was last checked against the current state of the projects it covers, YYYY-MM. Optional so
 * a page being written can leave it out; a page without it counts as never reviewed (`npm run review`).
 */
export function reviewedSchema(clock?: Clock) {
  return monthSchema
    .refine((month) => !clock || notAfter(clock.today)(month), clock ? `a month not after today (${clock.today})` : '')
    .optional();
}

/** A field a draft still lacks before it can be published, with what it needs (DraftMark lists them). */
export interface Gap {
  field: string;
  message: string;
}

/** The gaps of a draft: each field of `fields` that the published entry's schema refuses, with why. */
export function gapsOf(published: z.ZodType, fields: Record<string, unknown>): Gap[] {
  const result = published.safeParse(fields);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
}
