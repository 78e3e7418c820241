/**
 * Runs Pagefind's own browser search code in Node against a built index, so
 * tests query exactly what a reader's browser would, through the same query
 * handling (lib/search.ts). Pagefind fetches its index files; here fetch
 * reads them from the output folder instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  engineOptions,
  exactCount,
  pageKindsOf,
  reachCount,
  runSearch,
  type Engine,
  type SearchOutcome,
  type Synonyms,
  vocabularyOf,
} from '../../src/lib/search';

export interface Hit {
  url: string;
  title: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  subResults: { url: string; title: string }[];
  score: number;
}

export interface PagefindApi {
  /** Pagefind alone: pages holding every word. */
  search(query: string | null, options?: Record<string, unknown>): Promise<Hit[]>;
  /** The site's search: the query handled as both search surfaces handle it. */
  run(query: string, options?: { verbatim?: boolean }): Promise<SearchOutcome>;
  /** How many times the vocabulary was read (it is fetched only to correct a word). */
  vocabularyReads(): number;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

/** A result's address without the highlight parameter the site's links carry (the browser tests check that). */
const withoutHighlight = (url: string) => url.replace(/\?highlight=[^#]*/, '');

export async function openIndex(distDir: string, base = '/'): Promise<PagefindApi> {
  const bundle = join(distDir, 'pagefind');
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    const name = url.replace(/^.*\/pagefind\//, '').replace(/\?.*$/, '');
    try {
      return new Response(await readFile(join(bundle, name)));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const g = globalThis as Record<string, unknown>;
  g.window ??= globalThis;
  g.location ??= { href: 'http://127.0.0.1/', origin: 'http://127.0.0.1' };
  g.document ??= { currentScript: null, querySelector: () => null };
  // A fresh module instance per index, so two built sites can be compared in one run.
  const pagefind = await import(
    `${pathToFileURL(join(bundle, 'pagefind.js')).href}?dist=${encodeURIComponent(distDir)}`
  );
  // The same settings the site's search uses, so tests rank as readers see.
  await pagefind.options({ basePath: `${base}pagefind/`, ...engineOptions });
  await pagefind.init();
  const terms = JSON.parse(await readFile(join(bundle, 'kcr-terms.json'), 'utf8')) as {
    synonyms: Synonyms;
    vocabulary: Record<string, string>;
  };
  let reads = 0;
  let kinds: Promise<Map<string, string>> | undefined;
  const counting = (term: string, options: Record<string, unknown>) => pagefind.search(term, options);
  const engine: Engine = {
    search: async (term) => (await pagefind.search(term)).results,
    count: (word) => exactCount(counting, word),
    reach: (word) => reachCount(counting, word),
    vocabulary: (lengths) => {
      reads++;
      return vocabularyOf(terms.vocabulary, lengths, async (file) =>
        JSON.parse(await readFile(join(bundle, file), 'utf8')),
      );
    },
    kinds: () => (kinds ??= pageKindsOf(async (filters) => (await pagefind.search(null, { filters })).results)),
  };

  return {
    async search(query, options = {}) {
      const response = await pagefind.search(query, options);
      const hits = await Promise.all(
        response.results.map(async (result: { data(): Promise<any>; score: number }) => {
          const data = await result.data();
          return {
            url: withoutHighlight(data.url),
            title: data.meta.title,
            meta: data.meta,
            filters: data.filters,
            excerpt: data.excerpt,
            subResults: data.sub_results.map((sub: { url: string; title: string }) => ({
              url: withoutHighlight(sub.url),
              title: sub.title,
            })),
            score: result.score,
          } satisfies Hit;
        }),
      );
      return hits;
    },
    run: (query, options) => runSearch(engine, terms.synonyms, query, options),
    vocabularyReads: () => reads,
    filters: () => pagefind.filters(),
    async destroy() {
      await pagefind.destroy();
      globalThis.fetch = realFetch;
    },
  };
}
