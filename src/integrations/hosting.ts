import type { AstroIntegration } from 'astro';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import { publishedDirOf } from './atomic-output';
import {
  headerPolicy,
  headersFile,
  isHashedFile,
  nginxHeadersConf,
  nginxServerConf,
  parseRedirectsFile,
  redirectsOf,
  type HostingPlan,
} from '../lib/hosting';

/**
 * After the pages and the search index are written, makes what servers need from
 * them: `_headers` (Netlify, Cloudflare Pages) and `_nginx/` (the container's
 * nginx) from src/lib/hosting.ts, the policy Astro put in the pages and
 * the `_redirects` the build wrote; then a gzip and a Brotli copy of every text file,
 * which nginx and most hosts send as they are instead of compressing each response, and for
 * Pagefind's files, which it gzips itself, a `.gz` copy that is the file itself (a link), so that nginx
 * sends them marked as gzip and the browser decodes them, and a Brotli copy of those every first search fetches.
 * A file the previous build wrote byte for byte the same keeps that build's copies.
 * The copies of the pages are begun as soon as Astro has written them, while the search index is built (the
 * main thread waits on Pagefind's own process then); once everything is written, a file written, rewritten or
 * removed since gets its copies made again or removed. Any error removes the output, so a half-prepared site
 * never looks finished.
 */

const text = /\.(html|css|js|mjs|json|xml|txt|svg|webmanifest)$/;
/**
 * Pagefind gzips its own files, and reads either those or, when the server sent them marked as compressed and the
 * browser decoded them, what they hold. Decoding them itself, in JavaScript, took Pagefind about 20 ms of a
 * search that fetched three index chunks and six fragments at 2,000 talks; the browser decodes them off the page's
 * thread.
 */
const pagefindGzipped =
  /^pagefind\/(wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|filter\/[\w-]+\.pf_filter|index\/[\w-]+\.pf_index|fragment\/[\w-]+\.pf_fragment)$/;
/**
 * Brotli at its best setting makes the engine, the metadata and the filters that every first search fetches
 * 15–50% smaller (about 15 KB at 2,000 talks). The index chunks and result fragments would gain 8–15% for 25 s of
 * compressing at 2,000 talks, again on each edit, since an edit changes most of them: they are sent as Pagefind
 * gzipped them.
 */
const firstSearch = /^pagefind\/(wasm\.|pagefind\.|filter\/)/;
/**
 * Which copies a file gets: a gzip and a Brotli one for text; for a file Pagefind gzipped, itself as its gzip
 * copy, and where every first search fetches it, a Brotli one of what it holds.
 */
export function copiesOf(file: string): 'text' | 'pagefind' | 'pagefind+brotli' | undefined {
  if (text.test(file)) return 'text';
  if (!pagefindGzipped.test(file)) return undefined;
  return firstSearch.test(file) ? 'pagefind+brotli' : 'pagefind';
}
/** The bundles every reader fetches are a fixed set: worth Brotli's slowest, smallest setting. */
const fixedSet = /^(_astro|pagefind)\//;
/** A compressed copy is kept only when it saves at least this share of the bytes. */
const minSaving = 0.1;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const brotliAsync = promisify(brotliCompress);

export default function hosting(): AstroIntegration {
  let base = '/';
  // The pages' copies, begun as soon as the pages are written, while the later steps (Pagefind above all) run.
  let headStart: Promise<HeadStart> | undefined;
  return {
    name: 'kubecon-recaps:hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:generated': ({ dir }) => {
        const out = fileURLToPath(dir);
        headStart = beginCopies(out);
        // A failure is reported by build:done, which awaits it; a build that stops before then has no output.
        headStart.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const started = performance.now();
          const early = await headStart;
          // The build's own files: not the copies the head start made.
          const files = (await listFiles(out)).filter(
            (file) => !(/\.(gz|br)$/.test(file) && early?.stamps.has(file.slice(0, -3))),
          );
          const policyOf = early?.policyOf ?? new Map<string, string>();
          const copied = await finishCopies(out, files, early, policyOf);
          const sizes = totals(copied.values());
          const plan = await planOf(out, base, files, policyOf);
          await writeFile(join(out, '_headers'), headersFile(plan));
          await mkdir(join(out, '_nginx'), { recursive: true });
          await writeFile(join(out, '_nginx', 'headers.conf'), nginxHeadersConf(plan));
          await writeFile(join(out, '_nginx', 'site.conf'), nginxServerConf(plan));
          logger.info(
            `headers, ${plan.redirects.length} redirects and compressed copies of ${sizes.files} files ` +
              `(${mb(sizes.raw)} → ${mb(sizes.gzip)} gzip, ${mb(sizes.brotli)} Brotli; ${sizes.reused} unchanged since the last build), ` +
              `and ${sizes.gzipped} of Pagefind's gzipped files served as gzip, in ${Math.round(performance.now() - started)} ms ` +
              `after the search index (${early?.copied.size ?? 0} files copied while it was built)`,
          );
        } catch (error) {
          await rm(out, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}

/**
 * Every file of a folder, as a path under it with forward slashes, sorted; but none under `.prerender`, the bundle
 * Astro renders the pages with, which it deletes just after the pages are written, while the head start lists.
 */
async function listFiles(out: string): Promise<string[]> {
  const top = (await readdir(out, { withFileTypes: true })).filter((entry) => entry.name !== '.prerender');
  const inside = await Promise.all(
    top.map((entry) =>
      entry.isDirectory() ? readdir(join(out, entry.name), { recursive: true, withFileTypes: true }) : [entry],
    ),
  );
  return inside
    .flat()
    .filter((entry) => entry.isFile())
    .map((entry) => relative(out, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The copies made while the build went on, each with the file's stamp from before it was read. */
interface HeadStart {
  copied: Map<string, FileCopies>;
  stamps: Map<string, string>;
  policyOf: Map<string, string>;
}

/** A file as it is on disk: any later write or replacement changes it. */
const stampOf = (path: string) =>
  stat(path).then(
    (found) => `${found.ino}:${found.size}:${found.mtimeMs}`,
    () => undefined,
  );

/** Each page is read once, for its copies and for the policy Astro put in it. */
const policyReader = (policyOf: Map<string, string>) => (file: string, body: Buffer) => {
  const policy = isPage(file) ? pagePolicy(body) : undefined;
  if (policy) policyOf.set(file, policy);
  else policyOf.delete(file);
};

/** Copies of every file written so far. Each file is stamped before it is read, so a later change is seen. */
async function beginCopies(out: string): Promise<HeadStart> {
  const files = (await listFiles(out)).filter((file) => copiesOf(file));
  const stamps = new Map<string, string>();
  await eachAtOnce(files, async (file) => {
    const stamp = await stampOf(join(out, file));
    if (stamp) stamps.set(file, stamp);
  });
  const policyOf = new Map<string, string>();
  const copied = await copyEach(out, [...stamps.keys()], publishedDirOf(out), policyReader(policyOf), true);
  return { copied, stamps, policyOf };
}

/**
 * The copies of the finished output: the head start's where its file is unchanged, the copies of files written
 * or rewritten since (the search index, the search page's preloads, the sitemap), and none for a file removed
 * since (the card list, the search terms route).
 */
async function finishCopies(out: string, files: string[], early: HeadStart | undefined, policyOf: Map<string, string>) {
  const now = new Set(files);
  const copied = new Map(early?.copied);
  const stale: string[] = [];
  await eachAtOnce([...(early?.stamps ?? [])], async ([file, stamp]) => {
    if (now.has(file) && (await stampOf(join(out, file))) === stamp) return;
    // Removed before anything is written again: a kept copy is a link to the published build's own file.
    await Promise.all([rm(join(out, `${file}.gz`), { force: true }), rm(join(out, `${file}.br`), { force: true })]);
    copied.delete(file);
    policyOf.delete(file);
    if (now.has(file)) stale.push(file);
  });
  const late = files.filter((file) => copiesOf(file) && !early?.stamps.has(file));
  const made = await copyEach(out, [...stale, ...late], publishedDirOf(out), policyReader(policyOf));
  for (const [file, copies] of made) copied.set(file, copies);
  return copied;
}

const isPage = (file: string) => file.endsWith('.html') && !file.startsWith('pagefind/');

const policyTag = '<meta http-equiv="content-security-policy" content="';
/** The Content-Security-Policy Astro put in a page's <meta>, if any. */
function pagePolicy(body: Buffer): string | undefined {
  const at = body.indexOf(policyTag);
  if (at < 0) return undefined;
  const start = at + policyTag.length;
  const end = body.indexOf('"', start);
  return end > start ? body.subarray(start, end).toString('utf8') : undefined;
}

/** What servers need to know of this build, given each page's policy (by file). */
async function planOf(out: string, base: string, files: string[], policyOf: Map<string, string>): Promise<HostingPlan> {
  // In the pages' order, not the order the reads finished: the merged policy lists sources as first met.
  const policies = new Set(files.filter(isPage).flatMap((file) => policyOf.get(file) ?? []));
  let redirects: string;
  try {
    redirects = await readFile(join(out, '_redirects'), 'utf8');
  } catch {
    throw new Error('the build wrote no _redirects (src/pages/[hostFile].ts), so servers would not know the renames');
  }
  return {
    base,
    policy: headerPolicy([...policies]),
    hashedFiles: files.filter(isHashedFile),
    redirects: redirectsOf(parseRedirectsFile(redirects)),
  };
}

/** What one file got: a copy worth keeping (its sizes, and whether the previous build's was kept), or only its own gzip link. */
interface FileCopies {
  raw: number;
  gzip: number;
  brotli: number;
  reused: boolean;
  /** A file Pagefind gzipped, linked as its own gzip copy. */
  gzipped: boolean;
  /** False when no copy saved enough to keep (a Pagefind file then still has its gzip link). */
  kept: boolean;
}

/** The log's figures for a set of files' copies. */
function totals(all: Iterable<FileCopies>) {
  const sizes = { files: 0, raw: 0, gzip: 0, brotli: 0, reused: 0, gzipped: 0 };
  for (const copies of all) {
    if (copies.gzipped) sizes.gzipped++;
    if (!copies.kept) continue;
    sizes.files++;
    sizes.raw += copies.raw;
    sizes.gzip += copies.gzip;
    sizes.brotli += copies.brotli;
    if (copies.reused) sizes.reused++;
  }
  return sizes;
}

/**
 * Writes file.gz and file.br beside each text file, and beside each of Pagefind's gzipped files a file.gz that is
 * the file itself and, for some, a file.br of what it holds (see copiesOf), a few at a time on zlib's thread pool.
 * A file identical to its namesake in `previous` (the output this build replaces) takes that one's copies instead:
 * compressing the same bytes again would give the same copies, and most files of a rebuild are unchanged. `read`
 * is given each text file's bytes as they are read, so a caller that needs them does not read the file again.
 */
export async function precompress(
  out: string,
  files: string[],
  previous?: string,
  read: (file: string, body: Buffer) => void = () => {},
) {
  return totals((await copyEach(out, files, previous, read)).values());
}

/**
 * precompress, file by file: what each file got. With `mayVanish`, a file removed before it is read (by a step
 * that runs beside the head start) is left out instead of failing the build.
 */
async function copyEach(
  out: string,
  files: string[],
  previous: string | undefined,
  read: (file: string, body: Buffer) => void,
  mayVanish = false,
): Promise<Map<string, FileCopies>> {
  const copied = new Map<string, FileCopies>();
  await eachAtOnce(files, async (file) => {
    const copies = copiesOf(file);
    const gzipped = copies === 'pagefind' || copies === 'pagefind+brotli';
    const none = { raw: 0, gzip: 0, brotli: 0, reused: false, gzipped, kept: false };
    if (gzipped) {
      await keep(out, out, file, `${file}.gz`);
      if (copies === 'pagefind') return void copied.set(file, none);
    }
    const body = await readFile(join(out, file)).catch((error: NodeJS.ErrnoException) => {
      if (mayVanish && error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!body) return;
    if (copies === 'text') read(file, body);
    const packed = copies === 'pagefind+brotli';
    const kept = previous === undefined ? undefined : await previousCopies(previous, file, body);
    // Only a copy the previous build made is kept; a file it left without one is judged afresh.
    if (packed ? kept?.brotli : kept?.gzip) {
      if (!packed) await keep(previous!, out, `${file}.gz`);
      if (kept!.brotli) await keep(previous!, out, `${file}.br`);
      const gzip = packed ? body.length : kept!.gzip!;
      return void copied.set(file, {
        ...none,
        raw: body.length,
        gzip,
        brotli: kept!.brotli ?? body.length,
        reused: true,
        kept: true,
      });
    }
    // A Pagefind file is its own gzip copy: its Brotli copy is made from what it holds.
    const source = packed ? await gunzipAsync(body) : body;
    const [gz, br] = await Promise.all([
      packed ? body : gzipAsync(source, { level: 9 }),
      brotliAsync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: fixedSet.test(file) ? 11 : 6,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
    ]);
    // A copy is judged against what a reader would be sent without it: the file as written.
    const worth = (copy: Buffer) => copy.length <= body.length * (1 - minSaving);
    if (!worth(packed ? br : gz)) return void copied.set(file, none);
    if (!packed) await writeFile(join(out, `${file}.gz`), gz);
    if (worth(br)) await writeFile(join(out, `${file}.br`), br);
    copied.set(file, {
      ...none,
      raw: body.length,
      gzip: gz.length,
      brotli: worth(br) ? br.length : body.length,
      kept: true,
    });
  });
  return copied;
}

/**
 * Runs `task` on every item, a few dozen at a time: enough to keep the file system and zlib's thread pool busy
 * (one at a time, reading 2,000 pages took 0.65 s), few enough to stay under a system's open-file limit.
 */
async function eachAtOnce<T>(items: T[], task: (item: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/**
 * A file of `from` linked into `out` (no bytes copied), or copied where the folders cannot share it; as `name`,
 * or under its own name.
 */
const keep = (from: string, out: string, file: string, name = file) =>
  link(join(from, file), join(out, name)).catch(() => copyFile(join(from, file), join(out, name)));

/**
 * The sizes of the previous build's copies of `file` when it held the same bytes (a copy it did not make has
 * no size), or undefined when the file is new or changed.
 */
async function previousCopies(previous: string, file: string, body: Buffer) {
  const before = await readFile(join(previous, file)).catch(() => undefined);
  if (!before?.equals(body)) return undefined;
  const size = (path: string) =>
    stat(join(previous, path)).then(
      (found) => found.size,
      () => undefined,
    );
  const [gzip, brotli] = await Promise.all([size(`${file}.gz`), size(`${file}.br`)]);
  return { gzip, brotli };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
