/**
 * The search page: the query handling and results of the header dialog (client.ts), with filters by type,
 * theme, event, project and format, sorting by event, and the query, filters and sort kept in the URL, so a
 * link reproduces the same results (a corrected or relaxed search too) and back and forward step through
 * what the reader did.
 *
 * Filters are applied here rather than by Pagefind, so a relaxed or synonym search filters the same way and
 * every count is the number of results that choice would show.
 */
import {
  filterGroups,
  filterLabels,
  pageKinds,
  pageSize,
  readState,
  resultCount,
  searchSorts,
  writeState,
  type FilterGroup,
  type SearchFilters as Filters,
  type SearchOutcome,
  type SearchResult,
  type SearchSort as Sort,
  type SearchState,
} from '../../lib/search.ts';
import {
  drawResults,
  el,
  loadSearch,
  noticeList,
  type Pagefind,
  type SearchClient,
  type SearchLinks,
} from './client.ts';

/** Which pages carry each filter value, and the event order of talks: read once, from Pagefind's filter files. */
interface Facets {
  values: Record<FilterGroup, string[]>;
  pages: Map<string, Set<string>>;
  eventRank: Map<string, number>;
  all: SearchResult[];
}
const facetKey = (group: string, value: string) => `${group}\u0000${value}`;

/**
 * Lets the page answer a key or a tap between steps of a long loop: once the loop has held the main thread
 * for `budgetMs`, the next step waits for a task of its own.
 */
function yielder(budgetMs = 8) {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise((resolve) => setTimeout(resolve));
    since = performance.now();
  };
}

/** `eventOrder`: the events' names, newest first, as the search page lists them (data-event-order). */
async function readFacets(pagefind: Pagefind, eventOrder: string[]): Promise<Facets> {
  const totals = await pagefind.filters();
  const pages = new Map<string, Set<string>>();
  const values = {} as Record<FilterGroup, string[]>;
  // A search per filter value, 40 on this site: run back to back they would hold the page for 20 ms and more.
  const pause = yielder();
  for (const group of filterGroups) {
    values[group] = Object.keys(totals[group] ?? {});
    for (const value of values[group]) {
      await pause();
      const found = await pagefind.search(null, { filters: { [group]: value } });
      pages.set(facetKey(group, value), new Set(found?.results.map((r) => r.id)));
    }
  }
  // Each talk ranks as its event does, newest first. The order comes with the page rather than as a sort in
  // the index, whose metadata every first search fetches (about 4 KB more at 2,000 talks).
  const eventRank = new Map<string, number>();
  const rankByEvent = new Map(eventOrder.map((event, rank) => [event, rank]));
  const rankOf = (event: string) => rankByEvent.get(event) ?? Infinity;
  for (const event of values.event) {
    for (const id of pages.get(facetKey('event', event))!) eventRank.set(id, rankOf(event));
  }
  // Browsing with no words: every page, talks first by event.
  const everything = (await pagefind.search(null))?.results ?? [];
  const all = everything.map((hit) => ({
    id: hit.id,
    holds: [],
    through: [],
    complete: true,
    load: () => hit.data(),
  }));
  values.event.sort((a, b) => rankOf(a) - rankOf(b));
  values.type = Object.values(pageKinds).filter((kind) => values.type.includes(kind));
  return { values, pages, eventRank, all };
}

const has = (facets: Facets, id: string, group: FilterGroup, values: string[]) =>
  values.some((value) => facets.pages.get(facetKey(group, value))?.has(id));

/** Results that pass every filter group, but `except` (for counting that group's values). */
function filtered(facets: Facets, results: SearchResult[], filters: Filters, except?: FilterGroup) {
  return results.filter((result) =>
    filterGroups.every(
      (group) => group === except || !filters[group]?.length || has(facets, result.id, group, filters[group]!),
    ),
  );
}

function sorted(facets: Facets, results: SearchResult[], sort: Sort) {
  if (sort === 'relevance') return results;
  const rank = (r: SearchResult) => facets.eventRank.get(r.id) ?? Infinity;
  const direction = sort === 'newest' ? 1 : -1;
  // Talks by event (in relevance order within an event), then the other pages.
  return results
    .map((result, i) => ({ result, i }))
    .sort((a, b) => {
      const ra = rank(a.result);
      const rb = rank(b.result);
      if (ra === Infinity || rb === Infinity) return ra === rb ? a.i - b.i : ra === Infinity ? 1 : -1;
      return (ra - rb) * direction || a.i - b.i;
    })
    .map(({ result }) => result);
}

export async function mountSearchPage(root: HTMLElement) {
  const bundlePath = root.dataset.bundlePath!;
  const searchPath = location.pathname;
  let state = readState(location.search);
  let lastPush = 0;

  let client: SearchClient;
  try {
    client = await loadSearch(bundlePath);
    await client.pagefind.init();
  } catch {
    root.querySelector<HTMLElement>('[data-search-unavailable]')!.hidden = false;
    return;
  }
  // The filters' data is read after the first results, unless they need it: a search with no filter and
  // no order by event does not wait for it.
  let facets: Facets | undefined;
  let facetsRead: Promise<unknown> | undefined;
  const readFilters = () =>
    (facetsRead ??= readFacets(client.pagefind, JSON.parse(root.dataset.eventOrder ?? '[]') as string[]).then(
      (read) => (facets = read),
      () => undefined,
    ));

  const input = el('input', {
    type: 'search',
    id: 'search-input',
    class: 'search-page__input',
    placeholder: 'Search talks, speakers, tools…',
    'aria-label': 'Search the recaps',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-keyshortcuts': 'Control+K Meta+K /',
  });
  const sortSelect = el('select', { id: 'search-sort' });
  for (const [value, label] of Object.entries(searchSorts)) sortSelect.append(el('option', { value }, label));
  const status = el('p', { class: 'search-page__status', role: 'status' });
  const notes = el('div', { class: 'search-notices' });
  const toggle = el('button', {
    type: 'button',
    class: 'button search-page__filters-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'search-filters',
  });
  const chips = el('ul', { class: 'search-page__chips', 'aria-label': 'Chosen filters' });
  const pane = el('div', { class: 'search-filters', id: 'search-filters' });
  const list = el('ul', { class: 'search-page__results', 'aria-label': 'Results' });
  const more = el('button', { type: 'button', class: 'button search-page__more', hidden: '' }, 'More results');
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const relax = empty.querySelector<HTMLElement>('[data-search-relax]')!;

  root
    .querySelector('[data-search-mount]')!
    .replaceChildren(
      el(
        'form',
        { class: 'search-bar', role: 'search' },
        input,
        el('label', { class: 'search-sort', for: 'search-sort' }, 'Sort ', sortSelect),
      ),
      el(
        'div',
        { class: 'search-columns' },
        el('div', { class: 'search-page__head' }, status, el('div', { class: 'search-page__controls' }, toggle, chips)),
        el('aside', { class: 'search-page__filters', 'aria-labelledby': 'search-filters-heading' }, pane),
        el('div', { class: 'search-results' }, notes, empty, list, more),
      ),
    );

  let outcome: SearchOutcome | undefined;
  /** The query's results before filters, and what the filters leave of them. */
  let base: SearchResult[] = [];
  let shown: SearchResult[] = [];
  let drawn = 0;
  let generation = 0;

  const links: SearchLinks = {
    href: (q, verbatim) => `${searchPath}${writeState({ ...state, q, verbatim })}`,
    follow: (q, verbatim) => {
      input.value = q;
      void update({ ...state, q, verbatim }, true);
    },
  };

  function commit(next: SearchState, push: boolean) {
    state = next;
    const url = `${searchPath}${writeState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    // Typing replaces the entry it started; a new filter or sort, a link, or a pause starts a new one.
    if (push || Date.now() - lastPush > 1500) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastPush = Date.now();
  }

  function choose(group: FilterGroup, value: string, on: boolean) {
    const values = new Set(state.filters[group]);
    if (on) values.add(value);
    else values.delete(value);
    const filters = { ...state.filters, [group]: [...values] };
    if (!values.size) delete filters[group];
    void update({ ...state, filters }, true, false);
  }

  /** Runs the query (when it changed) and draws the results, filters and notes. */
  async function update(next: SearchState, push: boolean, rerun = true) {
    const current = ++generation;
    const queryChanged = !outcome || next.q !== outcome.query || next.verbatim !== outcome.verbatim;
    commit(next, push);
    if (rerun && queryChanged) {
      const ran = state.q.trim()
        ? await client.run(state.q, { verbatim: state.verbatim, stale: () => current !== generation })
        : undefined;
      if (current !== generation) return;
      outcome = ran ?? { query: '', verbatim: false, words: [], results: [], complete: 0, lookalikes: [] };
    }
    const browsing = !state.q.trim();
    const filtering = Object.keys(state.filters).length > 0;
    if (!facets && (browsing || filtering || state.sort !== 'relevance')) {
      await readFilters();
      if (current !== generation) return;
    }
    base = browsing ? (filtering ? facets!.all : []) : outcome!.results;
    shown = facets
      ? sorted(
          facets,
          filtered(facets, base, state.filters),
          browsing && state.sort === 'relevance' ? 'newest' : state.sort,
        )
      : base;
    drawFilters();
    drawChips();
    status.textContent = state.q.trim()
      ? resultCount({ ...outcome!, results: shown })
      : shown.length
        ? `${shown.length} ${shown.length === 1 ? 'page' : 'pages'} with these filters`
        : 'Type a word, or choose a filter to browse.';
    notes.replaceChildren(...(state.q.trim() ? noticeList(outcome!, links) : []));
    const nothing = shown.length === 0 && (state.q.trim() !== '' || Object.keys(state.filters).length > 0);
    empty.hidden = !nothing;
    relax.replaceChildren(
      ...Object.entries(state.filters).flatMap(([group, values]) =>
        values.map((value) => {
          const button = el('button', { type: 'button', class: 'button' }, `Remove filter ${group}: ${value}`);
          button.addEventListener('click', () => choose(group as FilterGroup, value, false));
          return el('li', {}, button);
        }),
      ),
    );
    list.replaceChildren();
    drawn = 0;
    await drawPage(current);
  }

  async function drawPage(current: number) {
    const page = shown.slice(drawn, drawn + pageSize);
    const first = drawn;
    await drawResults(page, (item) => {
      if (current !== generation) return false;
      list.append(item);
      drawn++;
      return true;
    });
    if (current !== generation) return;
    more.hidden = drawn >= shown.length;
    if (first > 0) list.children[first]?.querySelector('a')?.focus();
  }

  /** Each group's values with the number of results each would show, given the other groups' choices. */
  function drawFilters() {
    const chosen = Object.values(state.filters).flat().length;
    toggle.textContent = `Filters (${chosen})`;
    if (!facets) return;
    const groups = filterGroups.flatMap((group) => {
      const pool = filtered(facets!, base, state.filters, group);
      const options = facets!.values[group]
        .map((value) => ({
          value,
          count: pool.filter((r) => facets!.pages.get(facetKey(group, value))?.has(r.id)).length,
          checked: state.filters[group]?.includes(value) ?? false,
        }))
        .filter((option) => option.count > 0 || option.checked);
      if (group !== 'type' && group !== 'event') options.sort((a, b) => b.count - a.count);
      if (!options.length) return [];
      const fieldset = el('fieldset', { class: 'search-filter' }, el('legend', {}, filterLabels[group]));
      const many = options.length > 8 && !state.filters[group]?.length;
      for (const [i, option] of options.entries()) {
        const box = el('input', { type: 'checkbox', name: group, value: option.value });
        box.checked = option.checked;
        box.addEventListener('change', () => choose(group, option.value, box.checked));
        const label = el(
          'label',
          { class: 'search-filter__option' },
          box,
          el('span', { class: 'search-filter__name' }, option.value),
          el('span', { class: 'search-filter__count' }, String(option.count)),
        );
        if (many && i >= 8) label.hidden = true;
        fieldset.append(label);
      }
      if (many) {
        const all = el('button', { type: 'button', class: 'search-filter__all' }, `All ${options.length}`);
        all.addEventListener('click', () => {
          for (const label of fieldset.querySelectorAll<HTMLElement>('label[hidden]')) label.hidden = false;
          all.remove();
        });
        fieldset.append(all);
      }
      return [fieldset];
    });
    pane.replaceChildren(
      el('h2', { class: 'search-filters__heading', id: 'search-filters-heading' }, 'Filters'),
      el('p', { class: 'search-filters__note' }, 'Each number counts the results with that choice.'),
      ...groups,
    );
  }

  function drawChips() {
    chips.replaceChildren(
      ...filterGroups.flatMap((group) =>
        (state.filters[group] ?? []).map((value) => {
          const remove = el(
            'button',
            { type: 'button', class: 'search-chip', 'aria-label': `Remove filter ${filterLabels[group]}: ${value}` },
            `${value} `,
            el('span', { 'aria-hidden': 'true' }, '×'),
          );
          remove.addEventListener('click', () => choose(group, value, false));
          return el('li', {}, remove);
        }),
      ),
    );
  }

  input.value = state.q;
  sortSelect.value = state.sort;
  input.addEventListener('input', () => void update({ ...state, q: input.value, verbatim: false }, false));
  root.querySelector('form.search-bar')!.addEventListener('submit', (event) => event.preventDefault());
  sortSelect.addEventListener('change', () => void update({ ...state, sort: sortSelect.value as Sort }, true, false));
  // A second press while the next results load would draw them twice.
  let drawingMore: Promise<void> | undefined;
  more.addEventListener('click', () => {
    drawingMore ??= drawPage(generation).finally(() => (drawingMore = undefined));
  });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    root.classList.toggle('search-page--filters-open', open);
  });
  window.addEventListener('popstate', () => {
    const next = readState(location.search);
    input.value = next.q;
    sortSelect.value = next.sort;
    state = next;
    void update(next, false);
  });
  // On this page, the search shortcuts go to its own input.
  const typing = (target: EventTarget | null) =>
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  document.addEventListener('keydown', (event) => {
    const modK = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
    const slash = event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !typing(event.target);
    if (!modK && !slash) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  document.querySelector('[data-search-trigger]')?.addEventListener('click', (event) => {
    event.preventDefault();
    input.focus();
  });
  if (!state.q) input.focus();
  await update(state, false);
  // Then count the results already shown, once they are painted: the filter files' fetches and the counting
  // would otherwise hold back the first paint of the results. A tab in the background paints no frame, so
  // it waits a tenth of a second at most.
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted));
    setTimeout(painted, 100);
  });
  await readFilters();
  drawFilters();
}
