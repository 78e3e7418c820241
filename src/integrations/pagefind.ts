import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import {
  buildVocabulary,
  indexChunkSize,
  pageWords,
  reachOf,
  type IndexedPage,
  type PageWords,
  type Synonyms,
} from '../lib/search.ts';
import { publishedDirOf } from './atomic-output.ts';
import { reportFigures } from './build-report.ts';

/**
 * Builds the Pagefind search index from the finished HTML once Astro has written
 * it. Only elements marked data-pagefind-body are indexed, so the layout decides
 * which pages are searchable. Any Pagefind error fails the build and removes the
 * output, so a site without a working index never looks finished.
 *
 * Beside the index it writes what search's query handling needs (lib/search.ts):
 * kcr-terms.json, the shorthand and synonyms (from the search/terms.json route,
 * each meaning checked to appear on some page), and the vocabulary that
 * corrections draw on, one file per length of word, which a reader's browser
 * fetches only to correct a word, and then only the lengths the word can reach.
 *
 * In `astro dev` there is no build, so the dev server serves the index of the
 * last build; without one, the search page says to build first.
 */
const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

export default function pagefind(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  let wordsRecord = '';
  return {
    name: 'kubecon-recaps:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
        wordsRecord = fileURLToPath(new URL('kcr-page-words.json', config.cacheDir));
      },
      'astro:server:setup': ({ server }) => {
        const bundle = join(outDir, 'pagefind');
        const prefix = `${base.replace(/\/$/, '')}/pagefind/`;
        server.middlewares.use(async (request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          try {
            const body = await readFile(join(bundle, normalize(path.slice(prefix.length))));
            response.setHeader('content-type', contentTypes[extname(path)] ?? 'application/octet-stream');
            response.end(body);
          } catch {
            response.statusCode = 404;
            response.end('No search index: run "npm run build" once, then reload.');
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const builtDir = fileURLToPath(dir);
        try {
          const started = performance.now();
          // Pagefind reads the chunk size from its environment and calls it unstable: if it ever stops, search
          // still works, with larger chunks, and the output test says so.
          process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: builtDir });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count === 0) {
            throw new Error('Pagefind indexed no page: no page has a data-pagefind-body element');
          }
          const bundle = join(builtDir, 'pagefind');
          const published = publishedDirOf(builtDir);
          const linked = published ? await linkHashedFiles(join(published, 'pagefind'), bundle) : [];
          const write = async () => {
            const written = await index.writeFiles({ outputPath: bundle });
            if (written.errors.length)
              throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          };
          await write();
          let reused = linked.length ? await removeUnused(bundle, linked) : 0;
          if (reused === undefined) {
            // The index does not read as expected (a new Pagefind?): written afresh, as without the links.
            await rm(bundle, { recursive: true, force: true });
            await write();
            reused = 0;
          }
          const pagefindMs = Math.round(performance.now() - started);
          const vocabulary = await writeSearchTerms(builtDir, wordsRecord);
          await preloadSearchPage(builtDir, base);
          logger.info(
            `read ${added.page_count} pages, indexed those marked searchable, in ${pagefindMs} ms (${reused} of its files kept from the published build); vocabulary of ${vocabulary.count} words in ${vocabulary.files} files, ${(vocabulary.gzipped / 1024).toFixed(1)} KB gzipped (a correction fetches at most ${(vocabulary.mostFetched / 1024).toFixed(1)} KB)`,
          );
          await reportFigures({
            pagefindMs,
            pagefindPages: added.page_count,
            pagefindReusedFiles: reused,
            vocabularyWords: vocabulary.count,
            vocabularyGzipBytes: vocabulary.gzipped,
            vocabularyFiles: vocabulary.files,
            vocabularyMostFetchedGzipBytes: vocabulary.mostFetched,
          });
        } catch (error) {
          await rm(builtDir, { recursive: true, force: true });
          throw error;
        } finally {
          await close();
        }
      },
    },
  };
}

/**
 * The files Pagefind names by a hash of what they hold (the metadata, the index chunks, the filters and each page's
 * fragment), which it does not write when a file of that name exists. The scripts and `pagefind-entry.json` it
 * rewrites in place, so they are never linked: through a link, that would change the published site mid-build.
 */
const hashedFile =
  /^(pagefind\.[\w-]+\.pf_meta|fragment\/[\w-]+\.pf_fragment|index\/[\w-]+\.pf_index|filter\/[\w-]+\.pf_filter)$/;

/**
 * Links the published build's hashed files into the new bundle before Pagefind writes it, so that Pagefind compresses
 * and writes only the ones that changed: at 2,000 talks its write step spent most of its 2–2.5 s gzipping, at its
 * best setting, files the last build had already written. Returns the files linked, as paths under the bundle.
 */
async function linkHashedFiles(publishedBundle: string, bundle: string): Promise<string[]> {
  const names = await readdir(publishedBundle, { recursive: true }).catch(() => [] as string[]);
  const hashed = names.map((name) => name.split(sep).join('/')).filter((name) => hashedFile.test(name));
  for (const folder of new Set(hashed.map((name) => dirname(name))))
    await mkdir(join(bundle, folder), { recursive: true });
  // One at a time: links made at once in one folder wait on each other in the file system. A file system without
  // links (or a file gone since) leaves that file for Pagefind to write.
  const linked: string[] = [];
  for (const name of hashed) {
    const made = await link(join(publishedBundle, name), join(bundle, name)).then(
      () => true,
      () => false,
    );
    if (made) linked.push(name);
  }
  return linked;
}

/**
 * Removes the linked files the new index does not use, and returns how many it does use; undefined when the
 * index does not read as Pagefind 1.x writes it. A hashed file is used when its hash is the entry file's (the
 * metadata) or appears in the metadata, which lists every page, index chunk and filter by hash. The pages are
 * then counted: one fragment each, or the index is not what this expects.
 */
async function removeUnused(bundle: string, linked: string[]): Promise<number | undefined> {
  try {
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    const languages = Object.values(entry.languages);
    const metas = await Promise.all(
      languages.map(async ({ hash }) => gunzipSync(await readFile(join(bundle, `pagefind.${hash}.pf_meta`)))),
    );
    const hashOf = (file: string) => basename(file).replace(/\.pf_\w+$/, '');
    const used = (file: string) =>
      file.endsWith('.pf_meta')
        ? languages.some(({ hash }) => `pagefind.${hash}` === hashOf(file))
        : metas.some((meta) => meta.includes(hashOf(file)));
    const unused = linked.filter((file) => !used(file));
    await Promise.all(unused.map((file) => rm(join(bundle, file))));
    const fragments = (await readdir(join(bundle, 'fragment'))).length;
    const pages = languages.reduce((sum, { page_count }) => sum + page_count, 0);
    return fragments === pages ? linked.length - unused.length : undefined;
  } catch {
    return undefined;
  }
}

/** A hash of the code that turns a fragment into words (lib/search.ts): a record other code made is not used. */
const wordsCode = createHash('sha256')
  .update(readFileSync(new URL('../lib/search.ts', import.meta.url)))
  .digest('hex');

/**
 * Each indexed page's words, from its fragment (the text Pagefind indexed for the page), or from the record the
 * last build kept: a fragment is named by a hash of its content, so a fragment of the same name has the same
 * words. Reading and splitting 2,000 fragments took 0.7 to 0.9 s of every rebuild; with the record, 0.1 s.
 */
async function indexedPageWords(bundle: string, recordFile: string): Promise<PageWords[]> {
  const dir = join(bundle, 'fragment');
  const record = await readFile(recordFile, 'utf8')
    .then((text) => JSON.parse(text) as { code: string; pages: Record<string, PageWords> })
    .catch(() => undefined);
  const kept = new Map(record?.code === wordsCode ? Object.entries(record.pages) : []);
  const known = new Map<string, string[]>();
  const names = await readdir(dir);
  const pages = await Promise.all(
    names.map(async (name) => {
      const words = kept.get(name);
      if (words) return words;
      // A fragment is gzipped JSON after a 12-byte signature.
      const json = gunzipSync(await readFile(join(dir, name))).subarray(12);
      return pageWords(JSON.parse(json.toString('utf8')) as IndexedPage, known);
    }),
  );
  if (names.length !== kept.size || names.some((name) => !kept.has(name))) {
    await mkdir(dirname(recordFile), { recursive: true });
    const next = { code: wordsCode, pages: Object.fromEntries(names.map((name, i) => [name, pages[i]])) };
    await writeFile(recordFile, JSON.stringify(next));
  }
  return pages;
}

/**
 * Publishes the synonyms and the vocabulary beside the index, and fails the build, naming the file and
 * field, for a synonym whose meaning no page holds.
 */
async function writeSearchTerms(builtDir: string, wordsRecord: string) {
  const bundle = join(builtDir, 'pagefind');
  const routeOutput = join(builtDir, 'search', 'terms.json');
  const { synonyms, where } = JSON.parse(await readFile(routeOutput, 'utf8')) as {
    synonyms: Synonyms;
    where: Record<string, string>;
  };
  const { vocabulary, shards, unheld } = buildVocabulary(await indexedPageWords(bundle, wordsRecord), synonyms);
  const problems = Object.entries(synonyms).flatMap(([word, meanings]) =>
    meanings
      .filter((meaning) => unheld.includes(meaning))
      .map((meaning) => `${where[word]}: "${meaning}" names nothing on the site: no page has the words "${meaning}"`),
  );
  if (problems.length) {
    throw new Error(
      `Search synonyms that find nothing; fix them and build again:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  const files: Record<string, string> = {};
  const gzipped = new Map<number, number>();
  for (const [length, shard] of [...shards].sort(([a], [b]) => a - b)) {
    const body = JSON.stringify(shard);
    files[length] = `kcr-vocabulary-${length}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.json`;
    await writeFile(join(bundle, files[length]), body);
    gzipped.set(length, gzipSync(body).length);
  }
  await writeFile(join(bundle, 'kcr-terms.json'), JSON.stringify({ synonyms, vocabulary: files }));
  await rm(routeOutput);
  // What correcting one word fetches, at most: the files of the lengths its correction can be.
  const fetched = [...gzipped.keys()].map((length) => {
    const { min, max } = reachOf(length);
    return [...gzipped].reduce((sum, [l, bytes]) => (l >= min && l <= max ? sum + bytes : sum), 0);
  });
  return {
    count: vocabulary.names.length + vocabulary.words.length,
    files: gzipped.size,
    gzipped: [...gzipped.values()].reduce((sum, bytes) => sum + bytes, 0),
    mostFetched: Math.max(0, ...fetched),
  };
}

/**
 * The search page draws its results by script, and each file that script needs was found only once the one before
 * it had arrived: its modules, then Pagefind's engine, its entry file, its metadata, and only then the index and
 * the results. Preloading all that the page will certainly fetch leaves just the query's own index chunk and
 * results to wait for (the page's largest paint, about half a second sooner on a slow phone).
 * The entry file's address carries a tag for this build, which the page's script passes on to Pagefind
 * (searchCacheTag in components/search/client.ts), so the preload and Pagefind's own fetch are the same request.
 */
async function preloadSearchPage(builtDir: string, base: string) {
  const file = join(builtDir, 'search', 'index.html');
  // A site without a search page (the integration's own tests) has nothing to preload.
  const html = await readFile(file, 'utf8').catch(() => undefined);
  if (html === undefined) return;
  const bundle = `${base.replace(/\/$/, '')}/pagefind/`;
  const entry = JSON.parse(await readFile(join(builtDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm: string }>;
  };
  const language = entry.languages.en;
  if (!language)
    throw new Error('pagefind/pagefind-entry.json: no "en" language, so the search page cannot preload it');
  const modules = new Set<string>([`${bundle}pagefind.js`]);
  const pending = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1]!);
  while (pending.length) {
    const src = pending.pop()!;
    const code = await readFile(join(builtDir, src.slice(base.length)), 'utf8');
    // Static imports only; a dynamic import( is what the page may never need.
    for (const [, relative] of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) {
      const imported = new URL(relative!, `http://site${src}`).pathname;
      if (!modules.has(imported)) pending.push(imported);
      modules.add(imported);
    }
  }
  const fetched = [
    `${bundle}pagefind-entry.json?ts=${language.hash}`,
    `${bundle}pagefind.${language.hash}.pf_meta`,
    `${bundle}wasm.${language.wasm}.pagefind`,
    `${bundle}kcr-terms.json`,
  ];
  const links = [
    ...[...modules].map((href) => `<link rel="modulepreload" href="${href}">`),
    ...fetched.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous">`),
  ];
  if (!html.includes('</head>')) throw new Error('search/index.html: no </head> to put the search preloads in');
  await writeFile(file, html.replace('</head>', `${links.join('')}</head>`));
}
