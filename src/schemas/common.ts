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

/**
 * A date as precise as the recaps give it: YYYY-MM-DD, or YYYY-MM when the day is
 * not known. YAML reads an unquoted 2021-05-04 as a Date, so that is accepted too.
 */
export const partialDateSchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
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
