/**
 * Loads Pagefind's Component UI on first use and sets up a search instance the
 * way this site searches: our result template, our ranking, the highlight
 * parameter for landing on the match, and optional sorting by event date.
 * Nothing here runs until a reader opens search.
 */
import { ranking } from './ranking';

// The parts of Pagefind's Component UI this site uses (it ships no types for the script build).
export interface SearchInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  faceted: boolean;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: { results: unknown[]; unfilteredResultCount?: number }) => void): void;
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  __pagefind__?: { search(term: string | null, options: Record<string, unknown>): Promise<unknown> };
}
interface ComponentsGlobal {
  configureInstance(name: string, options: Record<string, unknown>): SearchInstance;
}

/**
 * One result: what kind of page it is, the title, event, speakers and themes,
 * the excerpt with the match marked, and the sections (sub-results) that match.
 * Values are escaped by Pagefind's template engine; only the excerpts, which
 * Pagefind builds from indexed text with <mark>, are inserted as HTML.
 */
export const resultTemplate = `
<li class="kcr-result">
  <p class="kcr-result__kind"><span class="kcr-result__type">{{ meta.type | default("Page") }}</span>{{#if meta.event}} · {{ meta.event }}{{/if}}</p>
  <p class="kcr-result__title"><a class="kcr-result__link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>
  {{#if meta.speakers}}<p class="kcr-result__speakers">{{ meta.speakers }}</p>{{/if}}
  {{#if meta.themes}}<p class="kcr-result__themes">{{ meta.themes }}</p>{{/if}}
  {{#if excerpt}}<p class="kcr-result__excerpt">{{+ excerpt +}}</p>{{/if}}
  {{#if sub_results}}
  <ul class="kcr-result__sections">
    {{#each sub_results as sub}}
    <li><a class="kcr-result__section-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a> <span class="kcr-result__sub-excerpt">{{+ sub.excerpt +}}</span></li>
    {{/each}}
  </ul>
  {{/if}}
</li>`;

let loading: Promise<ComponentsGlobal> | undefined;

/** Adds Pagefind's Component UI script and stylesheet to the page, once. */
export function loadComponentUi(bundlePath: string): Promise<ComponentsGlobal> {
  loading ??= new Promise((resolve, reject) => {
    const css = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: `${bundlePath}pagefind-component-ui.css`,
    });
    const script = Object.assign(document.createElement('script'), { src: `${bundlePath}pagefind-component-ui.js` });
    script.addEventListener('load', () =>
      resolve((window as unknown as { PagefindComponents: ComponentsGlobal }).PagefindComponents),
    );
    script.addEventListener('error', () => reject(new Error('Search could not be loaded')));
    document.head.append(css, script);
  });
  return loading;
}

export interface InstanceOptions {
  bundlePath: string;
  name: string;
  faceted?: boolean;
  /** Returns the sort to apply to the next search, or undefined for relevance. */
  sort?: () => Record<string, 'asc' | 'desc'> | undefined;
}

export async function createInstance({ bundlePath, name, faceted = false, sort }: InstanceOptions) {
  const components = await loadComponentUi(bundlePath);
  const instance = components.configureInstance(name, {
    bundlePath,
    highlightParam: 'highlight',
    excerptLength: 24,
    ranking,
  });
  instance.faceted = faceted;
  if (sort) {
    await instance.triggerLoad();
    const pagefind = instance.__pagefind__;
    if (pagefind) {
      const search = pagefind.search.bind(pagefind);
      pagefind.search = (term, options) => {
        const order = sort();
        return search(term, order ? { ...options, sort: order } : options);
      };
    }
  }
  return instance;
}

/** Builds an element with attributes, for the Component UI's custom elements. */
export function element(tag: string, attributes: Record<string, string | boolean> = {}, children: Node[] = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(key, '');
    else if (value !== false) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** A results list using the site's template. */
export function resultsElement(instance: string) {
  const results = element('pagefind-results', { instance, 'max-sub-results': '3' });
  const template = element('script', { type: 'text/pagefind-template' });
  template.textContent = resultTemplate;
  results.append(template);
  return results;
}
