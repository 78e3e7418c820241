/**
 * The header's quick search: a native <dialog> on Pagefind's JavaScript API, with the site's query handling
 * and result drawing (client.ts), shared with the search page.
 *
 * It does not use Pagefind's Component UI, whose bundle (about 47 KB gzipped with its stylesheet) also loads
 * every filter's data when it starts, and a quick search needs neither. Here the reader fetches Pagefind's
 * engine, its WebAssembly and index metadata when the dialog opens, then only the index chunks and result
 * fragments a query needs. Results show as the reader types: no debounce, stale answers are dropped.
 */
import { pageKinds, pageSize, resultCount, writeState, type SearchOutcome } from '../../lib/search.ts';
import { drawResults, el, loadSearch, noticeList, type SearchClient, type SearchLinks } from './client.ts';

/**
 * A reader's first search would spend 30–60 ms compiling and warming Pagefind's code, more than the search
 * itself. Once the page is idle after the dialog opens, the dialog lists every talk (a filter, no words): that
 * runs Pagefind's ranking over every talk and fetches only the small "type" filter file, no index chunk, so
 * the reader's first query, even one pasted whole, runs warm.
 */
const warmUp = { filters: { type: pageKinds.talk } };
const whenIdle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 50),
  );

let dialog: SearchDialog | undefined;

/**
 * Opens the dialog, building it the first time, with what the reader has typed so far. Pagefind loads
 * in the background; if there is no index (in dev before any build), the reader goes to the search page.
 */
export function openSearchDialog(bundlePath: string, searchPage: string, typed = '') {
  dialog ??= new SearchDialog(loadSearch(bundlePath), searchPage);
  dialog.open(typed);
}

/** The search page's address for a query, which reproduces it there with filters. */
const pageUrl = (searchPage: string, q: string, verbatim: boolean) =>
  `${searchPage}${writeState({ q, filters: {}, sort: 'relevance', verbatim })}`;

class SearchDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLButtonElement;
  private readonly fullSearch: HTMLAnchorElement;
  private outcome: SearchOutcome | undefined;
  private shown = 0;
  /** Bumped on every query, so an answer that arrives after a newer query is dropped. */
  private generation = 0;
  private readonly client: Promise<SearchClient>;
  private readonly searchPage: string;

  constructor(client: Promise<SearchClient>, searchPage: string) {
    this.client = client;
    this.searchPage = searchPage;
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
    this.notes = el('div', { class: 'search-notices' });
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
      el('div', { class: 'search-dialog__body' }, this.status, this.notes, this.list, this.more),
      el(
        'div',
        { class: 'search-dialog__footer' },
        el('span', { class: 'search-dialog__hints' }, '↑ ↓ to move, Enter to open'),
        this.fullSearch,
      ),
    );
    document.body.append(this.dialog);

    this.input.addEventListener('input', () => void this.search(this.input.value, false));
    // A second press while the next results load would draw them twice.
    let drawingMore: Promise<void> | undefined;
    this.more.addEventListener('click', () => {
      drawingMore ??= this.showMore().finally(() => (drawingMore = undefined));
    });
    close.addEventListener('click', () => this.dialog.close());
    // A click on the backdrop lands on the dialog element itself.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.dialog.addEventListener('keydown', (event) => this.onKey(event));
    // Fetch the engine and index metadata now, while the reader types the first word.
    this.client.then(
      async ({ pagefind }) => {
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
      void this.search(typed, false);
    } else this.input.select();
  }

  private readonly links: SearchLinks = {
    href: (query, verbatim) => pageUrl(this.searchPage, query, verbatim),
    follow: (query, verbatim) => {
      this.input.value = query;
      this.input.focus();
      void this.search(query, verbatim);
    },
  };

  private async search(term: string, verbatim: boolean) {
    const generation = ++this.generation;
    const query = term.trim();
    this.fullSearch.href = pageUrl(this.searchPage, query, verbatim);
    if (!query) return this.show(undefined, []);
    const outcome = await (await this.client).run(query, { verbatim, stale: () => generation !== this.generation });
    if (!outcome || generation !== this.generation) return;
    let first = true;
    await drawResults(outcome.results.slice(0, pageSize), (item) => {
      if (generation !== this.generation) return false;
      if (first) this.show(outcome, [item]);
      else {
        this.list.append(item);
        this.shown++;
      }
      first = false;
      return true;
    });
    // A newer query may have started while these results loaded: it owns the list now.
    if (generation !== this.generation) return;
    if (first) this.show(outcome, []);
    this.more.hidden = this.shown >= outcome.results.length;
  }

  /** Swaps the previous query's results for this one's first. */
  private show(outcome: SearchOutcome | undefined, items: HTMLLIElement[]) {
    this.outcome = outcome;
    this.list.replaceChildren(...items);
    this.shown = items.length;
    this.more.hidden = true;
    this.status.textContent = outcome ? resultCount(outcome) : '';
    this.notes.replaceChildren(...(outcome ? noticeList(outcome, this.links) : []));
  }

  private async showMore() {
    const generation = this.generation;
    const results = this.outcome?.results.slice(this.shown, this.shown + pageSize) ?? [];
    const items: HTMLLIElement[] = [];
    await drawResults(results, (item) => (items.push(item), true));
    if (generation !== this.generation) return;
    this.list.append(...items);
    items[0]?.querySelector('a')?.focus();
    this.shown += items.length;
    this.more.hidden = this.shown >= (this.outcome?.results.length ?? 0);
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
