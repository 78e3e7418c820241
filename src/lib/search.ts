/**
 * Search, in one place: what each page gives Pagefind (filters, metadata, weights), how the engine is
 * set up and ranks, and how a reader's query is handled (stopwords, shorthand and synonyms, corrections,
 * relaxing). Pure logic with no DOM: the build, the tests and both search surfaces in the browser (through
 * components/search/client.ts) all use it, so a change to how search ranks or reads a query is made here once.
 */
import { distance } from 'fastest-levenshtein';
import { formatLabels, speakersLine } from './format.ts';
import type { Event, Project, Recap, Talk, Theme } from './model.ts';

// ---------- what pages give the index ----------

/** The kinds of page search finds, as results and the "type" filter name them. */
export const pageKinds = {
  talk: 'Talk',
  theme: 'Theme',
  event: 'Event',
  project: 'Project',
  recap: 'Recap',
} as const;

/** The filter groups, in the order readers use them: what kind of page first, the format last. */
export const filterGroups = ['type', 'theme', 'event', 'project', 'format'] as const;
export type FilterGroup = (typeof filterGroups)[number];
export const filterLabels: Record<FilterGroup, string> = {
  type: 'Type',
  theme: 'Theme',
  event: 'Event',
  project: 'Project',
  format: 'Format',
};

/**
 * How much each part of a page counts (Pagefind's data-pagefind-weight; 1 is body text). A talk's summary and
 * takeaways say what it is about. Theme and project pages cover many talks, so their text counts for less:
 * a talk about both words of a query ranks above a page that mentions both in passing. A recap page holds one
 * attendee's notes on every talk they saw, and an event page's text is about the event, not a topic: theirs
 * counts for least.
 */
export const indexWeights = { summary: 2, takeaway: 2, hubPage: 0.5, recapPage: 0.25, eventPage: 0.25 } as const;

/**
 * Word positions per index chunk. Pagefind's default, 20,000, made each word a reader searches cost a 20–27 KB
 * download at 2,000 talks; at 5,000 a word costs about 6 KB and the index metadata every search reads grows by
 * about 2.5 KB (measured with `npm run bench`).
 */
export const indexChunkSize = 5000;

/** What Pagefind records for each kind of page: the facets and result metadata. */
export interface SearchData {
  filters: Record<string, string[]>;
  meta: Record<string, string | undefined>;
}

/** Only talks carry the theme, event, project and format filters, so each count is a count of talks, as the site gives them. */
export function talkSearchData(talk: Talk): SearchData {
  return {
    filters: {
      type: [pageKinds.talk],
      theme: talk.themes.map((theme) => theme.title),
      event: [talk.event.shortName],
      project: talk.projects.map((project) => project.name),
      format: [formatLabels[talk.format]],
    },
    meta: {
      type: pageKinds.talk,
      event: talk.event.shortName,
      speakers: speakersLine(talk.speakers) || undefined,
      themes: talk.themes.map((theme) => theme.title).join(' · '),
      projects: talk.projects.map((project) => project.name).join(', ') || undefined,
    },
  };
}

export function themeSearchData(_theme: Theme): SearchData {
  return { filters: { type: [pageKinds.theme] }, meta: { type: pageKinds.theme } };
}

export function eventSearchData(_event: Event): SearchData {
  return { filters: { type: [pageKinds.event] }, meta: { type: pageKinds.event } };
}

export function projectSearchData(_project: Project): SearchData {
  return { filters: { type: [pageKinds.project] }, meta: { type: pageKinds.project } };
}

export function recapSearchData(recap: Recap): SearchData {
  return {
    filters: { type: [pageKinds.recap] },
    // Who wrote it, weighted as a talk's speakers are: a reader looking for a teammate's write-up types their name.
    meta: {
      type: pageKinds.recap,
      event: recap.event.shortName,
      author: recap.author ?? recap.attribution,
      publisher: recap.publisher,
    },
  };
}

// ---------- how the engine is set up ----------

/** Pagefind's options on both surfaces and in the tests: ranking, excerpts, the highlight parameter. */
export const engineOptions = {
  ranking: {
    // A title, speaker or project match beats a passing mention.
    metaWeights: { title: 6, speakers: 4, author: 4, publisher: 4, projects: 3, themes: 2 },
    // Talk pages vary a lot in length; do not let one-paragraph pages win on term density alone.
    pageLength: 0.5,
    termSaturation: 1.2,
  },
  excerptLength: 24,
  highlightParam: 'highlight',
};

/** Results drawn at once, and on each "More results": each costs one fragment fetch. */
export const pageSize = 5;
/** A result lists at most this many of its matching sections. */
export const maxSections = 3;
/** Fewer pages than this holding every word, and the query is relaxed. */
export const handful = 5;
/** Among relaxed results holding as many words: talks first, then theme, project and recap pages, then event pages. */
const relaxedOrder: Record<string, number> = {
  [pageKinds.talk]: 0,
  [pageKinds.theme]: 1,
  [pageKinds.project]: 1,
  [pageKinds.recap]: 1,
  [pageKinds.event]: 2,
};

/** What Pagefind gives for one result (a fragment with this search's locations). */
export interface HitData {
  url: string;
  content: string;
  locations: number[];
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string; locations?: number[] }[];
}

export interface EngineHit {
  id: string;
  score: number;
  data(): Promise<HitData>;
}

/** The search engine as query handling needs it: Pagefind in the browser, or in Node for the tests. */
export interface Engine {
  /** Pagefind's search: pages holding every word, each word matched as the start of a word. */
  search(term: string): Promise<EngineHit[]>;
  /** How many pages hold a word exactly (its stem), without listing them. */
  count(word: string): Promise<number>;
  /**
   * How many pages Pagefind's search finds for a word alone, as the start of longer words or else often by a
   * shorter word, without listing them. None: no page can hold it, however it is matched.
   */
  reach(word: string): Promise<number>;
  /** The site's words from `min` to `max` letters long, fetched only when a word needs correcting. */
  vocabulary(lengths: WordLengths): Promise<Vocabulary>;
  /** The kind of each page that is not a talk (pageKindsOf). */
  kinds(): Promise<Map<string, string>>;
}

/**
 * Every word on the site a correction may offer, built from the index (integrations/pagefind.ts). Names are the
 * words of titles, speakers, projects, themes, events, headings and search aliases; words are the rest of the
 * text. Each list runs from the word on most pages to the word on fewest.
 */
export interface Vocabulary {
  names: string[];
  words: string[];
}

/**
 * The vocabulary as published: one file for each length of word, since a correction can only offer a word
 * about as long as the one typed (a ten-letter word fetches the files of 8 to 12 letters, not the whole). Each
 * file lists its words by how many pages hold them, which gives back the order of the whole: a number of
 * pages → the words on that many, separated by spaces.
 */
export interface VocabularyShard {
  names: Record<string, string>;
  words: Record<string, string>;
}

export interface WordLengths {
  min: number;
  max: number;
}

/** The word on more pages first; among words on as many, the alphabetical. */
const morePagesFirst = (a: { word: string; pages: number }, b: { word: string; pages: number }) =>
  b.pages - a.pages || (a.word < b.word ? -1 : 1);

/** The vocabulary of the lengths in `lengths`, read from the published files (`files`: a length → its file). */
export async function vocabularyOf(
  files: Record<string, string>,
  lengths: WordLengths,
  read: (file: string) => Promise<VocabularyShard>,
): Promise<Vocabulary> {
  const wanted = Object.entries(files).filter(([length]) => +length >= lengths.min && +length <= lengths.max);
  const shards = await Promise.all(wanted.map(([, file]) => read(file)));
  const tier = (lists: Record<string, string>[]) =>
    lists
      .flatMap((list) =>
        Object.entries(list).flatMap(([pages, words]) => words.split(' ').map((word) => ({ word, pages: +pages }))),
      )
      .sort(morePagesFirst)
      .map((entry) => entry.word);
  return { names: tier(shards.map((s) => s.names)), words: tier(shards.map((s) => s.words)) };
}

/**
 * The kind of each page that is not a talk, from the "type" filter: a search per kind with no words, which
 * reads no index chunk. A page missing from the map is a talk.
 */
export async function pageKindsOf(
  filterSearch: (filters: Record<string, string>) => Promise<{ id: string }[]>,
): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  for (const kind of [pageKinds.theme, pageKinds.event, pageKinds.project, pageKinds.recap]) {
    for (const { id } of await filterSearch({ type: kind })) kinds.set(id, kind);
  }
  return kinds;
}

type CountingSearch = (
  term: string,
  options: Record<string, unknown>,
) => Promise<{ unfilteredResultCount?: number } | null>;

/**
 * How many pages Pagefind finds for a term: its count of results before filters, with a filter no page has, so
 * it lists and ranks none. The "type" filter's file is the one the dialog warms up with.
 */
async function pagesFound(search: CountingSearch, term: string): Promise<number> {
  return (await search(term, { filters: { type: '' } }))?.unfilteredResultCount ?? 0;
}

/** Engine.count on Pagefind: a quoted word is matched exactly (its stem). */
export const exactCount = (search: CountingSearch, word: string) => pagesFound(search, `"${word}"`);
/** Engine.reach on Pagefind: the word as its search matches it. */
export const reachCount = (search: CountingSearch, word: string) => pagesFound(search, word);

/** Shorthand and synonyms, from the glossary and project aliases: a word → what else to search for. */
export type Synonyms = Record<string, string[]>;

/** The section links of a result: those that mention the query most, leaving out the page itself. */
export function resultSections(data: HitData) {
  return data.sub_results
    .filter((sub) => sub.url.includes('#'))
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
    .slice(0, maxSections);
}

// ---------- the search page's address ----------

export type SearchFilters = Partial<Record<FilterGroup, string[]>>;
/** The search page's orders: by relevance, or talks by their event (other pages after them). */
export const searchSorts = {
  relevance: 'Best match',
  newest: 'Talks by event, newest first',
  oldest: 'Talks by event, oldest first',
};
export type SearchSort = keyof typeof searchSorts;

export interface SearchState {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** Search the words as typed, without correcting them. */
  verbatim: boolean;
}

/** Reads ?q=…&theme=…&event=…&sort=…&verbatim=1 (filters may repeat). */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchFilters = {};
  for (const key of filterGroups) {
    const values = [...new Set(params.getAll(key).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
    verbatim: params.get('verbatim') === '1',
  };
}

/** The query string for a state, in a stable order so equal states give equal URLs. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of filterGroups) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.verbatim && state.q) params.set('verbatim', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

// ---------- reading a query ----------

/**
 * Words that carry nothing in a question ("how do I cut DNS traffic", "what is the best way to…", "why did we
 * need…"). Dropped before searching, unless a query has nothing else: Pagefind would otherwise want every page
 * to hold them (only the long theme and recap pages do), and match "i" as the start of every word beginning
 * with i. The verbs a question is built on ("how do I run…", "can we use…") are among them: they are on half the
 * talks, so when a question is relaxed a page holding "run" and one real word would rank with pages holding two.
 */
export const stopwords = new Set(
  (
    'a also an and any are as at be been being best but by can could did do does doing done for from get gets ' +
    'give got had has have how i if in into is it its just like make me my need needs of on or our really run ' +
    'runs should so some someone something than that the their them then there these they this those to use ' +
    'uses using want wants was way ways we were what when where which who why will with would you your'
  ).split(' '),
);

/** A word as Pagefind matches it: lower case, without punctuation or accents ("Kube-Proxy" → "kubeproxy"). */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '');
}

export interface QueryWord {
  /** As the reader typed it, without surrounding punctuation. */
  typed: string;
  /** As searched. */
  word: string;
}

/** The words of a query worth searching for: stopwords dropped, unless that leaves none; each once. */
export function queryWords(query: string): QueryWord[] {
  const all: QueryWord[] = [];
  for (const typed of query.trim().split(/\s+/)) {
    const word = normalizeWord(typed);
    if (word && !all.some((w) => w.word === word)) all.push({ typed: typed.replace(/^\p{P}+|\p{P}+$/gu, ''), word });
  }
  const meaningful = all.filter((w) => !stopwords.has(w.word));
  return meaningful.length ? meaningful : all;
}

/**
 * The site's word closest to one no page holds, or undefined when none is close enough: one edit for a word
 * of up to five letters, two for a longer one, two letters swapped counting as one edit. Among words as close,
 * a name (a project, speaker, title word…) wins, then the word on more pages.
 */
export function correction(word: string, vocabulary: Vocabulary): string | undefined {
  if (word.length < 4 || /^\d+$/.test(word)) return undefined;
  return nearest(word, vocabulary, correctionLimit(word.length), 1)[0];
}

/** Words of the site that look like a word no page holds, for "what is close" when nothing is close enough to correct to. */
export function lookalikes(word: string, vocabulary: Vocabulary, count = 3): string[] {
  const near = nearest(word, vocabulary, lookalikeLimit(word.length), count * 4);
  return near.filter((candidate) => candidate[0] === word[0]).slice(0, count);
}

const correctionLimit = (length: number) => (length <= 5 ? 1 : 2);
const lookalikeLimit = (length: number) => Math.max(2, Math.ceil(length / 2));
/** The lengths of the words a correction (or, `wide`, a lookalike) of a word this long can be. */
export function reachOf(length: number, wide = false): WordLengths {
  const limit = wide ? lookalikeLimit(length) : correctionLimit(length);
  return { min: length - limit, max: length + limit };
}

function nearest(word: string, vocabulary: Vocabulary, limit: number, count: number): string[] {
  const found: { candidate: string; cost: number; tier: number; rank: number }[] = [];
  for (const [tier, list] of [vocabulary.names, vocabulary.words].entries()) {
    for (const [rank, candidate] of list.entries()) {
      if (Math.abs(candidate.length - word.length) > limit || candidate === word) continue;
      const cost = swapped(word, candidate) ? 1 : distance(word, candidate);
      if (cost <= limit) found.push({ candidate, cost, tier, rank });
    }
  }
  found.sort((a, b) => a.cost - b.cost || a.tier - b.tier || a.rank - b.rank);
  return [...new Set(found.map((f) => f.candidate))].slice(0, count);
}

/** Two neighbouring letters swapped ("promehteus"), which Levenshtein distance counts as two edits. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

// ---------- running a query ----------

/** What happened to one word of the query. */
export interface WordOutcome extends QueryWord {
  /** found: some page holds it; corrected: none does, so a close word of the site was searched; missing: neither. */
  status: 'found' | 'corrected' | 'missing';
  /** The word searched in its place, when corrected. */
  correctedTo?: string;
  /** What the glossary or a project alias says it also means, searched too. */
  meanings: string[];
}

export interface SearchResult {
  id: string;
  /** The query's words this page holds (as typed, or as corrected), in query order. */
  holds: string[];
  /** Words it holds only through a synonym, with the meaning it holds. */
  through: { word: string; meaning: string }[];
  /** Whether it holds every word searched. */
  complete: boolean;
  /** Its fragment, with every word it holds marked. */
  load(): Promise<HitData>;
}

export interface SearchOutcome {
  query: string;
  /** Searched as typed: no correction ("Search instead for…"). */
  verbatim: boolean;
  words: WordOutcome[];
  results: SearchResult[];
  /** Results that hold every word come first; these many. */
  complete: number;
  /** For each word no page mentions and none is close enough to correct to: words of the site that look like it. */
  lookalikes: { for: string; word: string }[];
}

/** Thrown by runSearch when the query it runs is no longer the one asked. */
export class StaleSearch extends Error {
  constructor() {
    super('A newer query replaced this one');
    this.name = 'StaleSearch';
  }
}

/** The words searched in place of the query's, as a reader would type them ("kubernetes security"). */
export function searchedQuery(outcome: SearchOutcome): string {
  return outcome.words
    .filter((w) => w.status !== 'missing' || w.meanings.length)
    .map((w) => w.correctedTo ?? w.typed)
    .join(' ');
}

/**
 * Runs a reader's query. A query whose words some page holds, all of them, ranks exactly as Pagefind ranks it;
 * pages that hold a word only through its synonyms follow. A word no page holds is corrected to the closest
 * word of the site (unless `verbatim`), or left out and reported. When fewer than a handful of pages hold every
 * word, the pages holding most of them follow, ranked by how many they hold.
 */
export async function runSearch(
  engine: Engine,
  synonyms: Synonyms,
  query: string,
  { verbatim = false, stale = () => false }: { verbatim?: boolean; stale?: () => boolean } = {},
): Promise<SearchOutcome> {
  const searches = new Map<string, Promise<EngineHit[]>>();
  const search = (term: string) => {
    if (!searches.has(term)) searches.set(term, engine.search(term));
    return searches.get(term)!;
  };
  // A reader who typed another key has asked something else: stop at the next search.
  const find = (term: string) => {
    if (stale()) throw new StaleSearch();
    return search(term);
  };
  const outcome: SearchOutcome = { query, verbatim, words: [], results: [], complete: 0, lookalikes: [] };
  const typed = queryWords(query);
  if (!typed.length) return outcome;

  const unlessStale =
    <T>(ask: (word: string) => Promise<T>) =>
    (word: string) =>
      stale() ? Promise.reject(new StaleSearch()) : ask(word);
  const held = await wordsHeld(
    find,
    { count: unlessStale((word) => engine.count(word)), reach: unlessStale((word) => engine.reach(word)) },
    typed,
  );
  for (const w of typed) {
    const word: WordOutcome = {
      ...w,
      status: held.has(w.word) ? 'found' : 'missing',
      meanings: synonyms[w.word] ?? [],
    };
    if (word.status === 'missing' && !verbatim && !word.meanings.length) {
      const corrected = correction(w.word, await engine.vocabulary(reachOf(w.word.length)));
      if (corrected) {
        Object.assign(word, { status: 'corrected', correctedTo: corrected, meanings: synonyms[corrected] ?? [] });
      } else {
        const near = lookalikes(w.word, await engine.vocabulary(reachOf(w.word.length, true)));
        outcome.lookalikes.push(...near.map((word) => ({ for: w.typed, word })));
      }
    }
    outcome.words.push(word);
  }

  // Each word searched, with the phrases that count as holding it: itself (when some page does) and its meanings.
  const groups = outcome.words
    .map((w) => ({
      shown: w.correctedTo ?? w.typed,
      literal: w.status === 'missing' ? undefined : (w.correctedTo ?? w.word),
      alternatives: [
        ...(w.status === 'missing' ? [] : [w.correctedTo ?? w.word]),
        ...w.meanings.map((m) => m.split(/\s+/).map(normalizeWord).filter(Boolean).join(' ')),
      ],
      meanings: w.meanings,
    }))
    .filter((g) => g.alternatives.length);
  if (!groups.length) return outcome;

  const listed = new Map<string, SearchResult>();
  const add = (hit: EngineHit, result: Omit<SearchResult, 'id' | 'load'>, terms: string) => {
    if (listed.has(hit.id)) return;
    listed.set(hit.id, {
      ...result,
      id: hit.id,
      // Drawn later, perhaps after the reader changed a filter: not subject to `stale`.
      load: async () => ((await search(terms)).find((h) => h.id === hit.id) ?? hit).data(),
    });
  };
  const everyWord = groups.map((g) => g.shown);

  // Every word as written, ranked as Pagefind ranks it.
  if (groups.every((g) => g.literal)) {
    const terms = groups.map((g) => g.literal).join(' ');
    for (const hit of await find(terms)) add(hit, { holds: everyWord, through: [], complete: true }, terms);
  }
  // Every word, some through a synonym: each combination searched, best score first.
  const combinations = product(groups.map((g) => g.alternatives)).slice(0, 12);
  const throughSynonyms: { hit: EngineHit; terms: string; combination: string[] }[] = [];
  for (const combination of combinations) {
    if (combination.every((phrase, i) => phrase === groups[i]!.literal)) continue;
    const terms = combination.join(' ');
    for (const hit of await find(terms)) throughSynonyms.push({ hit, terms, combination });
  }
  throughSynonyms.sort((a, b) => b.hit.score - a.hit.score);
  for (const { hit, terms, combination } of throughSynonyms) {
    add(hit, { holds: everyWord, through: throughOf(groups, combination), complete: true }, terms);
  }
  outcome.complete = listed.size;

  // Too few pages hold every word: pages holding at least half of them follow, most words first, and among
  // pages holding as many, talks before theme and project pages, and those before event pages.
  if (outcome.complete < handful && groups.length > 1) {
    const kinds = await engine.kinds();
    const kindOrder = (id: string) => relaxedOrder[kinds.get(id) ?? pageKinds.talk]!;
    const pages = new Map<string, { hit: EngineHit; phrases: (string | undefined)[]; score: number[] }>();
    for (const [g, group] of groups.entries()) {
      for (const phrase of group.alternatives) {
        for (const hit of await find(phrase)) {
          const page = pages.get(hit.id) ?? { hit, phrases: groups.map(() => undefined), score: groups.map(() => 0) };
          // The word itself beats a synonym for it; among synonyms, the better match.
          const current = page.phrases[g];
          const isLiteral = (p?: string) => p !== undefined && p === group.literal;
          if (
            !current ||
            (isLiteral(phrase) && !isLiteral(current)) ||
            (!isLiteral(phrase) && !isLiteral(current) && hit.score > page.score[g]!)
          ) {
            page.phrases[g] = phrase;
            page.score[g] = hit.score;
          }
          pages.set(hit.id, page);
        }
      }
    }
    const counted = [...pages.values()]
      .filter((page) => !listed.has(page.hit.id))
      .map((page) => ({
        ...page,
        count: page.phrases.filter(Boolean).length,
        literal: page.phrases.filter((p, g) => p && p === groups[g]!.literal).length,
        total: page.score.reduce((sum, s) => sum + s, 0),
        kind: kindOrder(page.hit.id),
      }));
    const most = Math.max(0, ...counted.map((page) => page.count));
    const enough = Math.min(most, Math.ceil(groups.length / 2));
    const ranked = counted
      .filter((page) => page.count >= enough)
      .sort((a, b) => b.count - a.count || a.kind - b.kind || b.literal - a.literal || b.total - a.total);
    for (const page of ranked) {
      const terms = page.phrases.filter((p): p is string => Boolean(p)).join(' ');
      add(
        page.hit,
        {
          holds: groups.filter((_, g) => page.phrases[g]).map((g) => g.shown),
          through: throughOf(groups, page.phrases),
          complete: false,
        },
        terms,
      );
    }
  }
  outcome.results = [...listed.values()];
  return outcome;
}

/** The words a page holds only through a synonym, given the phrase it holds for each word. */
function throughOf(
  groups: { shown: string; literal?: string; alternatives: string[]; meanings: string[] }[],
  phrases: (string | undefined)[],
) {
  return groups.flatMap((g, i) => {
    const phrase = phrases[i];
    if (!phrase || phrase === g.literal) return [];
    const at = g.alternatives.indexOf(phrase) - (g.literal ? 1 : 0);
    return [{ word: g.shown, meaning: g.meanings[at] ?? phrase }];
  });
}

function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

/**
 * Which words some page holds. First, whether some page holds each exactly (its stem: "running" is held by a
 * page that says "run"): a count that lists no page, so Pagefind reads the index chunk the query needs anyway,
 * ranks nothing, and the "type" filter's file is the one the dialog warms up with. When every word is held, no
 * fragment is waited on here: the first result's is fetched with the others', one round trip sooner than if its
 * marked words were read first (about 100 ms sooner on a phone's network). Pagefind also matches a word as the
 * start of longer words, and when nothing starts with it, often by a shorter word: "sigstore" finds "SIGs". So a
 * word no page holds exactly still counts as held when a word Pagefind marked on the query's first result starts
 * with it ("karpen" while typing finds "Karpenter"). A word Pagefind finds nothing for at all skips that check:
 * pasted whole, "kuberentes security" was corrected 35–45 ms sooner at 2,000 talks.
 */
async function wordsHeld(
  find: (term: string) => Promise<EngineHit[]>,
  engine: Pick<Engine, 'count' | 'reach'>,
  words: QueryWord[],
): Promise<Set<string>> {
  const counts = await Promise.all(words.map((w) => engine.count(w.word)));
  const held = new Set(words.filter((_, i) => counts[i]).map((w) => w.word));
  // A word Pagefind finds nothing for, however it matches it, is held by no page: no fragment need be read.
  const unheld = words.filter((w) => !held.has(w.word));
  const reaches = await Promise.all(unheld.map((w) => engine.reach(w.word)));
  const doubtful = unheld.filter((_, i) => reaches[i]);
  if (!doubtful.length) return held;
  const startsMarked = (word: string, on: string[]) => on.some((m) => m.startsWith(word));
  const whole = await find(words.map((w) => w.word).join(' '));
  const marked = whole[0] ? matchedWords(await whole[0].data()) : [];
  for (const { word } of doubtful) {
    if (startsMarked(word, marked)) held.add(word);
    else if (!whole.length) {
      const [first] = await find(word);
      if (first && startsMarked(word, matchedWords(await first.data()))) held.add(word);
    }
  }
  return held;
}

/** The words Pagefind marked on a page, normalized as searched, whole and in their parts ("kube-proxy"). */
function matchedWords(data: HitData): string[] {
  const words = data.content.split(/\s+/);
  return data.locations.flatMap((at) => (words[at] ? textWords(words[at]) : []));
}

// ---------- saying what happened ----------

/** One line above the results, for both search surfaces. */
export type Notice =
  | { kind: 'corrected'; showing: string; instead: string }
  | { kind: 'missing'; words: string[]; lookalikes: { word: string; query: string }[] }
  | { kind: 'synonyms'; word: string; meanings: string[] }
  | { kind: 'relaxed'; complete: number };

export function notices(outcome: SearchOutcome): Notice[] {
  const list: Notice[] = [];
  if (outcome.words.some((w) => w.status === 'corrected')) {
    list.push({ kind: 'corrected', showing: searchedQuery(outcome), instead: outcome.query.trim() });
  }
  const missing = outcome.words.filter((w) => w.status === 'missing' && !w.meanings.length).map((w) => w.typed);
  if (missing.length) {
    // Each look-alike offered as the query with the missing word replaced by it.
    const lookalikes = outcome.lookalikes.map((alike) => ({
      word: alike.word,
      query: outcome.query.trim().replace(alike.for, alike.word),
    }));
    list.push({ kind: 'missing', words: missing, lookalikes });
  }
  for (const w of outcome.words) {
    if (
      w.meanings.length &&
      outcome.results.some((r) => r.through.some((t) => t.word === (w.correctedTo ?? w.typed)))
    ) {
      list.push({ kind: 'synonyms', word: w.typed, meanings: w.meanings });
    }
  }
  if (outcome.results.length > outcome.complete) list.push({ kind: 'relaxed', complete: outcome.complete });
  return list;
}

/** The count line: "12 results for “karpenter”", naming the corrected query when a word was corrected. */
export function resultCount(outcome: SearchOutcome): string {
  const count = outcome.results.length;
  // Name what was searched when a word was corrected or left out (a word with synonyms is still searched).
  const changed = outcome.words.some((w) => w.status === 'corrected' || (w.status === 'missing' && !w.meanings.length));
  const query = (changed && searchedQuery(outcome)) || outcome.query.trim();
  if (count) return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”`;
  // A word no page has is said in its own note.
  const missing = outcome.words.some((w) => w.status === 'missing' && !w.meanings.length);
  return `No results for “${query}”.${missing ? '' : ' Try fewer or different words.'}`;
}

// ---------- the site's shorthand, checked at build ----------

export interface GlossarySource {
  file: string;
  entries: Record<string, { means: string[] }>;
}

/**
 * The synonyms search uses, from the glossary and the projects' aliases, with every problem a schema cannot see:
 * a word defined twice, an alias of two projects, a stopword (which search drops). Whether each meaning appears
 * on the site is checked once the index exists (integrations/pagefind.ts).
 */
export function searchTerms(glossary: GlossarySource | undefined, projects: Project[]) {
  const problems: string[] = [];
  const synonyms: Synonyms = {};
  /** Where each word is defined, as "file: field" for messages. */
  const where: Record<string, string> = {};
  const define = (written: string, meanings: string[], at: string) => {
    const word = normalizeWord(written);
    if (stopwords.has(word)) {
      problems.push(`${at}: "${written}" is a word search leaves out of every query; remove it`);
    } else if (where[word]) {
      problems.push(`${at}: "${written}" is also defined in ${where[word]}; keep one`);
    } else {
      where[word] = at;
      synonyms[word] = meanings;
    }
  };
  for (const project of projects) {
    for (const alias of project.aliases) {
      if (normalizeWord(alias) === normalizeWord(project.name)) {
        problems.push(`${project.file}: field "aliases": "${alias}" is the project's name; list only other names`);
      } else define(alias, [project.name], `${project.file}: field "aliases"`);
    }
  }
  for (const [written, entry] of Object.entries(glossary?.entries ?? {})) {
    define(written, entry.means, `${glossary!.file}: field "${written}.means"`);
  }
  return { synonyms, where, problems };
}

// ---------- the vocabulary, built from the index ----------

/** One indexed page as Pagefind's fragment gives it. */
export interface IndexedPage {
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; text?: string }[];
}

/** The words of a text as the vocabulary keeps them: each whole ("kube-proxy" → kubeproxy) and in its parts. */
function textWords(text: string, known = new Map<string, string[]>()): string[] {
  return text.split(/\s+/).flatMap((token) => tokenWords(token, known));
}

/** One token's words, normalized once per build (`known`): pages share most of their words. */
function tokenWords(token: string, known: Map<string, string[]>): string[] {
  let words = known.get(token);
  if (!words) {
    const bare = token.replace(/['’]s\b/gu, '');
    words = [normalizeWord(bare), ...bare.split(/[^\p{L}\p{N}]+/u).map(normalizeWord)].filter(Boolean);
    known.set(token, words);
  }
  return words;
}

/** Words worth offering as a correction: four letters or more, starting with a letter. */
const offerable = (word: string) => /^\p{L}[\p{L}\p{N}]{3,29}$/u.test(word);

/** What the vocabulary takes from one indexed page: its distinct words, sorted, and the words of its names. */
export interface PageWords {
  words: string[];
  names: string[];
}

/** One page's words. `known` carries each token's words from page to page: pages share most of their words. */
export function pageWords(page: IndexedPage, known = new Map<string, string[]>()): PageWords {
  const words = new Set<string>();
  for (const token of new Set(page.content.split(/\s+/))) {
    for (const word of tokenWords(token, known)) words.add(word);
  }
  const strong = [
    ...Object.values(page.meta),
    ...Object.values(page.filters).flat(),
    ...page.anchors.filter((a) => /^h\d$/.test(a.element)).map((a) => a.text ?? ''),
  ];
  return { words: [...words].sort(), names: [...new Set(strong.flatMap((text) => textWords(text, known)))] };
}

/**
 * The vocabulary corrections draw on, the files it is published in (a length of word → its shard), and which
 * synonym meanings no page holds (the build refuses those).
 * A meaning is held by a page that has every one of its words, each matched as Pagefind matches: as the
 * start of a word on the page.
 */
export function buildVocabulary(pages: PageWords[], synonyms: Synonyms) {
  const pagesWith = new Map<string, number>();
  const names = new Set(Object.keys(synonyms));
  const meanings = [...new Set(Object.values(synonyms).flat())];
  const meaningWords = new Map(meanings.map((m) => [m, textWords(m).filter((w, i, all) => all.indexOf(w) === i)]));
  const unheld = new Set(meanings);
  for (const page of pages) {
    for (const word of page.words) pagesWith.set(word, (pagesWith.get(word) ?? 0) + 1);
    for (const word of page.names) names.add(word);
    for (const meaning of unheld) {
      if (meaningWords.get(meaning)!.every((w) => hasPrefix(page.words, w))) unheld.delete(meaning);
    }
  }
  const entry = (word: string) => ({ word, pages: pagesWith.get(word) ?? 0 });
  const ranked = {
    names: [...names].filter(offerable).map(entry).sort(morePagesFirst),
    words: [...pagesWith.keys()]
      .filter((w) => offerable(w) && !names.has(w))
      .map(entry)
      .sort(morePagesFirst),
  };
  const shards = new Map<number, VocabularyShard>();
  for (const tier of ['names', 'words'] as const) {
    for (const { word, pages } of ranked[tier]) {
      let shard = shards.get(word.length);
      if (!shard) shards.set(word.length, (shard = { names: {}, words: {} }));
      shard[tier][pages] = shard[tier][pages] ? `${shard[tier][pages]} ${word}` : word;
    }
  }
  const vocabulary: Vocabulary = {
    names: ranked.names.map((e) => e.word),
    words: ranked.words.map((e) => e.word),
  };
  return { vocabulary, shards, unheld: [...unheld] };
}

/** Whether a sorted list holds a word that starts with `prefix`. */
function hasPrefix(sorted: string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return sorted[low]?.startsWith(prefix) ?? false;
}
