/**
 * Search in the browser, for the header dialog and the search page alike: loads Pagefind's engine with the
 * site's settings, runs each query through the query handling in lib/search.ts (synonyms, corrections,
 * relaxing), and draws results and the notes about the query. Nothing here runs until a reader opens search.
 */
import {
  engineOptions,
  exactCount,
  notices,
  pageKindsOf,
  reachCount,
  resultSections,
  runSearch,
  StaleSearch,
  type Engine,
  type HitData,
  type Notice,
  type SearchOutcome,
  type SearchResult,
  type Synonyms,
  type VocabularyShard,
  vocabularyOf,
} from '../../lib/search.ts';

/** The parts of Pagefind's JavaScript API the site uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{
    results: { id: string; score: number; data(): Promise<HitData> }[];
    unfilteredResultCount: number;
  } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchClient {
  pagefind: Pagefind;
  /** Runs a query; undefined when `stale` says a newer one replaced it before it finished. */
  run(query: string, options: { verbatim?: boolean; stale: () => boolean }): Promise<SearchOutcome | undefined>;
}

const clients = new Map<string, Promise<SearchClient>>();

/**
 * The page's one search client: the header dialog, the search page and the 404 page's suggestions share it, so
 * Pagefind is loaded and given its options once (options given again to a running Pagefind are refused with a
 * console warning). A load that failed is tried afresh next time.
 */
export function loadSearch(bundlePath: string): Promise<SearchClient> {
  let client = clients.get(bundlePath);
  if (!client) {
    client = createClient(bundlePath);
    clients.set(bundlePath, client);
    client.catch(() => clients.delete(bundlePath));
  }
  return client;
}

/**
 * Fetches Pagefind's engine and the site's synonyms (about 1 KB); the vocabulary for corrections is fetched
 * only when a query has a word no page holds, and only the words about as long as that one. Pagefind's
 * worker would be one more script to fetch; these searches are short enough for the main thread.
 */
async function createClient(bundlePath: string): Promise<SearchClient> {
  const [pagefind, terms] = await Promise.all([
    import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<Pagefind>,
    fetch(`${bundlePath}kcr-terms.json`).then(
      (response) =>
        (response.ok ? response.json() : { synonyms: {}, vocabulary: {} }) as Promise<{
          synonyms: Synonyms;
          vocabulary: Record<string, string>;
        }>,
    ),
  ]);
  const metaCacheTag = searchCacheTag();
  await pagefind.options({
    basePath: bundlePath,
    ...engineOptions,
    noWorker: true,
    ...(metaCacheTag && { metaCacheTag }),
  });
  // A reader typing asks for the same words again and again ("k", "ka", … and back): each search and count is
  // kept for the next queries, the most recent few dozen.
  const recent = new Map<string, Promise<unknown>>();
  const remember = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const known = recent.get(key) as Promise<T> | undefined;
    if (known) {
      recent.delete(key);
      recent.set(key, known);
      return known;
    }
    const started = run();
    recent.set(key, started);
    if (recent.size > 40) recent.delete(recent.keys().next().value!);
    return started;
  };
  const shards = new Map<string, Promise<VocabularyShard>>();
  const shard = (file: string) => {
    let read = shards.get(file);
    if (!read) {
      read = fetch(`${bundlePath}${file}`).then((response) => response.json() as Promise<VocabularyShard>);
      shards.set(file, read);
      read.catch(() => shards.delete(file));
    }
    return read;
  };
  let kinds: Promise<Map<string, string>> | undefined;
  const counting = (term: string, options: Record<string, unknown>) => pagefind.search(term, options);
  const engine: Engine = {
    count: (word) => remember(`count ${word}`, () => exactCount(counting, word)),
    reach: (word) => remember(`reach ${word}`, () => reachCount(counting, word)),
    kinds: () => (kinds ??= pageKindsOf(async (filters) => (await pagefind.search(null, { filters }))?.results ?? [])),
    search: (term) => remember(`search ${term}`, async () => (await pagefind.search(term))?.results ?? []),
    vocabulary: (lengths) => vocabularyOf(terms.vocabulary, lengths, shard),
  };
  return {
    pagefind,
    run: (query, options) =>
      runSearch(engine, terms.synonyms, query, options).catch((error: unknown) => {
        if (error instanceof StaleSearch) return undefined;
        throw error;
      }),
  };
}

/**
 * The build's tag on Pagefind's entry file where the page preloads that file (the search page, see
 * preloadSearchPage in integrations/pagefind.ts): given to Pagefind, its fetch is the preloaded one. Elsewhere
 * Pagefind tags the fetch with the time, so a cached entry file never outlives a new build.
 */
function searchCacheTag(): string | undefined {
  const link = document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="pagefind-entry.json?ts="]');
  return link ? (new URL(link.href).searchParams.get('ts') ?? undefined) : undefined;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** Pagefind's excerpts are escaped page text with <mark> around matches: the only HTML inserted. */
function excerpt(className: string, html: string) {
  const node = el('span', { class: className });
  node.innerHTML = html;
  return node;
}

/**
 * One result: what kind of page it is, the title, event, speakers and themes, the excerpt with the match
 * marked, which of the query's words it holds when not all (or only through a synonym), and the sections
 * that match.
 */
export function resultItem(data: HitData, result: SearchResult) {
  const { meta } = data;
  // Browsing with no words, Pagefind still adds an empty highlight parameter.
  const url = data.url.replace(/\?highlight=(?=#|$)/, '');
  const kind = el('p', { class: 'kcr-result__kind' }, el('span', { class: 'kcr-result__type' }, meta.type ?? 'Page'));
  if (meta.event) kind.append(` · ${meta.event}`);
  const item = el(
    'li',
    { class: 'kcr-result' },
    kind,
    el('p', { class: 'kcr-result__title' }, el('a', { class: 'kcr-result__link', href: url }, meta.title ?? url)),
  );
  if (meta.speakers) item.append(el('p', { class: 'kcr-result__speakers' }, meta.speakers));
  if (meta.author) item.append(el('p', { class: 'kcr-result__speakers' }, `by ${meta.author}`));
  if (meta.themes) item.append(el('p', { class: 'kcr-result__themes' }, meta.themes));
  if (!result.complete || result.through.length) {
    const words = result.holds.map((word) => {
      const through = result.through.find((t) => t.word === word);
      return through ? `${through.meaning} (for ${word})` : word;
    });
    item.append(el('p', { class: 'kcr-result__holds' }, `Has: ${words.join(', ')}`));
  }
  if (data.excerpt) item.append(el('p', { class: 'kcr-result__excerpt' }, excerpt('', data.excerpt)));
  const subs = resultSections(data);
  if (subs.length) {
    item.append(
      el(
        'ul',
        { class: 'kcr-result__sections' },
        ...subs.map((sub) =>
          el(
            'li',
            {},
            el('a', { class: 'kcr-result__section-link', href: sub.url }, sub.title),
            ' ',
            excerpt('kcr-result__sub-excerpt', sub.excerpt),
          ),
        ),
      ),
    );
  }
  return item;
}

/** Where a link to another search goes, and what happens when it is followed in place. */
export interface SearchLinks {
  href(query: string, verbatim: boolean): string;
  follow(query: string, verbatim: boolean): void;
}

function searchLink(links: SearchLinks, text: string, query: string, verbatim = false) {
  const link = el('a', { href: links.href(query, verbatim), class: 'search-notice__link' }, text);
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    links.follow(query, verbatim);
  });
  return link;
}

const quoted = (text: string) => el('strong', {}, text);

/** The notes above the results: a correction, a word no page has, synonyms used, a relaxed query. */
export function noticeList(outcome: SearchOutcome, links: SearchLinks): HTMLElement[] {
  return notices(outcome).map((notice: Notice) => {
    const line = el('p', { class: `search-notice search-notice--${notice.kind}` });
    switch (notice.kind) {
      case 'corrected':
        line.append(
          'Showing results for ',
          quoted(notice.showing),
          '. Search instead for ',
          searchLink(links, notice.instead, notice.instead, true),
        );
        break;
      case 'missing':
        line.append(
          'No page mentions ',
          ...notice.words.flatMap((word, i) => [...(i ? [' or '] : []), quoted(word)]),
          '.',
        );
        if (notice.lookalikes.length) {
          line.append(
            ' Words on the site that look like it: ',
            ...notice.lookalikes.flatMap((alike, i) => [
              ...(i ? [', '] : []),
              searchLink(links, alike.word, alike.query),
            ]),
            '.',
          );
        }
        break;
      case 'synonyms':
        line.append('“', notice.word, '” also finds ', notice.meanings.join(', '), '.');
        break;
      case 'relaxed':
        line.append(
          notice.complete
            ? `Only ${notice.complete === 1 ? 'one page has' : `${notice.complete} pages have`} every word; the pages after ${notice.complete === 1 ? 'it' : 'them'} have most of them.`
            : 'No page has every word; these have most of them.',
        );
        break;
    }
    return line;
  });
}

/** Results appear in rank order as their fragments arrive: the first is on screen before the fifth has loaded. */
export async function drawResults(
  results: SearchResult[],
  onEach: (item: HTMLLIElement, index: number) => boolean,
): Promise<void> {
  const pending = results.map((result) => result.load().then((data) => resultItem(data, result)));
  for (const [i, item] of pending.entries()) if (!onEach(await item, i)) return;
}
