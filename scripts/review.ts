/**
 * Lists the talk and theme pages due for review, oldest review first, with the changes recorded since
 * each was last checked:
 *
 *   npm run review
 *   npm run review -- --today 2027-06-01 --months 6
 *   npm run review -- --json
 *
 * A page is due when it has no `reviewed` month, was reviewed `--months` months ago or more (12 by
 * default), or is affected by a change (content/changes/) recorded after its review. Drafts are left out.
 * It reads the files itself and checks only the fields it uses; `npm run build` checks everything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSource } from '../src/lib/frontmatter.ts';
import {
  formatReviewReport,
  reviewAgeMonths,
  reviewQueue,
  type ReviewChange,
  type ReviewPage,
} from '../src/lib/review.ts';
import { today as buildToday } from '../src/site.config.ts';
import { parseCommand, Refusal, runCommand, UsageError, type CommandSpec, type OptionSpec } from './cli.ts';

export const command = {
  name: 'npm run review',
  summary:
    'Lists the talk and theme pages due for review, oldest review first, with the changes recorded since each was last reviewed. A page is due when it has no "reviewed" month, was reviewed --months months ago or more, or is affected by a change recorded after its review.',
  usage: ['', '-- [--today <YYYY-MM-DD>] [--months <N>] [--content <DIR>] [--json]'],
  options: {
    today: { type: 'string', value: 'YYYY-MM-DD', help: 'the day to count from (default: KCR_TODAY, else today)' },
    months: { type: 'string', value: 'N', help: `months after which a review is due (default ${reviewAgeMonths})` },
    content: { type: 'string', value: 'DIR', help: 'the content folder (default: KCR_CONTENT_DIR, else ./content)' },
    json: { type: 'boolean', help: 'print the list as JSON instead of text' },
  },
} satisfies CommandSpec<Record<string, OptionSpec>>;

/** A content problem, naming the file and the field: one line, exit 1. */
class ContentProblem extends Refusal {}

interface Options {
  today: string;
  months: number;
  contentDir: string;
  json: boolean;
}

export function parseOptions(argv: string[], env: Record<string, string | undefined>): Options | 'help' {
  const { values, help } = parseCommand(command, argv);
  if (help) return 'help';
  let today: string;
  try {
    today = buildToday(values.today === undefined ? env : { KCR_TODAY: values.today });
  } catch {
    throw new UsageError(
      `${command.name}: --today takes a real date written YYYY-MM-DD, such as 2026-12-01, got "${values.today ?? env.KCR_TODAY}"`,
    );
  }
  const months = values.months === undefined ? reviewAgeMonths : Number(values.months);
  if (!Number.isInteger(months) || months < 1) {
    throw new UsageError(
      `${command.name}: --months takes a whole number of months, at least 1, got "${values.months}"`,
    );
  }
  const contentDir = values.content ?? env.KCR_CONTENT_DIR ?? 'content';
  if (!existsSync(join(contentDir, 'talks'))) {
    throw new UsageError(
      `${command.name}: --content: "${contentDir}" has no talks/ folder; point it at the content folder`,
    );
  }
  return { today, months, contentDir, json: values.json ?? false };
}

function files(dir: string, ext: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => ext.test(name))
        .map((name) => join(dir, name))
        .sort()
    : [];
}

/** A file's fields, read as the build reads them (src/lib/frontmatter.ts). */
function read(file: string): Record<string, unknown> {
  const source = readSource(file, readFileSync(file, 'utf8'));
  if (!source.ok) {
    const line = source.problem.line ? `:${source.problem.line}` : '';
    throw new ContentProblem(`${relative(process.cwd(), file) || file}${line}: ${source.problem.message}`);
  }
  return source.data;
}

/** YAML reads 2026-12-01 as a Date; the fields are compared as text. */
const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

function field(file: string, data: Record<string, unknown>, name: string, pattern: RegExp, expected: string) {
  const value = text(data[name]);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ContentProblem(`${file}: field "${name}": expected ${expected}, got ${JSON.stringify(value)}`);
  }
  return value;
}

const month = /^\d{4}-(0[1-9]|1[0-2])$/;
const day = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The talk and theme pages, each with the changes that affect it. */
export function readPages(contentDir: string): ReviewPage[] {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const talkChanges = new Map<string, ReviewChange[]>();
  for (const file of files(join(contentDir, 'changes'), /\.ya?ml$/)) {
    const data = read(file);
    const title = data.title;
    if (typeof title !== 'string' || !title.trim())
      throw new ContentProblem(`${shown(file)}: field "title": expected one sentence`);
    const checked = field(shown(file), data, 'checked', day, 'the day the sources were checked, YYYY-MM-DD');
    if (!checked)
      throw new ContentProblem(
        `${shown(file)}: field "checked": missing; give the day the sources were checked, YYYY-MM-DD`,
      );
    const date = String(text(data.date) ?? '');
    const change = { title, file: shown(file), date, checked };
    const talks = Array.isArray(data.talks) ? data.talks : [];
    talks.forEach((impact, i) => {
      const id = (impact as { talk?: unknown } | null)?.talk;
      if (typeof id !== 'string')
        throw new ContentProblem(
          `${shown(file)}: field "talks[${i}].talk": expected a talk path such as eu-2021/my-talk`,
        );
      talkChanges.set(id, [...(talkChanges.get(id) ?? []), change]);
    });
  }

  const talksDir = join(contentDir, 'talks');
  const talks = files(talksDir, /\.mdx$/).map((file) => ({
    id: relative(talksDir, file).replace(/\.mdx$/, ''),
    file,
    data: read(file),
  }));
  const pages: ReviewPage[] = [];
  const themeChanges = new Map<string, Set<ReviewChange>>();
  for (const talk of talks) {
    if (talk.data.draft === true) continue;
    const changes = talkChanges.get(talk.id) ?? [];
    const themes = Array.isArray(talk.data.themes) ? (talk.data.themes as unknown[]) : [];
    for (const theme of themes.filter((t): t is string => typeof t === 'string')) {
      const set = themeChanges.get(theme) ?? new Set();
      for (const change of changes) set.add(change);
      themeChanges.set(theme, set);
    }
    pages.push({
      kind: 'talk',
      title: String(talk.data.title ?? talk.id),
      file: shown(talk.file),
      reviewed: field(shown(talk.file), talk.data, 'reviewed', month, 'a month written YYYY-MM, such as 2026-12'),
      changes,
    });
  }
  const themesDir = join(contentDir, 'themes');
  for (const file of files(themesDir, /\.mdx$/)) {
    const data = read(file);
    if (data.draft === true) continue;
    const id = relative(themesDir, file).replace(/\.mdx$/, '');
    pages.push({
      kind: 'theme',
      title: String(data.title ?? id),
      file: shown(file),
      reviewed: field(shown(file), data, 'reviewed', month, 'a month written YYYY-MM, such as 2026-12'),
      changes: [...(themeChanges.get(id) ?? [])],
    });
  }
  return pages;
}

function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options === 'help') return;
  const items = reviewQueue(readPages(options.contentDir), options.today, options.months);
  process.stdout.write(
    options.json
      ? `${JSON.stringify({ today: options.today, months: options.months, due: items }, null, 2)}\n`
      : formatReviewReport(items, options.today, options.months),
  );
}

if (import.meta.main) await runCommand(command, main);
