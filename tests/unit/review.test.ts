import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changesSince,
  formatReviewReport,
  monthsBetween,
  reviewQueue,
  reviewStatus,
  type ReviewPage,
} from '../../src/lib/review';
import { root } from '../helpers/site';

// A fixed clock: nothing here depends on the day the tests run.
const today = '2026-12-01';

describe('review dates', () => {
  it('counts whole calendar months', () => {
    expect(monthsBetween('2025-12', '2026-12-01')).toBe(12);
    expect(monthsBetween('2025-12', '2026-11-30')).toBe(11);
    expect(monthsBetween('2026-12', '2026-12')).toBe(0);
    expect(monthsBetween('2024-02', '2026-01')).toBe(23);
  });

  it('calls a page stale when never reviewed or reviewed twelve months ago or more', () => {
    expect(reviewStatus(undefined, today)).toEqual({ stale: true });
    expect(reviewStatus('2025-12', today)).toEqual({ reviewed: '2025-12', ageMonths: 12, stale: true });
    expect(reviewStatus('2026-01', today)).toEqual({ reviewed: '2026-01', ageMonths: 11, stale: false });
    expect(reviewStatus('2026-06', today, 6).stale).toBe(true);
  });
});

const change = (title: string, checked: string) => ({
  title,
  file: `content/changes/${title}.yaml`,
  date: '2025-01',
  checked,
});
const page = (file: string, reviewed: string | undefined, changes = [] as ReturnType<typeof change>[]): ReviewPage => ({
  kind: file.includes('/themes/') ? 'theme' : 'talk',
  title: file,
  file,
  reviewed,
  changes,
});

describe('reviewQueue', () => {
  const pages = [
    page('content/talks/fresh.mdx', '2026-11'),
    page('content/talks/old.mdx', '2024-03'),
    page('content/themes/never.mdx', undefined, [change('a', '2026-01-05')]),
    page('content/talks/fresh-but-changed.mdx', '2026-10', [
      change('before', '2026-09-30'),
      change('after', '2026-11-02'),
    ]),
    page('content/talks/older.mdx', '2023-07'),
  ];

  it('lists stale pages and pages with a change recorded since their review, oldest review first', () => {
    const due = reviewQueue(pages, today);
    expect(due.map((item) => item.file)).toEqual([
      'content/themes/never.mdx',
      'content/talks/older.mdx',
      'content/talks/old.mdx',
      'content/talks/fresh-but-changed.mdx',
    ]);
    expect(due[3]!.since.map((c) => c.title)).toEqual(['after']);
    expect(due[0]!.since.map((c) => c.title)).toEqual(['a']);
  });

  it('lists nothing when every page is fresh and nothing has been recorded since', () => {
    expect(reviewQueue([page('content/talks/fresh.mdx', '2026-11')], today)).toEqual([]);
  });

  it('counts a change recorded in the review month as already seen', () => {
    expect(changesSince(page('x', '2026-11', [change('same-month', '2026-11-30')]))).toEqual([]);
  });

  it('writes a report a writer can act on', () => {
    const report = formatReviewReport(reviewQueue(pages, today), today);
    expect(report).toMatch(/^4 pages are due for review on 2026-12-01/);
    expect(report).toContain('1. content/themes/never.mdx  (theme: content/themes/never.mdx)\n   never reviewed');
    expect(report).toContain('   last reviewed 2023-07, 41 months ago');
    expect(report).toContain('   1 change recorded since:\n     2026-11-02  after  (content/changes/after.yaml)');
    expect(formatReviewReport([], today)).toMatch(/^No page is due for review on 2026-12-01/);
  });
});

describe('npm run review', () => {
  const dir = join(root, 'tests/.tmp/review');
  const content = join(dir, 'content');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  const talk = (title: string, extra: string) =>
    `---\ntitle: ${title}\nevent: eu-2021\nthemes: [networking]\n${extra}---\n\nBody.\n`;
  rmSync(dir, { recursive: true, force: true });
  write('talks/eu-2021/recent.mdx', talk('Recent Talk', 'reviewed: 2026-10\n'));
  write('talks/eu-2021/old.mdx', talk('Old Talk', 'reviewed: 2025-02\n'));
  write('talks/eu-2021/draft.mdx', talk('Draft Talk', 'draft: true\n'));
  write('themes/networking.mdx', `---\ntitle: Networking\nreviewed: 2026-06\n---\n\nOverview.\n`);
  write(
    'changes/new-api.yaml',
    `title: A new API replaced the old one.\ndate: 2026-11\nchecked: 2026-11-20\ntalks:\n  - talk: eu-2021/recent\n    verdict: partly\n    note: It changes the advice.\n`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/review.ts'), '--content', content, ...args], {
      encoding: 'utf8',
      env: { ...process.env, KCR_TODAY: '' },
    });

  it('lists the due pages oldest first, with the changes recorded since, leaving drafts out', () => {
    const result = run('--today', '2026-12-01');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const order = ['old.mdx', 'networking.mdx', 'recent.mdx'].map((name) => result.stdout.indexOf(name));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(result.stdout).toMatch(/^3 pages are due for review on 2026-12-01/);
    expect(result.stdout).toContain('2026-11-20  A new API replaced the old one.');
    expect(result.stdout).not.toContain('Draft Talk');
  });

  it('takes its clock and threshold from the options', () => {
    const early = run('--today', '2026-11-25', '--months', '24', '--json');
    const parsed = JSON.parse(early.stdout) as { today: string; due: { file: string }[] };
    expect(parsed.today).toBe('2026-11-25');
    // Within 24 months nothing is stale: only the talk a change affects since its review is due, and its theme.
    expect(parsed.due.map((item) => item.file.split('/').pop())).toEqual(['networking.mdx', 'recent.mdx']);
  });

  it.each([
    [['--bogus'], /npm run review: there is no option --bogus/],
    [['--month', '6'], /there is no option --month; did you mean --months\?/],
    [['--today', '1 Dec 2026'], /--today takes a real date written YYYY-MM-DD/],
    [['--today', '2026-02-30'], /--today takes a real date/],
    [['--months', '0'], /--months takes a whole number of months, at least 1, got "0"/],
    [['--months'], /--months/],
  ])('refuses %j with a message naming the option', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    // One line, with where the usage is: never a stack trace.
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('explains itself with --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--months <N>');
  });

  it('names the file and field of a malformed review month', () => {
    write('talks/eu-2021/bad.mdx', talk('Bad Month', 'reviewed: December 2026\n'));
    const result = run('--today', '2026-12-01');
    rmSync(join(content, 'talks/eu-2021/bad.mdx'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/talks\/eu-2021\/bad\.mdx: field "reviewed": expected a month written YYYY-MM/);
  });
});
