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
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  formatReviewReport,
  reviewAgeMonths,
  reviewQueue,
  type ReviewChange,
  type ReviewPage,
} from '../src/lib/review.ts';
import { today as buildToday } from '../src/site.config.ts';

const usage = `Usage: npm run review -- [options]

Lists the talk and theme pages due for review, oldest review first, with the changes recorded since each
was last reviewed. A page is due when it has no "reviewed" month, was reviewed --months months ago or more,
or is affected by a change recorded after its review.

Options:
  --today YYYY-MM-DD   the day to count from (default: KCR_TODAY, else today)
  --months N           months after which a review is due (default ${reviewAgeMonths})
  --content DIR        the content folder (default: KCR_CONTENT_DIR, else ./content)
  --json               print the list as JSON instead of text
  --help               show this help
`;

class UsageError extends Error {}

/** A content problem, naming the file and the field. */
class ContentProblem extends Error {}

interface Options {
  today: string;
  months: number;
  contentDir: string;
  json: boolean;
}

export function parseOptions(argv: string[], env: Record<string, string | undefined>): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        today: { type: 'string' },
        months: { type: 'string' },
        content: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  if (values.help) return 'help';
  let today: string;
  try {
    today = buildToday(values.today === undefined ? env : { KCR_TODAY: values.today });
  } catch {
    throw new UsageError(
      `--today takes a real date written YYYY-MM-DD, such as 2026-12-01, got "${values.today ?? env.KCR_TODAY}"`,
    );
  }
  const months = values.months === undefined ? reviewAgeMonths : Number(values.months);
  if (!Number.isInteger(months) || months < 1) {
    throw new UsageError(`--months takes a whole number of months, at least 1, got "${values.months}"`);
  }
  const contentDir = values.content ?? env.KCR_CONTENT_DIR ?? 'content';
  if (!existsSync(join(contentDir, 'talks'))) {
    throw new UsageError(`--content: "${contentDir}" has no talks/ folder; point it at the content folder`);
  }
  return { today, months, contentDir, json: values.json };
}

function files(dir: string, ext: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => ext.test(name))
        .map((name) => join(dir, name))
        .sort()
    : [];
}

function read(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const yaml = file.endsWith('.mdx') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
  if (yaml === undefined) throw new ContentProblem(`${file}: no frontmatter between --- lines at the top`);
  try {
    return (parseYaml(yaml) as Record<string, unknown>) ?? {};
  } catch (error) {
    throw new ContentProblem(`${file}: the YAML does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
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
  try {
    const options = parseOptions(process.argv.slice(2), process.env);
    if (options === 'help') {
      process.stdout.write(usage);
      return;
    }
    const items = reviewQueue(readPages(options.contentDir), options.today, options.months);
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ today: options.today, months: options.months, due: items }, null, 2)}\n`
        : formatReviewReport(items, options.today, options.months),
    );
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`npm run review: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else if (error instanceof ContentProblem) {
      process.stderr.write(`npm run review: ${error.message}\n`);
      process.exitCode = 1;
    } else throw error;
  }
}

if (import.meta.main) main();
