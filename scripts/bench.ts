/**
 * What the site costs to build and to load, at 50, 500 and 2,000 talks (or any
 * --n), against the floor of its own stack: the same synthetic talks built by a
 * bare Astro + MDX + Pagefind project with no layout or components, in the same
 * run. Prints a table with each budget met or not. Not a test: the machine is
 * noisy, so budgets are ratios where they can be.
 *
 *   npm run bench                 N = 50, 500, 2000
 *   npm run bench -- --n 10000    one large run
 *   npm run bench -- --help       the options
 *
 * Everything it writes goes under .bench/, which it removes when done; it never
 * touches content/ or dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readMarkdown } from '../src/lib/frontmatter.ts';
import { runCommand, UsageError, type CommandSpec, type OptionSpec } from './cli.ts';

const root = join(import.meta.dirname, '..');
const benchDir = join(root, '.bench');

export const command = {
  name: 'npm run bench',
  summary: 'Builds synthetic sites of N talks beside a bare Astro + MDX + Pagefind project, and prints each budget.',
  usage: ['', '-- --n <N> [--n <N> …] [--keep]'],
  options: {
    n: {
      type: 'string',
      multiple: true,
      value: 'N',
      help: 'talks to generate, a whole number from 10 to 50000 (default 50, 500 and 2000)',
    },
    keep: { type: 'boolean', help: 'keep .bench/ (the generated content and builds) afterwards' },
  },
  examples: ['npm run bench -- --n 2000', 'npm run bench -- --n 500,2000'],
} satisfies CommandSpec<Record<string, OptionSpec>>;

/** The sizes asked for, each a whole number of talks, or a UsageError before any build starts. */
export function benchSizes(given: string[] | undefined): number[] {
  return (given ?? ['50', '500', '2000'])
    .flatMap((value) => value.split(','))
    .map((value) => {
      const n = Number(value.trim());
      if (!/^\d+$/.test(value.trim()) || n < 10 || n > 50_000) {
        throw new UsageError(`${command.name}: --n must be a whole number of talks from 10 to 50000, got "${value}"`);
      }
      return n;
    });
}

/** The middle value. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The build budget: the site's warm build at most this many times the bare floor's, at N = 2,000. */
export const buildBudget = 1.3;

// ---------- synthetic content ----------

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
/** Draws words with the frequencies they have in `counts`. */
function sampler(counts: Map<string, number>) {
  const list = [...counts.keys()];
  const cumulative: number[] = [];
  let total = 0;
  for (const word of list) cumulative.push((total += counts.get(word)!));
  return (rand: () => number) => {
    const target = rand() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! <= target) low = mid + 1;
      else high = mid;
    }
    return list[low]!;
  };
}
type Sampler = ReturnType<typeof sampler>;

/**
 * What the synthetic talks are made of, taken from the site's own talk pages so the text has the shape of
 * real prose. Each synthetic talk resamples one real talk's words (most of its text) mixed with the words
 * most talks share, so a topical word ("ndots", "karpenter") stays in the talks about it, as in a real
 * corpus, while "cluster" or "the" is on nearly every page. (Drawing every page from one pooled frequency
 * list put each niche word on a third of all pages, which no real site has.) Speakers get names made from
 * the first and last names of real speakers, so a speaker's name is a rare word pair, as it is in life.
 */
function realTalks(talksDir: string) {
  const talks: Map<string, number>[] = [];
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const affiliations = new Set<string>();
  for (const entry of readdirSync(talksDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    const source = readMarkdown(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    if (!source.ok) continue;
    for (const speaker of (source.data.speakers ?? []) as { name?: string; affiliation?: string }[]) {
      const [first, last, ...rest] = speaker.name?.split(' ') ?? [];
      if (first && last && !rest.length) {
        firstNames.add(first);
        lastNames.add(last);
      }
      if (speaker.affiliation) affiliations.add(speaker.affiliation);
    }
    const counts = new Map<string, number>();
    for (const word of source.body.toLowerCase().match(/[a-z][a-z0-9'-]*/g) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
    talks.push(counts);
  }
  const shared = new Map<string, number>();
  for (const counts of talks) for (const [word, count] of counts) shared.set(word, (shared.get(word) ?? 0) + count);
  for (const word of shared.keys())
    if (talks.filter((counts) => counts.has(word)).length < talks.length / 5) shared.delete(word);
  return {
    talks: talks.map(sampler),
    shared: sampler(shared),
    firstNames: [...firstNames].sort(),
    lastNames: [...lastNames].sort(),
    affiliations: [...affiliations].sort(),
  };
}
/** Read by main(), before the first synthetic talk is made. */
let corpus: ReturnType<typeof realTalks>;
/** The speaker of synthetic talk `i`: with more first than last names, the pairs repeat only after thousands of talks. */
const speakerName = (i: number) =>
  `${corpus.firstNames[i % corpus.firstNames.length]} ${corpus.lastNames[(i * 7) % corpus.lastNames.length]}`;
const themeIds = [
  'ebpf',
  'security',
  'gitops',
  'observability',
  'networking',
  'autoscaling',
  'supply-chain',
  'platform',
];
const projectIds = Array.from({ length: 20 }, (_, i) => `tool-${i + 1}`);

function sentence(rand: () => number, topic: Sampler, length = 10 + Math.floor(rand() * 12)) {
  const text = Array.from({ length }, () => (rand() < 0.8 ? topic(rand) : corpus.shared(rand))).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
function paragraph(rand: () => number, topic: Sampler, sentences = 5) {
  return Array.from({ length: sentences }, () => sentence(rand, topic)).join(' ');
}

function writeFile(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A title within the site's 120 characters, about 800 words, one to three themes (the first cycles, so every theme has talks), speakers, an event, a 15-line YAML block. */
function talk(i: number) {
  const rand = random(i + 1);
  const themes = [
    ...new Set([
      themeIds[i % themeIds.length]!,
      ...Array.from({ length: Math.floor(rand() * 3) }, () => themeIds[Math.floor(rand() * themeIds.length)]!),
    ]),
  ];
  const projects = [
    ...new Set(
      Array.from({ length: 1 + Math.floor(rand() * 3) }, () => projectIds[Math.floor(rand() * projectIds.length)]),
    ),
  ];
  const event = `event-${i % 3}`;
  const topic = corpus.talks[Math.floor(rand() * corpus.talks.length)]!;
  const takeaways = Array.from({ length: 5 }, () => `- ${sentence(rand, topic, 14)}`).join('\n');
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 7}
spec:
  replicas: ${1 + (i % 5)}
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/app@sha256:${'a'.repeat(64)}
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { memory: 256Mi }`;
  return {
    event,
    themes,
    body: `---
title: "${`Synthetic talk ${i}: ${sentence(rand, topic, 5).slice(0, -1)}`.slice(0, 120).trim()}"
event: ${event}
speakers:
  - name: ${speakerName(i)}
    affiliation: ${corpus.affiliations[i % corpus.affiliations.length]}
format: talk
themes: [${themes.join(', ')}]
projects: [${projects.join(', ')}]
summary: ${sentence(rand, topic, 16)}
---

## What the talk covered

${paragraph(rand, topic, 8)}

${paragraph(rand, topic, 8)}

${paragraph(rand, topic, 8)}

## Takeaways

${takeaways}

Our illustration:

\`\`\`yaml title="deployment.yaml"
${yaml}
\`\`\`

## Tools and projects

${projects.map((p) => `- [${p}](/projects/${p}/): ${sentence(rand, topic, 8)}`).join('\n')}
`,
    // The event's recap's note on the talk: talk pages compose "What the recaps said" from the notes.
    note: `---\ntalk: ${event}/talk-${i}\n---\n\n${paragraph(rand, topic, 8)}\n\n${paragraph(rand, topic, 6)}\n`,
  };
}

/** How many talks a synthetic recap covers. */
const talksPerRecap = 20;

/** Writes a content folder of `n` synthetic talks, with their events, recaps, notes, projects and themes. */
export function generate(n: number, dir: string) {
  corpus ??= realTalks(join(root, 'content', 'talks'));
  rmSync(dir, { recursive: true, force: true });
  for (let e = 0; e < 3; e++) {
    writeFile(
      join(dir, `events/event-${e}.yaml`),
      `name: Synthetic Con ${2020 + e}\nshortName: Synth ${2020 + e}\nlocation: virtual\nstart: ${2020 + e}-05-04\nend: ${2020 + e}-05-07\nabout: A synthetic event.\n`,
    );
  }
  // Recaps the size of real ones (the site's own cover 4 to 25 talks): each writer notes 20 talks of one
  // event, so a large site has many recaps rather than a few pages of hundreds of notes. A recap is a folder:
  // its index.mdx, and a note on each talk it covers.
  const recapOf = (i: number) => {
    const e = i % 3;
    const id = `recap-${e}-${Math.floor(i / (3 * talksPerRecap))}`;
    const index = join(dir, `recaps/${id}/index.mdx`);
    if (!existsSync(index))
      writeFile(
        index,
        `---\ntitle: Recap ${id}\nauthor: Someone\nattribution: Recap ${id}\nevent: event-${e}\nscope: Synthetic.\n---\n`,
      );
    return id;
  };
  for (const id of projectIds)
    writeFile(join(dir, `projects/${id}.yaml`), `name: ${id}\ndescription: A synthetic project.\ncategory: platform\n`);
  const startHere = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const { event, themes, body, note } = talk(i);
    writeFile(join(dir, `talks/${event}/talk-${i}.mdx`), body);
    writeFile(join(dir, `recaps/${recapOf(i)}/talk-${i}.md`), note);
    for (const theme of themes) if (!startHere.has(theme)) startHere.set(theme, `${event}/talk-${i}`);
  }
  for (const [i, id] of themeIds.entries()) {
    if (!startHere.has(id)) continue;
    writeFile(
      join(dir, `themes/${id}.mdx`),
      `---\ntitle: Theme ${id}\ndescription: A synthetic theme.\norder: ${i}\nstartHere: [${startHere.get(id)}]\n---\n\n${paragraph(random(i), corpus.shared, 6)}\n`,
    );
  }
}

// ---------- the bare floor project ----------

/**
 * One page per talk with nothing but its title, speakers, themes, projects, summary and body, so its search
 * index holds about the same words as the site's (which also indexes theme and event names as metadata).
 */

function writeBare(dir: string, contentDir: string) {
  rmSync(dir, { recursive: true, force: true });
  writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createIndex, close } from 'pagefind';
import { fileURLToPath } from 'node:url';
export default defineConfig({
  integrations: [mdx(), { name: 'pf', hooks: { 'astro:build:done': async ({ dir }) => {
    const { index } = await createIndex({});
    await index.addDirectory({ path: fileURLToPath(dir) });
    await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind', dir)) });
    await close();
  } } }],
  markdown: { shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } } },
});
`,
  );
  writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = { talks: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(contentDir, 'talks'))} }), schema: z.looseObject({ title: z.string() }) }) };
`,
  );
  writeFile(
    join(dir, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('talks')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { data } = Astro.props.entry;
const { Content } = await render(Astro.props.entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{data.title}</title></head>
<body><main data-pagefind-body><h1>{data.title}</h1><p>{data.speakers.map((s) => s.name).join(', ')}</p><p>{[...data.themes, ...data.projects].join(', ')}</p><p>{data.summary}</p><Content /></main></body></html>
`,
  );
}

// ---------- measuring ----------

/** The browser and the static server, loaded when a search is measured (the driver takes a second to load). */
async function browserTools() {
  const [{ launchBrowser }, { serve }] = await Promise.all([
    import('./shared/browser.ts'),
    import('./shared/server.ts'),
  ]);
  return { launchBrowser, serve };
}

interface BuildRun {
  seconds: number;
  maxRssMb: number;
  /** The figures the site's integrations reported (src/integrations/build-report.ts); none for the bare build. */
  figures: Record<string, number>;
}

function timedBuild(args: string[], env: Record<string, string>, cwd = root): BuildRun {
  const reportFile = join(benchDir, 'build-report.json');
  rmSync(reportFile, { force: true });
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
    {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', KCR_BUILD_REPORT: reportFile, ...env },
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const log = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  if (run.status !== 0) throw new Error(`build failed:\n${log.slice(-4000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1]);
  if (!rss) throw new Error('/usr/bin/time -v printed no "Maximum resident set size"; is GNU time installed?');
  const figures = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, number>)
    : {};
  return { seconds, maxRssMb: rss / 1024, figures };
}

/** A figure the site's build reported; a missing one is an error, never a NaN in the table. */
function figure(build: BuildRun, name: string): number {
  const value = build.figures[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`the build reported no "${name}" (src/integrations/build-report.ts); the table would be wrong`);
  }
  return value;
}

/** The bytes a folder takes, each file once: a hard link (a Pagefind file's `.gz` name) adds nothing. */
function dirBytes(dir: string): number {
  const seen = new Set<string>();
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => {
      const file = statSync(join(e.parentPath, e.name));
      const id = `${file.dev}:${file.ino}`;
      if (seen.has(id)) return sum;
      seen.add(id);
      return sum + file.size;
    }, 0);
}

/** The bytes a reader's browser fetches to read a talk page, before any interaction. */
function pageWeight(dist: string, path: string) {
  const html = readFileSync(join(dist, path, 'index.html'));
  const text = html.toString();
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1]!)));
  const js = [...text.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1]!)));
  const sum = (files: Buffer[]) => files.reduce((s, f) => s + f.length, 0);
  const gz = (files: Buffer[]) => files.reduce((s, f) => s + gzipSync(f).length, 0);
  return {
    html: [html.length, gzipSync(html).length],
    css: [sum(css), gz(css)],
    js: [sum(js), gz(js)],
    totalGz: gzipSync(html).length + gz(css) + gz(js),
  };
}

/** A query typed into the header search, and the query its results line names (the corrected one, when corrected). */
interface SearchQuery {
  query: string;
  shows: string;
  /** The words the synthetic talks must hold for the query to be what its row says. */
  needs: readonly string[];
  /** What the notice above the results must say, so a row called corrected or relaxed really was. */
  notice?: RegExp;
}
const asTyped = (query: string): SearchQuery => ({ query, shows: query, needs: query.split(' ') });

/**
 * A misspelt query and a question no page answers whole, each beside the exact query a reader would otherwise
 * type: what correcting and relaxing cost on top of it (the vocabulary, more index chunks and fragments).
 */
const handledQueries = [
  {
    query: 'karpeneter',
    shows: 'karpenter',
    kind: 'corrected',
    exact: 'karpenter',
    needs: ['karpenter'],
    notice: /Showing results for karpenter/,
  },
  {
    query: 'kuberentes security',
    shows: 'kubernetes security',
    kind: 'corrected',
    exact: 'kubernetes security',
    needs: ['kubernetes', 'security'],
    notice: /Showing results for kubernetes security/,
  },
  {
    // Three words held together by too few pages even at 2,000 talks (with two, a recap of 20 talks often
    // holds both).
    query: 'how do i run karpenter with falco and linkerd',
    shows: 'how do i run karpenter with falco and linkerd',
    kind: 'relaxed',
    exact: 'karpenter',
    needs: ['run', 'karpenter', 'falco', 'linkerd'],
    notice: /have every word|has every word/,
  },
] as const;

/**
 * The words of `needs` that no synthetic talk holds. The talks resample real ones, so at a small N a rare word
 * ("falco") may be left out, and a query built on it would then be corrected or find nothing instead.
 */
function wordsMissing(contentDir: string, needs: readonly string[]) {
  const left = new Set(needs);
  for (const entry of readdirSync(join(contentDir, 'talks'), { recursive: true, withFileTypes: true })) {
    if (!left.size) break;
    if (!entry.isFile()) continue;
    const words = new Set(
      readFileSync(join(entry.parentPath, entry.name), 'utf8')
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    );
    for (const word of left) if (words.has(word)) left.delete(word);
  }
  return [...left];
}

/** How long a search may take to show its results before the bench stops with what the status line reads. */
const searchTimeoutMs = 20_000;
/** Each search is timed this many times, each in a fresh browser context; the median is judged. */
const searchTries = 3;

interface Spread {
  median: number;
  min: number;
  max: number;
}
const spreadOf = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});
/** A time as the table prints it: the median, then the range of the tries. */
const timed = (t: Spread) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;

/** The vocabulary corrections draw on, as the build reports it. */
const vocabularySize = (build: BuildRun) =>
  `${figure(build, 'vocabularyWords')} words in ${figure(build, 'vocabularyFiles')} files (one per length of word), ${(figure(build, 'vocabularyGzipBytes') / 1024).toFixed(1)} KB gzipped in all; correcting a word fetches at most ${(figure(build, 'vocabularyMostFetchedGzipBytes') / 1024).toFixed(1)} KB of them`;

/**
 * Times one query's answer in the header search, in the page, as Pagefind alone is timed: from the moment the
 * query is asked (set whole, or the last key's keydown as the browser received it) to the first animation frame
 * with its results on screen. Timed from Node, a typed query also counted Playwright's round trips to the
 * browser, tens of milliseconds no reader waits for. The answer must be to this query, not the one before its
 * last key: the count line names it, and a corrected query's "Search instead" link names what was typed (the
 * key before the last may already have been corrected to the same words). Returns a function that waits for
 * the time, or fails saying what the status line reads.
 */
async function answerTimer(
  page: import('playwright-core').Page,
  query: string,
  shows: string,
  how: 'pasted' | 'typed',
): Promise<() => Promise<number>> {
  await page.evaluate(
    ([q, shows, how, timeoutMs]) => {
      const answered = () =>
        document.querySelector('.search-dialog [role="status"]')?.textContent?.includes(`for “${shows}”`) &&
        (shows === q ||
          document.querySelector('.search-dialog .search-notice--corrected .search-notice__link')?.textContent === q) &&
        document.querySelector('.search-dialog .kcr-result__title');
      (window as unknown as { kcrAnswer: Promise<number> }).kcrAnswer = new Promise((resolve) => {
        const watch = (asked: number) => {
          const check = () =>
            answered() || performance.now() - asked > timeoutMs
              ? resolve(performance.now() - asked)
              : requestAnimationFrame(check);
          requestAnimationFrame(check);
        };
        if (how === 'typed') {
          document.addEventListener('keydown', (event) => watch(event.timeStamp), { capture: true, once: true });
          return;
        }
        const input = document.querySelector<HTMLInputElement>('.search-dialog input')!;
        const asked = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        watch(asked);
      });
    },
    [query, shows, how, searchTimeoutMs] as const,
  );
  return async () => {
    const ms = await page.evaluate(() => (window as unknown as { kcrAnswer: Promise<number> }).kcrAnswer);
    if (ms > searchTimeoutMs) {
      const status = await page.locator('.search-dialog [role="status"]').textContent();
      throw new Error(
        `search: no results for “${shows}” within ${searchTimeoutMs / 1000} s; the status line reads “${status}”`,
      );
    }
    return ms;
  };
}

/**
 * The header search on the built site, for each query, in a fresh browser context (nothing cached):
 * the bytes fetched from opening the dialog to the results (as the nginx deploy sends them: the build's Brotli
 * copy where it made one, else the file as written), and the time from the query to its results on screen,
 * both pasted whole and typed a key every 80 ms (timed from the last key, which is when a typing reader has
 * asked). Both are timed in the page, as Pagefind alone is (see answerTimer). The bytes of the typed query are
 * printed too: each key's results are drawn as they come, so a typing reader also fetches the fragments of
 * results the next key replaced. Each is tried three times: a single try on this shared machine can wait tens
 * of milliseconds on a fetch from the same host.
 */
async function searchCost(dist: string, queries: SearchQuery[]) {
  const { launchBrowser, serve } = await browserTools();
  const server = await serve(dist, '/', { compressed: true });
  const browser = await launchBrowser();
  const results: { query: string; kb: number; typedKb: number; pastedMs: Spread; typedMs: Spread }[] = [];
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}talks/`);
    const bodies: Promise<number>[] = [];
    // The body's size on the wire, before the browser decodes it.
    page.on('response', (response) =>
      bodies.push(
        response
          .request()
          .sizes()
          .then(
            (sizes) => sizes.responseBodySize,
            () => 0, // an aborted request
          ),
      ),
    );
    // Requests still open: the results drawn first may be followed by the rest of the first batch's fetches.
    let inFlight = 0;
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    // Half a second with no request open (Playwright's networkidle is the page load's, long past).
    const quiet = async () => {
      for (let still = 0; still < 5; still = inFlight ? 0 : still + 1) await page.waitForTimeout(100);
    };
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog input').waitFor();
    // Opening search starts loading the engine and index metadata; a reader takes longer than that to type.
    await quiet();
    const bytes = async () => {
      await quiet();
      return (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
    };
    return { context, page, bytes };
  };
  try {
    for (const { query, shows, notice } of queries) {
      const tries: { kb: number; typedKb: number; pastedMs: number; typedMs: number }[] = [];
      for (let attempt = 0; attempt < searchTries; attempt++) {
        const pasted = await open();
        const pastedMs = await answerTimer(pasted.page, query, shows, 'pasted').then((answer) => answer());
        const said = (await pasted.page.locator('.search-dialog .search-notices').innerText()).trim();
        if (notice && !notice.test(said))
          throw new Error(`search "${query}": expected a notice matching ${notice} above the results, got "${said}"`);
        const kb = (await pasted.bytes()) / 1024;
        await pasted.context.close();

        const typed = await open();
        await typed.page.keyboard.type(query.slice(0, -1), { delay: 80 });
        await typed.page.waitForTimeout(80);
        const answer = await answerTimer(typed.page, query, shows, 'typed');
        await typed.page.keyboard.press(query.at(-1)!);
        const typedMs = await answer();
        const typedKb = (await typed.bytes()) / 1024;
        await typed.context.close();
        tries.push({ kb, typedKb, pastedMs, typedMs });
      }
      const of = (key: keyof (typeof tries)[number]) => spreadOf(tries.map((t) => t[key]));
      results.push({
        query,
        kb: of('kb').median,
        typedKb: of('typedKb').median,
        pastedMs: of('pastedMs'),
        typedMs: of('typedMs'),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

/**
 * The floor of the search: Pagefind alone, on the bare build of the same talks, in a fresh browser context
 * per query. Bytes from loading Pagefind to the first five results' data (each gzipped, as a server that
 * compresses every response would send it; Pagefind's own files are gzip already), and the time from the query to
 * that data (no drawing), with the same options the header search uses. Tried three times, as the site's search is.
 */
async function searchFloor(dist: string, queries: SearchQuery[]) {
  const { launchBrowser, serve } = await browserTools();
  const server = await serve(dist);
  const browser = await launchBrowser();
  const results: { query: string; kb: number; ms: Spread; found: number }[] = [];
  try {
    const firstTalk = readdirSync(join(dist, 'event-0'))[0]!;
    for (const { query } of queries) {
      const tries: { kb: number; ms: number; found: number }[] = [];
      for (let attempt = 0; attempt < searchTries; attempt++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}event-0/${firstTalk}/`);
        const bodies: Promise<number>[] = [];
        page.on('response', (response) =>
          bodies.push(
            response.body().then(
              (body) => gzipSync(body).length,
              () => 0,
            ),
          ),
        );
        const { ms, found } = await page.evaluate(async (q) => {
          const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
          await pagefind.options({ excerptLength: 24, noWorker: true });
          await pagefind.init();
          await new Promise((resolve) => setTimeout(resolve, 500));
          const started = performance.now();
          const found = await pagefind.search(q);
          await Promise.all(found.results.slice(0, 5).map((result: { data(): Promise<unknown> }) => result.data()));
          return { ms: performance.now() - started, found: found.results.length as number };
        }, query);
        await page.waitForLoadState('networkidle');
        tries.push({ kb: (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0) / 1024, ms, found });
        await context.close();
      }
      results.push({
        query,
        kb: spreadOf(tries.map((t) => t.kb)).median,
        ms: spreadOf(tries.map((t) => t.ms)),
        found: tries[0]!.found,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

// ---------- the run ----------

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

async function main({ values }: { values: { n?: string[]; keep?: boolean } }) {
  const sizes = benchSizes(values.n);
  corpus ??= realTalks(join(root, 'content', 'talks'));
  say(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  try {
    // The site's own content, for the vocabulary at its real size.
    const real = timedBuild([], {
      KCR_OUT_DIR: join(benchDir, 'site-real'),
      KCR_CARD_CACHE: join(benchDir, 'cards-real'),
    });
    say();
    say(
      `The site's own ${readdirSync(join(root, 'content', 'talks'), { recursive: true }).filter((f) => String(f).endsWith('.mdx')).length} talks: vocabulary for corrections ${vocabularySize(real)}.`,
    );
    for (const n of sizes) {
      const content = join(benchDir, `content-${n}`);
      const out = join(benchDir, `site-${n}`);
      const bareDir = join(benchDir, `bare-${n}`);
      const cardCache = join(benchDir, `cards-${n}`);
      generate(n, content);
      writeBare(bareDir, content);
      rmSync(cardCache, { recursive: true, force: true });
      const env = { KCR_CONTENT_DIR: content, KCR_OUT_DIR: out, KCR_CARD_CACHE: cardCache };

      const cold = timedBuild([], env);
      // The machine is shared and its speed drifts by the minute: up to 2,000 talks, the warm and bare builds
      // run three times, interleaved, and the median of each counts; the spread is printed beside it.
      const runs = n <= 2000 ? 3 : 1;
      const warmRuns: BuildRun[] = [];
      const bareRuns: BuildRun[] = [];
      for (let run = 0; run < runs; run++) {
        warmRuns.push(timedBuild([], env));
        bareRuns.push(timedBuild(['--root', bareDir], {}, bareDir));
      }
      const seconds = (builds: BuildRun[]) => builds.map((build) => build.seconds);
      const spread = (builds: BuildRun[]) =>
        runs > 1
          ? `, median of ${runs}: ${Math.min(...seconds(builds)).toFixed(1)}–${Math.max(...seconds(builds)).toFixed(1)} s`
          : '';
      const warmSeconds = median(seconds(warmRuns));
      const bareSeconds = median(seconds(bareRuns));
      // The figures of the warm run whose time is the median (the middle one of three).
      const warm = [...warmRuns].sort((a, b) => a.seconds - b.seconds)[warmRuns.length >> 1]!;
      const peakRssMb = Math.max(...warmRuns.map((build) => build.maxRssMb));
      const ratio = warmSeconds / bareSeconds;
      const weight = pageWeight(
        out,
        join(
          'talks',
          readdirSync(join(out, 'talks')).find((d) => d.startsWith('synthetic-talk-1-'))!,
        ),
      );
      const queries = ['cluster', 'karpenter ebpf', speakerName(Math.min(42, n - 1)).toLowerCase()].map(asTyped);
      const missing = new Map<string, string[]>();
      for (const q of [...queries, ...handledQueries]) missing.set(q.query, wordsMissing(content, q.needs));
      const lacking = [...new Set([...missing.values()].flat())];
      if (n === 2000 && lacking.length)
        throw new Error(`the synthetic talks at N = 2,000 lack words the search budgets need: ${lacking.join(', ')}`);
      const measurable = <Q extends SearchQuery>(list: readonly Q[]) =>
        list.filter((q) => !missing.get(q.query)!.length);
      const notMeasured = (q: SearchQuery) =>
        missing.get(q.query)!.length
          ? `| search "${q.query}" | n/a: no synthetic talk at this N holds “${missing.get(q.query)!.join('”, “')}” | |`
          : undefined;
      const search = await searchCost(out, measurable(queries));
      const floor = await searchFloor(join(bareDir, 'dist'), measurable(queries));
      const exactQueries = [...new Set(measurable(handledQueries).map((h) => h.exact))].map(asTyped);
      const exact = await searchCost(out, exactQueries);
      const exactFloor = await searchFloor(join(bareDir, 'dist'), exactQueries);
      // Below 2,000 talks a question may not be relaxed (or find nothing) on so few synthetic talks: its row says
      // what happened instead of stopping the run. At 2,000, where the budgets are judged, it stops the run.
      const handled: Awaited<ReturnType<typeof searchCost>> = [];
      const unhandled = new Map<string, string>();
      for (const h of measurable(handledQueries)) {
        try {
          handled.push(...(await searchCost(out, [h])));
        } catch (error) {
          if (n === 2000) throw error;
          unhandled.set(h.query, error instanceof Error ? error.message : String(error));
        }
      }

      say();
      say(`## N = ${n} talks`);
      say();
      say('| measure | value | budget |');
      say('| --- | --- | --- |');
      say(
        `| build, cold card cache | ${cold.seconds.toFixed(1)} s (${((cold.seconds / n) * 1000).toFixed(0)} ms per talk) | |`,
      );
      say(
        `| build, warm card cache${spread(warmRuns)} | ${warmSeconds.toFixed(1)} s (${((warmSeconds / n) * 1000).toFixed(0)} ms per talk) | |`,
      );
      say(`| bare Astro + MDX + Pagefind build${spread(bareRuns)} | ${bareSeconds.toFixed(1)} s | |`);
      say(
        `| site ÷ bare (warm, medians) | ${ratio.toFixed(2)}× | ≤ ${buildBudget}× at N = 2,000: ${n === 2000 ? mark(ratio <= buildBudget) : 'n/a'} |`,
      );
      say(`| peak memory (RSS) | ${peakRssMb.toFixed(0)} MB (cold ${cold.maxRssMb.toFixed(0)} MB) | |`);
      say(`| Pagefind indexing | ${figure(warm, 'pagefindMs')} ms | |`);
      say(
        `| card images: cold build − warm build; placing them after the pages, cold / warm | ${(cold.seconds - warmSeconds).toFixed(1)} s; ${(figure(cold, 'cardsPlacedMs') / 1000).toFixed(1)} s / ${(figure(warm, 'cardsPlacedMs') / 1000).toFixed(1)} s | |`,
      );
      say(
        `| output size | ${(dirBytes(out) / 2 ** 20).toFixed(1)} MB (search index ${(dirBytes(join(out, 'pagefind')) / 2 ** 20).toFixed(1)} MB) | |`,
      );
      say(
        `| talk page before interaction | HTML ${kb(weight.html[0]!)} / ${kb(weight.html[1]!)} gz, CSS ${kb(weight.css[0]!)} / ${kb(weight.css[1]!)} gz, JS ${kb(weight.js[0]!)} / ${kb(weight.js[1]!)} gz | ≤ 20 KB gz in all: ${mark(weight.totalGz <= 20 * 1024)} (${kb(weight.totalGz)}) |`,
      );
      const vocabularyKb = figure(warm, 'vocabularyGzipBytes') / 1024;
      say(
        `| vocabulary for corrections | ${vocabularySize(warm)} | ≤ 25 KB gz at N = 2,000${n === 2000 ? `: ${mark(vocabularyKb <= 25)}` : ''} |`,
      );
      for (const h of handledQueries) {
        const skipped = notMeasured(h);
        if (skipped) {
          say(skipped);
          continue;
        }
        if (unhandled.has(h.query)) {
          say(`| search "${h.query}" (${h.kind}) | n/a at this N: ${unhandled.get(h.query)!.replaceAll('|', '/')} | |`);
          continue;
        }
        const cost = handled.find((c) => c.query === h.query)!;
        const base = exact.find((e) => e.query === h.exact)!;
        const alone = exactFloor.find((e) => e.query === h.exact)!;
        const extra = cost.kb - base.kb;
        say(
          `| search "${h.query}" (${h.kind}) | ${cost.kb.toFixed(0)} KB fetched (as sent; ${cost.typedKb.toFixed(0)} KB typed), ${extra.toFixed(0)} KB more than "${h.exact}" (${base.kb.toFixed(0)} KB, ${timed(base.pastedMs)} pasted; Pagefind alone on the bare build: ${alone.kb.toFixed(0)} KB, ${timed(alone.ms)}); results ${timed(cost.typedMs)} after the last key typed, ${timed(cost.pastedMs)} after pasting | ≤ 30 KB more, ≤ 150 KB and ≤ 100 ms${n === 2000 ? `: ${mark(extra <= 30)}, ${cost.kb <= 150 ? 'bytes met' : 'bytes MISSED'}, typed ${mark(cost.typedMs.median <= 100)}, pasted ${mark(cost.pastedMs.median <= 100)}` : ''} |`,
        );
      }
      for (const q of queries) {
        const skipped = notMeasured(q);
        if (skipped) {
          say(skipped);
          continue;
        }
        const i = search.findIndex((s) => s.query === q.query);
        const s = search[i]!;
        say(
          `| search "${s.query}" | ${s.kb.toFixed(0)} KB fetched (as sent; ${s.typedKb.toFixed(0)} KB typed); results ${timed(s.typedMs)} after the last key typed, ${timed(s.pastedMs)} after pasting the query. Pagefind alone (its default settings) on the bare build: ${floor[i]!.kb.toFixed(0)} KB, ${timed(floor[i]!.ms)} (${floor[i]!.found} ${floor[i]!.found === 1 ? 'result' : 'results'}) | ≤ 150 KB and ≤ 100 ms${n === 2000 ? `: ${s.kb <= 150 ? 'bytes met' : 'bytes MISSED'}, typed ${mark(s.typedMs.median <= 100)}, pasted ${mark(s.pastedMs.median <= 100)}` : ''} |`,
        );
      }
    }
  } finally {
    if (!values.keep) rmSync(benchDir, { recursive: true, force: true });
  }
}

if (import.meta.main) await runCommand(command, main);
