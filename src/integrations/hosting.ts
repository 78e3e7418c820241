import type { AstroIntegration } from 'astro';
import { copyFileSync, linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import { publishedDirOf } from './atomic-output.ts';
import {
  headerPolicy,
  headersFile,
  isHashedFile,
  nginxHeadersConf,
  nginxServerConf,
  parseRedirectsFile,
  redirectsOf,
  type HostingPlan,
} from '../lib/hosting.ts';

/**
 * After the pages and the search index are written, makes what servers need from
 * them: `_headers` (Netlify, Cloudflare Pages) and `_nginx/` (the container's
 * nginx) from src/lib/hosting.ts, the policy Astro put in the pages and
 * the `_redirects` the build wrote; then a gzip and a Brotli copy of every text file,
 * which nginx and most hosts send as they are instead of compressing each response, and for
 * Pagefind's files, which it gzips itself, a `.gz` copy that is the file itself (a link), so that nginx
 * sends them marked as gzip and the browser decodes them, and a Brotli copy of those every first search fetches.
 * A file the previous build wrote byte for byte the same keeps that build's copies.
 * Any error removes the output, so a half-prepared site never looks finished.
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
  return {
    name: 'kubecon-recaps:hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const started = performance.now();
          // Synchronously: nothing else runs now, and listing 2,000 page folders one asynchronous call at a time
          // took three times as long (0.3 s against 0.1 s).
          const files = readdirSync(out, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => relative(out, join(entry.parentPath, entry.name)).split(sep).join('/'))
            .sort();
          // Each page is read once, for its copies and for the policy Astro put in it.
          const policyOf = new Map<string, string>();
          const sizes = await precompress(
            out,
            files.filter((file) => copiesOf(file)),
            publishedDirOf(out),
            (file, body) => {
              const policy = isPage(file) ? pagePolicy(body) : undefined;
              if (policy) policyOf.set(file, policy);
            },
          );
          const plan = await planOf(out, base, files, policyOf);
          await writeFile(join(out, '_headers'), headersFile(plan));
          await mkdir(join(out, '_nginx'), { recursive: true });
          await writeFile(join(out, '_nginx', 'headers.conf'), nginxHeadersConf(plan));
          await writeFile(join(out, '_nginx', 'site.conf'), nginxServerConf(plan));
          logger.info(
            `headers, ${plan.redirects.length} redirects and compressed copies of ${sizes.files} files ` +
              `(${mb(sizes.raw)} → ${mb(sizes.gzip)} gzip, ${mb(sizes.brotli)} Brotli; ${sizes.reused} unchanged since the last build), ` +
              `and ${sizes.gzipped} of Pagefind's gzipped files served as gzip, in ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          await rm(out, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
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

/**
 * Writes file.gz and file.br beside each text file, and beside each of Pagefind's gzipped files a file.gz that is
 * the file itself and, for some, a file.br of what it holds (see copiesOf), a few at a time on zlib's thread pool.
 * A file identical to its namesake in `previous` (the output this build replaces) takes that one's copies instead:
 * compressing the same bytes again would give the same copies, and most files of a rebuild are unchanged. `read`
 * is given each text file's bytes as they are read, so a caller that needs them does not read the file again.
 * Files are read, compared and linked synchronously: at 2,000 talks, where nearly every file is unchanged, that took
 * 0.2 s against 0.6 s for the same calls each sent to the thread pool and awaited. Only compressing is handed off.
 */
export async function precompress(
  out: string,
  files: string[],
  previous?: string,
  read: (file: string, body: Buffer) => void = () => {},
) {
  const sizes = { files: 0, raw: 0, gzip: 0, brotli: 0, reused: 0, gzipped: 0 };
  await eachAtOnce(files, async (file) => {
    const copies = copiesOf(file);
    if (copies === 'pagefind' || copies === 'pagefind+brotli') {
      keep(out, out, file, `${file}.gz`);
      sizes.gzipped++;
      if (copies === 'pagefind') return;
    }
    const body = readFileSync(join(out, file));
    if (copies === 'text') read(file, body);
    const packed = copies === 'pagefind+brotli';
    const kept = previous === undefined ? undefined : previousCopies(previous, file, body);
    // Only a copy the previous build made is kept; a file it left without one is judged afresh.
    if (packed ? kept?.brotli : kept?.gzip) {
      sizes.reused++;
      sizes.files++;
      sizes.raw += body.length;
      sizes.gzip += packed ? body.length : kept!.gzip!;
      sizes.brotli += kept!.brotli ?? body.length;
      if (!packed) keep(previous!, out, `${file}.gz`);
      if (kept!.brotli) keep(previous!, out, `${file}.br`);
      return;
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
    if (!worth(packed ? br : gz)) return;
    sizes.files++;
    sizes.raw += body.length;
    sizes.gzip += gz.length;
    sizes.brotli += worth(br) ? br.length : body.length;
    if (!packed) await writeFile(join(out, `${file}.gz`), gz);
    if (worth(br)) await writeFile(join(out, `${file}.br`), br);
  });
  return sizes;
}

/**
 * Runs `task` on every item, a few dozen at a time: enough to keep zlib's thread pool busy compressing while the
 * next files are read, few enough to stay under a system's open-file limit.
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
function keep(from: string, out: string, file: string, name = file) {
  try {
    linkSync(join(from, file), join(out, name));
  } catch {
    copyFileSync(join(from, file), join(out, name));
  }
}

/**
 * The sizes of the previous build's copies of `file` when it held the same bytes (a copy it did not make has
 * no size), or undefined when the file is new or changed.
 */
function previousCopies(previous: string, file: string, body: Buffer) {
  let before: Buffer;
  try {
    before = readFileSync(join(previous, file));
  } catch {
    return undefined;
  }
  if (!before.equals(body)) return undefined;
  const size = (path: string) => statSync(join(previous, path), { throwIfNoEntry: false })?.size;
  return { gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
