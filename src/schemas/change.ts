import { z } from 'astro/zod';
import { dayDateSchema, lineSchema, notAfter, partialDateSchema, type Clock } from './common.ts';
import type { References } from './references.ts';

/** Our judgement of a talk after a change: its takeaways still hold, partly hold, or are superseded. */
export const verdicts = ['holds', 'partly', 'superseded'] as const;
export type Verdict = (typeof verdicts)[number];

/** A page that documents the change: release notes, a project's docs or blog, a foundation record, a KEP. */
export const changeSourceSchema = z.strictObject({
  // The address of the page someone read, exactly; never a guessed one.
  url: z.url({ protocol: /^https$/, error: 'an https:// URL of the page that documents the change' }),
  // The page's title or a short description of it, e.g. "Kubernetes documentation: Pod Security Policies".
  title: lineSchema.max(160, 'a source title of at most 160 characters'),
});

/** What a change means for one talk, in our judgement. */
export function changeImpactSchema(refs: References) {
  return z.strictObject({
    // The talk (a path under content/talks/ without .mdx).
    talk: refs.talk,
    // holds, partly or superseded: whether the talk's takeaways still hold after this change.
    verdict: z.enum(verdicts, { error: 'holds, partly or superseded' }),
    // One sentence in our words: what the change means for this talk's advice.
    note: lineSchema.max(300, 'a note of at most 300 characters: one sentence'),
  });
}

/** content/changes/<id>.yaml: one change in the world since the talks, with the pages that document it. */
export function changeSchema(refs: References, clock?: Clock) {
  const notFuture = (date: string) => !clock || notAfter(clock.today)(date);
  const future = clock ? `a date not after today (${clock.today})` : '';
  return z
    .strictObject({
      // What changed, in one sentence of our words.
      title: lineSchema.max(160, 'a title of at most 160 characters: one sentence'),
      // A few words for timelines and lists, e.g. "NodePool replaces Provisioner".
      label: lineSchema.max(50, 'a label of at most 50 characters: a few words'),
      // What changed, in our words: two or three sentences.
      summary: z
        .string()
        .trim()
        .min(80, 'a summary of at least 80 characters: two or three sentences')
        .max(700, 'a summary of at most 700 characters: two or three sentences'),
      // When it happened: YYYY-MM-DD where the source gives the day, YYYY-MM where it gives the month.
      date: partialDateSchema.refine(notFuture, future),
      // The projects it concerns (file names in content/projects/).
      projects: z.array(refs.project).default([]),
      // The talks it affects, each with our judgement of what it means for them.
      talks: z.array(changeImpactSchema(refs)).default([]),
      // The pages that document it, each read in full when the change was recorded or last checked.
      sources: z
        .array(changeSourceSchema)
        .min(1, 'at least one source: a change is recorded only when an official page documents it'),
      // The day someone last read the sources and confirmed this entry, YYYY-MM-DD.
      checked: dayDateSchema.refine(notFuture, future),
    })
    .refine((change) => change.projects.length + change.talks.length > 0, {
      message: 'a change concerns at least one project or talk; list them in "projects" or "talks"',
      path: ['projects'],
    })
    .refine((change) => change.checked.slice(0, change.date.length) >= change.date, {
      message: 'the sources cannot have been checked before the change happened; check "date" and "checked"',
      path: ['checked'],
    })
    .refine((change) => new Set(change.talks.map((impact) => impact.talk.id)).size === change.talks.length, {
      message: 'each talk is listed once; give one verdict per talk',
      path: ['talks'],
    });
}
