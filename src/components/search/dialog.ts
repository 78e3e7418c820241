/**
 * The header's quick search: a native <dialog> on Pagefind's JavaScript API.
 *
 * The search page uses Pagefind's Component UI for its filters; this dialog does
 * not, because that bundle (about 47 KB gzipped with its stylesheet) also loads
 * every filter's data when it starts, and a quick search needs neither. Here the
 * reader fetches Pagefind's engine, its WebAssembly and index metadata when the
 * dialog opens, then only the index chunks and result fragments a query needs.
 * Results show as the reader types: no debounce, stale answers are dropped.
 */
import { pageTypes } from '../../lib/search';
import { ranking } from './ranking';

interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; excerpt: string; locations?: number[] }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * A reader's first search would spend 30–60 ms compiling and warming Pagefind's code, more than the search
 * itself. Once the page is idle after the dialog opens, the dialog lists every talk (a filter, no words): that
 * runs Pagefind's ranking over every talk and fetches only the small "type" filter file, no index chunk, so
 * the reader's first query, even one pasted whole, runs warm.
 */
const warmUp = { filters: { type: pageTypes.talk } };
const whenIdle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 50),
  );

/** Results drawn at once, and on each "More results": each costs one fragment fetch. */
const pageSize = 5;
const maxSections = 3;

let dialog: SearchDialog | undefined;

/**
 * Opens the dialog, building it the first time, with what the reader has typed so far. Pagefind loads
 * in the background; if there is no index (in dev before any build), the reader goes to the search page.
 */
export function openSearchDialog(bundlePath: string, searchPage: string, typed = '') {
  dialog ??= new SearchDialog(loadPagefind(bundlePath), searchPage);
  dialog.open(typed);
}

async function loadPagefind(bundlePath: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  // Pagefind's worker would be one more script to fetch; these searches are short enough for the main thread.
  await pagefind.options({
    basePath: bundlePath,
    ranking,
    excerptLength: 24,
    highlightParam: 'highlight',
    noWorker: true,
  });
  return pagefind;
}

function el<K extends keyof HTMLElementTagNameMap>(
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

/** A page's sections that mention the query most, leaving out the page itself. */
function sections(data: ResultData) {
  return data.sub_results
    .filter((sub) => sub.url.includes('#'))
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
    .slice(0, maxSections);
}

function resultItem(data: ResultData) {
  const { meta } = data;
  const kind = el('p', { class: 'kcr-result__kind' }, el('span', { class: 'kcr-result__type' }, meta.type ?? 'Page'));
  if (meta.event) kind.append(` · ${meta.event}`);
  const item = el(
    'li',
    { class: 'kcr-result' },
    kind,
    el(
      'p',
      { class: 'kcr-result__title' },
      el('a', { class: 'kcr-result__link', href: data.url }, meta.title ?? data.url),
    ),
  );
  if (meta.speakers) item.append(el('p', { class: 'kcr-result__speakers' }, meta.speakers));
  if (meta.themes) item.append(el('p', { class: 'kcr-result__themes' }, meta.themes));
  if (data.excerpt) item.append(el('p', { class: 'kcr-result__excerpt' }, excerpt('', data.excerpt)));
  const subs = sections(data);
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

class SearchDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLButtonElement;
  private readonly fullSearch: HTMLAnchorElement;
  private results: PagefindResult[] = [];
  private shown = 0;
  /** Bumped on every query, so an answer that arrives after a newer query is dropped. */
  private generation = 0;

  constructor(
    private readonly pagefind: Promise<Pagefind>,
    private readonly searchPage: string,
  ) {
    this.input = el('input', {
      type: 'search',
      class: 'search-dialog__input',
      placeholder: 'Search talks, speakers, tools…',
      'aria-label': 'Search the recaps',
      'aria-controls': 'search-dialog-results',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.status = el('p', { class: 'search-dialog__status', role: 'status' });
    this.list = el('ul', { class: 'search-dialog__results', id: 'search-dialog-results', 'aria-label': 'Results' });
    this.more = el('button', { type: 'button', class: 'search-dialog__more', hidden: '' }, 'More results');
    this.fullSearch = el('a', { class: 'search-dialog__page', href: searchPage }, 'Filter by theme, event or project');
    const close = el(
      'button',
      { type: 'button', class: 'search-dialog__close', 'aria-label': 'Esc: close search' },
      'Esc',
    );
    this.dialog = el(
      'dialog',
      { class: 'search-dialog', 'aria-label': 'Search' },
      el('div', { class: 'search-dialog__bar' }, this.input, close),
      el('div', { class: 'search-dialog__body' }, this.status, this.list, this.more),
      el(
        'div',
        { class: 'search-dialog__footer' },
        el('span', { class: 'search-dialog__hints' }, '↑ ↓ to move, Enter to open'),
        this.fullSearch,
      ),
    );
    document.body.append(this.dialog);

    this.input.addEventListener('input', () => void this.search(this.input.value));
    this.more.addEventListener('click', () => void this.showMore());
    close.addEventListener('click', () => this.dialog.close());
    // A click on the backdrop lands on the dialog element itself.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.dialog.addEventListener('keydown', (event) => this.onKey(event));
    // Fetch the engine and index metadata now, while the reader types the first word.
    this.pagefind.then(
      async (pagefind) => {
        await pagefind.init();
        await whenIdle();
        if (this.generation === 0) await pagefind.search(null, warmUp);
      },
      () => location.assign(searchPage),
    );
  }

  open(typed: string) {
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    if (typed) {
      this.input.value = typed;
      void this.search(typed);
    } else this.input.select();
  }

  private async search(term: string) {
    const generation = ++this.generation;
    const query = term.trim();
    this.fullSearch.href = query ? `${this.searchPage}?q=${encodeURIComponent(query)}` : this.searchPage;
    if (!query) return this.render([], '', generation);
    const found = await (await this.pagefind).search(query);
    if (generation !== this.generation || !found) return;
    await this.render(found.results, query, generation);
  }

  /** Results appear in rank order as their fragments arrive: the first is on screen before the fifth has loaded. */
  private async render(results: PagefindResult[], query: string, generation: number) {
    const status = !query
      ? ''
      : results.length
        ? `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`
        : `No results for “${query}”. Try fewer or different words.`;
    const pending = results.slice(0, pageSize).map((result) => result.data());
    if (!pending.length) return this.replace(results, status, []);
    for (const [i, data] of pending.entries()) {
      const item = resultItem(await data);
      if (generation !== this.generation) return;
      if (i === 0) this.replace(results, status, [item]);
      else {
        this.list.append(item);
        this.shown++;
      }
    }
    this.more.hidden = this.shown >= results.length;
  }

  /** Swaps the previous query's results for this one's first. */
  private replace(results: PagefindResult[], status: string, items: HTMLLIElement[]) {
    this.results = results;
    this.list.replaceChildren(...items);
    this.shown = items.length;
    this.more.hidden = true;
    this.status.textContent = status;
  }

  private async load(from: number) {
    const page = this.results.slice(from, from + pageSize);
    return (await Promise.all(page.map((result) => result.data()))).map(resultItem);
  }

  private async showMore() {
    const generation = this.generation;
    const items = await this.load(this.shown);
    if (generation !== this.generation) return;
    this.list.append(...items);
    items[0]?.querySelector('a')?.focus();
    this.shown += items.length;
    this.more.hidden = this.shown >= this.results.length;
  }

  /** Escape closes at once (a search field would first clear itself); arrow keys move between the input and each result's title link. */
  private onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.dialog.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [this.input, ...this.list.querySelectorAll<HTMLAnchorElement>('.kcr-result__link')];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1) return;
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}
