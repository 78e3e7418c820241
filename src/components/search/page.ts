/**
 * The search page: Pagefind's input, filter pane and results, with the query,
 * filters and sort kept in the URL, so a link reproduces the same results and
 * back and forward step through what the reader did.
 */
import { createInstance, element, resultsElement, type SearchInstance } from './pagefind-ui';

export const filterKeys = ['type', 'theme', 'event', 'project', 'format'] as const;
type Filters = Record<string, string[]>;
type Sort = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  filters: Filters;
  sort: Sort;
}

/** Reads ?q=…&theme=…&event=…&sort=… (filters may repeat). */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of filterKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance' };
}

/** The query string for a state, in a stable order so equal states give equal URLs. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of filterKeys) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export async function mountSearchPage(root: HTMLElement) {
  const bundlePath = root.dataset.bundlePath!;
  let state = readState(location.search);
  let restoring = false;
  let lastPush = 0;

  const sortSelect = element('select', { id: 'search-sort' }) as HTMLSelectElement;
  for (const [value, label] of [
    ['relevance', 'Best match'],
    ['newest', 'Newest event first'],
    ['oldest', 'Oldest event first'],
  ]) {
    sortSelect.append(Object.assign(document.createElement('option'), { value, textContent: label }));
  }
  sortSelect.value = state.sort;

  let instance: SearchInstance;
  try {
    instance = await createInstance({
      bundlePath,
      name: 'page',
      faceted: true,
      sort: () => (state.sort === 'relevance' ? undefined : { date: state.sort === 'newest' ? 'desc' : 'asc' }),
    });
  } catch {
    root.querySelector<HTMLElement>('[data-search-unavailable]')!.hidden = false;
    return;
  }

  const noResults = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const relaxList = noResults.querySelector<HTMLElement>('[data-search-relax]')!;
  root
    .querySelector('[data-search-mount]')!
    .replaceChildren(
      element('div', { class: 'search-bar' }, [
        element('pagefind-input', { instance: 'page', placeholder: 'Search talks, speakers, tools…', autofocus: true }),
        element('label', { class: 'search-sort', for: 'search-sort' }, [document.createTextNode('Sort '), sortSelect]),
      ]),
      element('div', { class: 'search-columns' }, [
        element('aside', { class: 'search-filters', 'aria-label': 'Filters' }, [
          element('pagefind-filter-pane', { instance: 'page', open: 'type,theme,event', sort: 'count-desc' }),
        ]),
        element('div', { class: 'search-results' }, [
          element('pagefind-summary', { instance: 'page' }),
          resultsElement('page'),
        ]),
      ]),
    );

  function commit(next: SearchState) {
    const changedFiltersOrSort =
      JSON.stringify(next.filters) !== JSON.stringify(state.filters) || next.sort !== state.sort;
    state = next;
    if (restoring) return;
    const url = `${location.pathname}${writeState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    // Typing replaces the entry it started; a new filter or sort, or a pause, starts a new one.
    if (changedFiltersOrSort || Date.now() - lastPush > 1500) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastPush = Date.now();
  }

  instance.on('search', (term, filters) => {
    const clean: Filters = {};
    for (const key of filterKeys) if (filters[key]?.length) clean[key] = [...filters[key]];
    commit({ q: term, filters: clean, sort: state.sort });
  });
  instance.on('results', (result) => {
    const empty = result.results.length === 0 && (state.q !== '' || Object.keys(state.filters).length > 0);
    noResults.hidden = !empty;
    relaxList.replaceChildren(
      ...Object.entries(state.filters).flatMap(([key, values]) =>
        values.map((value) => {
          const button = element('button', { type: 'button', class: 'button' }, [
            document.createTextNode(`Remove filter ${key}: ${value}`),
          ]);
          button.addEventListener('click', () => {
            const filters = { ...state.filters, [key]: values.filter((v) => v !== value) };
            if (!filters[key]!.length) delete filters[key];
            instance.triggerSearchWithFilters(state.q, filters);
          });
          return element('li', {}, [button]);
        }),
      ),
    );
  });
  sortSelect.addEventListener('change', () => {
    commit({ ...state, sort: sortSelect.value as Sort });
    instance.triggerSearchWithFilters(state.q, state.filters);
  });
  window.addEventListener('popstate', () => {
    restoring = true;
    state = readState(location.search);
    sortSelect.value = state.sort;
    instance.triggerSearchWithFilters(state.q, state.filters);
    restoring = false;
  });

  await customElements.whenDefined('pagefind-input');
  instance.triggerSearchWithFilters(state.q, state.filters);
}
