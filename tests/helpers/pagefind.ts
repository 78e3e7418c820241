/**
 * Runs Pagefind's own browser search code in Node against a built index, so
 * tests query exactly what a reader's browser would. Pagefind fetches its
 * index files; here fetch reads them from the output folder instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ranking } from '../../src/components/search/ranking';

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
  search(query: string | null, options?: Record<string, unknown>): Promise<Hit[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

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
  // The same ranking the site's search UI uses, so tests rank as readers see.
  await pagefind.options({ basePath: `${base}pagefind/`, excerptLength: 30, ranking });
  await pagefind.init();

  return {
    async search(query, options = {}) {
      const response = await pagefind.search(query, options);
      const hits = await Promise.all(
        response.results.map(async (result: { data(): Promise<any>; score: number }) => {
          const data = await result.data();
          return {
            url: data.url,
            title: data.meta.title,
            meta: data.meta,
            filters: data.filters,
            excerpt: data.excerpt,
            subResults: data.sub_results.map((sub: { url: string; title: string }) => ({
              url: sub.url,
              title: sub.title,
            })),
            score: result.score,
          } satisfies Hit;
        }),
      );
      return hits;
    },
    filters: () => pagefind.filters(),
    async destroy() {
      await pagefind.destroy();
      globalThis.fetch = realFetch;
    },
  };
}
