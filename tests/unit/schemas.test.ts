import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { changeSchema } from '../../src/schemas/change';
import { eventSchema } from '../../src/schemas/event';
import { projectSchema } from '../../src/schemas/project';
import { noteSchema } from '../../src/schemas/note';
import { recapSchema } from '../../src/schemas/recap';
import type { References } from '../../src/schemas/references';
import { talkSchema } from '../../src/schemas/talk';
import { themeSchema } from '../../src/schemas/theme';

const ref = (collection: string) => z.string().transform((id) => ({ id, collection }));
const refs: References = {
  event: ref('events'),
  theme: ref('themes'),
  project: ref('projects'),
  recap: ref('recaps'),
  talk: ref('talks'),
};

const validTalk = {
  title: 'How to Break your Kubernetes Cluster with Networking',
  event: 'eu-2021',
  speakers: [{ name: 'Thomas Graf', affiliation: 'Isovalent' }],
  format: 'talk',
  themes: ['networking'],
  projects: ['cilium'],
  summary: 'A maintainer walks through everyday networking mistakes that take clusters down.',
};

/** The first issue's path and message, as a writer would read them. */
function firstIssue(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) return 'parsed';
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('talk schema', () => {
  const schema = talkSchema(refs);

  it('parses a valid talk and fills defaults', () => {
    const talk = schema.parse(validTalk);
    expect(talk.event).toEqual({ id: 'eu-2021', collection: 'events' });
    expect(talk).toMatchObject({ untitled: false, draft: false, redirectFrom: [] });
  });

  it('keeps a speaker with only a first name, or only a company', () => {
    expect(schema.parse({ ...validTalk, speakers: [{ name: 'Kyle' }, { affiliation: 'Jetstack' }] }).speakers).toEqual([
      { name: 'Kyle' },
      { affiliation: 'Jetstack' },
    ]);
    expect(firstIssue(schema, { ...validTalk, speakers: [{}] })).toBe(
      'speakers.0: a speaker needs a name, an affiliation, or both',
    );
  });

  it.each([
    ['a missing title', { title: undefined }, /^title: /],
    ['an unknown format', { format: 'workshop' }, /^format: /],
    ['no theme', { themes: [] }, /^themes: at least one theme/],
    ['four themes', { themes: ['a', 'b', 'c', 'd'] }, /^themes: at most three themes/],
    ['the old hand-kept recap list', { recaps: ['deezer-2021'] }, /recaps/],
    ['an empty comparison', { comparison: '  ' }, /^comparison: a few sentences comparing the notes/],
    [
      'a two-line summary',
      { summary: 'One line long enough to pass the length.\nAnd another one.' },
      /^summary: a single line/,
    ],
    ['a short summary', { summary: 'Too short.' }, /^summary: a summary of at least 40 characters/],
    ['a slug with spaces', { slug: 'Not A Slug' }, /^slug: a slug of lower-case letters/],
    ['a misspelt field', { theme: ['networking'] }, /theme/],
    ['a draft flag that is not a boolean', { draft: 'yes' }, /^draft: /],
  ])('rejects %s with a message naming the field', (_case, change, message) => {
    expect(firstIssue(schema, { ...validTalk, ...change })).toMatch(message);
  });
});

describe('theme schema', () => {
  const schema = themeSchema(refs);
  const valid = { title: 'eBPF', description: 'Programs in the kernel.', order: 1, startHere: ['eu-2021/x'] };
  it('parses a valid theme', () => {
    expect(schema.parse(valid).startHere).toEqual([{ id: 'eu-2021/x', collection: 'talks' }]);
  });
  it('rejects an empty start-here list and a fractional order', () => {
    expect(firstIssue(schema, { ...valid, startHere: [] })).toBe('startHere: at least one talk to start with');
    expect(firstIssue(schema, { ...valid, order: 1.5 })).toBe('order: a whole number');
  });
});

describe('event schema', () => {
  const valid = {
    name: 'KubeCon + CloudNativeCon Europe 2023',
    shortName: 'Europe 2023',
    location: 'Amsterdam',
    start: '2023-04',
    end: '2023-04',
    about: 'In person.',
  };
  it('accepts month-only dates and YAML dates', () => {
    expect(eventSchema.parse(valid).start).toBe('2023-04');
    expect(eventSchema.parse({ ...valid, start: new Date('2021-05-04'), end: '2021-05-07' }).start).toBe('2021-05-04');
  });
  it('rejects a malformed date and an end before the start', () => {
    expect(firstIssue(eventSchema, { ...valid, start: '4 May 2021' })).toMatch(/^start: a date written YYYY-MM-DD/);
    expect(firstIssue(eventSchema, { ...valid, start: '2023-05', end: '2023-04' })).toBe(
      'end: start must not be after end',
    );
  });
});

describe('project schema', () => {
  const schema = projectSchema(refs);
  it('parses a project with a parent', () => {
    expect(schema.parse({ name: 'Argo CD', description: 'GitOps.', parent: 'argo' }).parent).toEqual({
      id: 'argo',
      collection: 'projects',
    });
  });
  it('accepts only https home pages', () => {
    expect(firstIssue(schema, { name: 'X', description: 'Y', homepage: 'http://x.org' })).toBe(
      'homepage: an https:// URL',
    );
  });
});

describe('recap schema', () => {
  const schema = recapSchema(refs);
  const valid = {
    title: 'Highlights #3',
    author: 'Hugo Martins',
    attribution: 'Hugo Martins',
    event: 'eu-2021',
    scope: 'Day three.',
  };
  it('parses a recap and rejects an unknown field', () => {
    expect(schema.parse(valid).untitled).toBe(false);
    expect(firstIssue(schema, { ...valid, url: 'https://x.org' })).toMatch(/url/);
  });
});

describe('review month on talks and themes', () => {
  const clock = { today: '2026-12-01' };
  it('is optional, and a real month when given', () => {
    expect(talkSchema(refs, clock).parse(validTalk).reviewed).toBeUndefined();
    expect(talkSchema(refs, clock).parse({ ...validTalk, reviewed: '2026-12' }).reviewed).toBe('2026-12');
    expect(firstIssue(talkSchema(refs, clock), { ...validTalk, reviewed: 'December 2026' })).toBe(
      'reviewed: a month written YYYY-MM, such as 2026-12',
    );
    expect(firstIssue(talkSchema(refs, clock), { ...validTalk, reviewed: '2026-13' })).toMatch(/^reviewed: a month/);
  });
  it('is refused in the future, by the clock it is given', () => {
    expect(firstIssue(talkSchema(refs, clock), { ...validTalk, reviewed: '2027-01' })).toBe(
      'reviewed: a month not after today (2026-12-01)',
    );
    expect(talkSchema(refs, { today: '2027-01-01' }).parse({ ...validTalk, reviewed: '2027-01' }).reviewed).toBe(
      '2027-01',
    );
    const theme = { title: 'eBPF', description: 'Programs in the kernel.', order: 1, startHere: ['eu-2021/x'] };
    expect(firstIssue(themeSchema(refs, clock), { ...theme, reviewed: '2027-01' })).toBe(
      'reviewed: a month not after today (2026-12-01)',
    );
  });
});

describe('change schema', () => {
  const clock = { today: '2026-12-01' };
  const schema = changeSchema(refs, clock);
  const valid = {
    title: 'Kubernetes 1.25 removed PodSecurityPolicy.',
    label: 'PSP removed',
    summary: 'PodSecurityPolicy is gone from Kubernetes 1.25, and Pod Security Admission enforces the standards.',
    date: '2022-08-23',
    projects: ['kubernetes'],
    talks: [{ talk: 'eu-2021/psp', verdict: 'superseded', note: 'The migration is no longer optional.' }],
    sources: [{ url: 'https://kubernetes.io/docs/concepts/policy/pod-security-policy/', title: 'PSP docs' }],
    checked: new Date('2026-12-01'),
  };

  it('parses a change, with YAML dates and month-only dates', () => {
    const change = schema.parse(valid);
    expect(change.checked).toBe('2026-12-01');
    expect(change.talks[0]!.talk).toEqual({ id: 'eu-2021/psp', collection: 'talks' });
    expect(change.projects).toEqual([{ id: 'kubernetes', collection: 'projects' }]);
    expect(schema.parse({ ...valid, date: '2023-10' }).date).toBe('2023-10');
  });

  it.each([
    [
      'no source',
      { sources: [] },
      'sources: at least one source: a change is recorded only when an official page documents it',
    ],
    ['a missing source list', { sources: undefined }, /^sources: /],
    [
      'a source that is not https',
      { sources: [{ url: 'http://example.org/notes', title: 'Notes' }] },
      'sources.0.url: an https:// URL of the page that documents the change',
    ],
    ['a source without a title', { sources: [{ url: 'https://example.org/notes' }] }, /^sources\.0\.title: /],
    ['a date in the future', { date: '2026-12-02' }, 'date: a date not after today (2026-12-01)'],
    ['a month in the future', { date: '2027-01' }, 'date: a date not after today (2026-12-01)'],
    ['a check in the future', { checked: '2026-12-05' }, 'checked: a date not after today (2026-12-01)'],
    ['a check without a day', { checked: '2026-12' }, 'checked: a date written YYYY-MM-DD, such as 2026-12-01'],
    [
      'a check before the change',
      { date: '2026-11-20', checked: '2026-11-19' },
      /^checked: the sources cannot have been checked before the change happened/,
    ],
    [
      'no project and no talk',
      { projects: [], talks: [] },
      /^projects: a change concerns at least one project or talk/,
    ],
    [
      'an unknown verdict',
      { talks: [{ talk: 'eu-2021/psp', verdict: 'outdated', note: 'x' }] },
      'talks.0.verdict: holds, partly or superseded',
    ],
    ['a talk without a note', { talks: [{ talk: 'eu-2021/psp', verdict: 'holds' }] }, /^talks\.0\.note: /],
    [
      'a talk listed twice',
      { talks: [valid.talks[0], { ...valid.talks[0], verdict: 'holds' }] },
      'talks: each talk is listed once; give one verdict per talk',
    ],
    ['a one-word summary', { summary: 'Changed.' }, /^summary: a summary of at least 80 characters/],
    [
      'a label too long for a timeline',
      { label: 'x'.repeat(51) },
      'label: a label of at most 50 characters: a few words',
    ],
  ])('refuses %s, naming the field', (_case, change, message) => {
    const issue = firstIssue(schema, { ...valid, ...change });
    if (typeof message === 'string') expect(issue).toBe(message);
    else expect(issue).toMatch(message);
  });

  it('takes "today" from the clock it is given, not from the machine', () => {
    expect(firstIssue(changeSchema(refs, { today: '2022-08-22' }), valid)).toBe(
      'date: a date not after today (2022-08-22)',
    );
    expect(
      firstIssue(changeSchema(refs, { today: '2030-01-01' }), { ...valid, date: '2029-12-31', checked: '2029-12-31' }),
    ).toBe('parsed');
  });
});

describe('note schema', () => {
  const schema = noteSchema(refs);

  it('parses a note on a talk, with the writer’s verdict and place in the recap', () => {
    expect(schema.parse({ talk: 'eu-2021/dns', verdict: 'We will try it', order: 3 })).toEqual({
      talk: { id: 'eu-2021/dns', collection: 'talks' },
      verdict: 'We will try it',
      order: 3,
    });
  });

  it.each([
    ['no talk', {}, /^talk: /],
    ['a two-line verdict', { talk: 'x', verdict: 'Good.\nVery.' }, /^verdict: a single line/],
    ['a place of zero', { talk: 'x', order: 0 }, /^order: a number from 1 up/],
    ['a misspelt field', { talk: 'x', verdicts: 'Good' }, /verdicts/],
  ])('refuses %s, naming the field', (_case, value, message) => {
    expect(firstIssue(schema, value)).toMatch(message);
  });
});
