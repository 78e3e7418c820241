/**
 * src/lib/search.ts: what pages give the index, the search page's address, and how a query is read and run
 * (synonyms, corrections, relaxing), against a small engine that behaves as Pagefind does.
 */
import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  correction,
  lookalikes,
  normalizeWord,
  notices,
  pageWords,
  projectSearchData,
  queryWords,
  readState,
  resultCount,
  runSearch,
  searchTerms,
  talkSearchData,
  writeState,
  type Engine,
  type EngineHit,
  type SearchState,
  type Vocabulary,
  type WordLengths,
  vocabularyOf,
} from '../../src/lib/search';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

describe('search data', () => {
  const site = linkSite(sampleContent(), { includeDrafts: false });
  it('gives talks their facets, result metadata and date sort key', () => {
    const mesh = site.talks.find((t) => t.id === 'eu-2021/mesh')!;
    expect(talkSearchData(mesh)).toEqual({
      filters: {
        type: ['Talk'],
        theme: ['Networking', 'GitOps'],
        event: ['Europe 2021'],
        project: ['Cilium'],
        format: ['Talk'],
      },
      meta: {
        type: 'Talk',
        event: 'Europe 2021',
        speakers: undefined,
        themes: 'Networking · GitOps',
        projects: 'Cilium',
      },
    });
  });
  it('files a project page under its kind only, so the project filter counts the talks, as the site does', () => {
    const cilium = site.projects.find((p) => p.id === 'cilium')!;
    expect(projectSearchData(cilium).filters).toEqual({ type: ['Project'] });
  });
});

describe('the search page’s address', () => {
  it('reads the query, repeated filters, the sort and verbatim', () => {
    expect(readState('?q=ndots&theme=Networking&theme=eBPF&event=Europe+2021&sort=newest&verbatim=1')).toEqual({
      q: 'ndots',
      filters: { theme: ['Networking', 'eBPF'], event: ['Europe 2021'] },
      sort: 'newest',
      verbatim: true,
    });
  });
  it('ignores what it does not know: other parameters, empty values, an unknown sort', () => {
    expect(readState('?utm_source=chat&theme=&color=red&sort=random')).toEqual({
      q: '',
      filters: {},
      sort: 'relevance',
      verbatim: false,
    });
    expect(readState('?theme=eBPF&theme=eBPF').filters).toEqual({ theme: ['eBPF'] });
  });
  it('writes a stable address: groups in the page’s order, defaults left out', () => {
    const state: SearchState = {
      q: 'k8s users',
      filters: { event: ['Europe 2021'], type: ['Talk'] },
      sort: 'relevance',
      verbatim: false,
    };
    expect(writeState(state)).toBe('?q=k8s+users&type=Talk&event=Europe+2021');
    expect(writeState({ q: '', filters: {}, sort: 'relevance', verbatim: true })).toBe('');
  });
  it('round-trips every state a reader can reach, so a pasted link reproduces the search', () => {
    const states: SearchState[] = [
      { q: 'promehteus', filters: {}, sort: 'relevance', verbatim: true },
      { q: 'a & b = c?', filters: { project: ['Argo CD', 'Cilium'] }, sort: 'oldest', verbatim: false },
      { q: '', filters: { theme: ['CI/CD and chaos engineering'] }, sort: 'newest', verbatim: false },
    ];
    for (const state of states) expect(readState(writeState(state))).toEqual(state);
  });
});

describe('reading a query', () => {
  it('matches words as Pagefind does: lower case, no punctuation or accents', () => {
    expect(normalizeWord('Kube-Proxy')).toBe('kubeproxy');
    expect(normalizeWord('Körbes')).toBe('korbes');
    expect(normalizeWord('CI/CD')).toBe('cicd');
  });
  it('drops the words a question carries nothing in, unless nothing else is left', () => {
    expect(queryWords('How do I cut DNS traffic?').map((w) => w.word)).toEqual(['cut', 'dns', 'traffic']);
    expect(queryWords('How do I cut DNS traffic?').map((w) => w.typed)).toEqual(['cut', 'DNS', 'traffic']);
    expect(queryWords('what is this').map((w) => w.word)).toEqual(['what', 'is', 'this']);
    expect(queryWords('ndots ndots NDOTS')).toHaveLength(1);
  });
  it('drops the verbs a question is built on, which half the talks hold', () => {
    expect(queryWords('How do I run Karpenter with Falco?').map((w) => w.word)).toEqual(['karpenter', 'falco']);
    expect(queryWords('can we use opa for this').map((w) => w.word)).toEqual(['opa']);
    expect(queryWords('running out of memory').map((w) => w.word)).toEqual(['running', 'out', 'memory']);
  });
});

describe('corrections', () => {
  const vocabulary: Vocabulary = {
    names: ['prometheus', 'kubernetes', 'linkerd', 'karpenter', 'gatekeeper'],
    words: ['linked', 'cluster', 'promise', 'scale', 'scan'],
  };
  it.each([
    ['karpeneter', 'karpenter', 'one letter too many'],
    ['gatekeper', 'gatekeeper', 'one letter missing'],
    ['clustor', 'cluster', 'one letter wrong'],
    ['promehteus', 'prometheus', 'two letters swapped'],
    ['kuberentes', 'kubernetes', 'two letters swapped'],
    ['prmetheu', 'prometheus', 'two edits'],
  ])('corrects %s to %s (%s)', (typo, expected) => expect(correction(typo, vocabulary)).toBe(expected));

  it('prefers a name to a word as close: “linkred” is Linkerd, not “linked”', () =>
    expect(correction('linkred', vocabulary)).toBe('linkerd'));
  it('corrects a short word by one edit only, and never a word under four letters', () => {
    expect(correction('scalx', vocabulary)).toBe('scale');
    expect(correction('sclx', vocabulary)).toBeUndefined();
    expect(correction('scl', vocabulary)).toBeUndefined();
  });
  it('offers nothing too far away, but names words that look like it', () => {
    expect(correction('sigstore', vocabulary)).toBeUndefined();
    expect(correction('sigstore', { names: [], words: ['signature', 'store', 'history', 'sigs'] })).toBeUndefined();
    expect(lookalikes('sigstore', { names: [], words: ['store', 'history', 'signature'] })).toEqual([
      'store',
      'signature',
    ]);
  });
});

/**
 * A stand-in for Pagefind: pages with words; a query finds pages holding every word, each word matched as
 * the start of a page word, or (when nothing starts with it) as the longest page word it starts with.
 * A quoted word matches only exactly. Scores: how often the words appear.
 */
function engine(pages: Record<string, string>, vocabulary: Vocabulary = { names: [], words: [] }) {
  const index = Object.entries(pages).map(([id, text]) => ({ id, words: text.toLowerCase().split(/\s+/) }));
  const all = [...new Set(index.flatMap((p) => p.words))];
  let vocabularyReads = 0;
  const lengthsAsked: WordLengths[] = [];
  const counted: string[] = [];
  const fragmentsRead: string[] = [];
  const fake: Engine & {
    vocabularyReads: () => number;
    counted: string[];
    fragmentsRead: string[];
    lengthsAsked: WordLengths[];
  } = {
    async search(term) {
      const exact = term.startsWith('"');
      const terms = term.replaceAll('"', '').split(' ');
      const matches = terms
        .map((t) => {
          if (exact) return [t];
          const extensions = all.filter((w) => w.startsWith(t));
          if (extensions.length) return extensions;
          const shorter = all.filter((w) => t.startsWith(w)).sort((a, b) => b.length - a.length);
          return shorter.slice(0, 1);
        })
        // As Pagefind does, a word it finds nothing for is left out of a query of several.
        .filter((m) => m.length);
      if (!matches.length) return [];
      return index
        .map((page) => {
          const locations = page.words.flatMap((w, i) => (matches.some((m) => m.includes(w)) ? [i] : []));
          const holdsAll = matches.every((m) => page.words.some((w) => m.includes(w)));
          return holdsAll ? { page, locations } : undefined;
        })
        .filter((hit) => hit !== undefined)
        .map(({ page, locations }): EngineHit => ({
          id: page.id,
          score: locations.length,
          data: async () => {
            fragmentsRead.push(page.id);
            return {
              url: `/${page.id}/`,
              content: page.words.join(' '),
              locations,
              excerpt: '',
              meta: { title: page.id, type: page.id.startsWith('event') ? 'Event' : 'Talk' },
              sub_results: [],
            };
          },
        }))
        .sort((a, b) => b.score - a.score);
    },
    async count(word) {
      counted.push(word);
      return index.filter((page) => page.words.includes(word)).length;
    },
    async reach(word) {
      return (await fake.search(word)).length;
    },
    async vocabulary(lengths) {
      vocabularyReads++;
      lengthsAsked.push(lengths);
      const within = (list: string[]) => list.filter((w) => w.length >= lengths.min && w.length <= lengths.max);
      return { names: within(vocabulary.names), words: within(vocabulary.words) };
    },
    async kinds() {
      return new Map(index.map((p) => [p.id, p.id.startsWith('event') ? 'Event' : 'Talk']));
    },
    vocabularyReads: () => vocabularyReads,
    counted,
    fragmentsRead,
    lengthsAsked,
  };
  return fake;
}
const ids = (outcome: { results: { id: string }[] }) => outcome.results.map((r) => r.id);

describe('running a query', () => {
  const pages = {
    ndots: 'ndots dns traffic dns dns egress',
    coredns: 'coredns plugins dns',
    mesh: 'linkerd mesh traffic traffic',
    otel: 'opentelemetry metrics traces',
    event: 'kubecon europe sigs keynote traffic',
  };
  const vocabulary = { names: ['prometheus', 'linkerd', 'opentelemetry'], words: ['traffic', 'metrics'] };

  it('ranks a query whose words pages hold as the engine does, and reads no vocabulary', async () => {
    const search = engine(pages, vocabulary);
    const outcome = await runSearch(search, {}, 'dns');
    expect(ids(outcome)).toEqual(['ndots', 'coredns']);
    expect(outcome.complete).toBe(2);
    expect(notices(outcome)).toEqual([]);
    expect(search.vocabularyReads()).toBe(0);
  });

  it('waits on no fragment when every word is on some page, and reads the first result’s otherwise', async () => {
    const held = engine(pages, vocabulary);
    await runSearch(held, {}, 'dns traffic');
    expect(held.counted).toEqual(['dns', 'traffic']);
    expect(held.fragmentsRead).toEqual([]);
    // "sigstore" finds the event page only as "sigs", the longest word it starts with: its marked words tell.
    const doubtful = engine(pages, vocabulary);
    await runSearch(doubtful, {}, 'traffic sigstore');
    expect(doubtful.fragmentsRead).toEqual(['event']);
    // "zzzqqq" the engine finds nowhere, not even by a shorter word: known to be on no page without a fragment.
    const nowhere = engine(pages, vocabulary);
    const missing = await runSearch(nowhere, {}, 'dns zzzqqq');
    expect(missing.words.map((w) => w.status)).toEqual(['found', 'missing']);
    expect(nowhere.fragmentsRead).toEqual([]);
    // "traff" is on no page exactly, but starts a word the first result marks.
    const typing = engine(pages, vocabulary);
    const outcome = await runSearch(typing, {}, 'dns traff');
    expect(outcome.words.map((w) => w.status)).toEqual(['found', 'found']);
    expect(ids(outcome)[0]).toBe('ndots');
    expect(outcome.complete).toBe(1);
  });

  it('relaxes a question no page answers whole: most words first, talks before event pages, and says so', async () => {
    const question = engine({
      ndots: 'ndots dns traffic dns dns egress',
      mesh: 'linkerd mesh traffic traffic cut',
      coredns: 'coredns plugins dns',
      // An event page that mentions two of the words more often than any talk.
      event: 'kubecon traffic traffic traffic dns dns dns',
    });
    const outcome = await runSearch(question, {}, 'How do I cut DNS traffic?');
    // No page holds all three; those holding two follow, the event page after the talks; one word is not enough.
    expect(ids(outcome)).toEqual(['ndots', 'mesh', 'event']);
    expect(outcome.results.map((r) => r.holds)).toEqual([
      ['DNS', 'traffic'],
      ['cut', 'traffic'],
      ['DNS', 'traffic'],
    ]);
    expect(outcome.results.every((r) => !r.complete)).toBe(true);
    expect(notices(outcome)).toEqual([{ kind: 'relaxed', complete: 0 }]);
    expect(resultCount(outcome)).toBe('3 results for “How do I cut DNS traffic?”');
  });

  it('leaves out a word no page holds and says so, searching the rest', async () => {
    const outcome = await runSearch(engine(pages, vocabulary), {}, 'zzzqqq dns');
    expect(ids(outcome)).toEqual(['ndots', 'coredns']);
    expect(notices(outcome)).toEqual([{ kind: 'missing', words: ['zzzqqq'], lookalikes: [] }]);
    expect(resultCount(outcome)).toBe('2 results for “dns”');
  });

  it('corrects a word no page holds, even one the engine matches by a shorter word, and offers the word as typed', async () => {
    const search = engine({ ...pages, linkerd: 'linkerd linkerd multicluster' }, vocabulary);
    // "linkred" reaches "link…" nowhere, but the engine would match nothing; "sigstore" it would match by "sigs".
    const outcome = await runSearch(search, {}, 'linkred');
    expect(outcome.words[0]).toMatchObject({ status: 'corrected', correctedTo: 'linkerd' });
    expect(ids(outcome)).toEqual(['linkerd', 'mesh']);
    expect(resultCount(outcome)).toBe('2 results for “linkerd”');
    expect(notices(outcome)).toEqual([{ kind: 'corrected', showing: 'linkerd', instead: 'linkred' }]);
    // Only the words a correction could be: "linkred" is 7 letters, two edits away at most.
    expect(search.lengthsAsked).toEqual([{ min: 5, max: 9 }]);
    const sigstore = await runSearch(search, {}, 'sigstore');
    expect(sigstore.words[0]!.status).toBe('missing');
    // Nothing close enough: then the wider reach of words that merely look like it.
    expect(search.lengthsAsked.slice(1)).toEqual([
      { min: 6, max: 10 },
      { min: 4, max: 12 },
    ]);
    expect(ids(sigstore)).toEqual([]);
    expect(resultCount(sigstore)).toBe('No results for “sigstore”.');
  });

  it('searches the words as typed when asked, without correcting them', async () => {
    const search = engine(pages, vocabulary);
    const outcome = await runSearch(search, {}, 'linkred', { verbatim: true });
    expect(outcome.words[0]!.status).toBe('missing');
    expect(ids(outcome)).toEqual([]);
    expect(search.vocabularyReads()).toBe(0);
  });

  it('finds pages through a synonym after the pages that hold the word itself, and marks them', async () => {
    const search = engine({ ...pages, otelword: 'otel metrics' }, vocabulary);
    const outcome = await runSearch(search, { otel: ['OpenTelemetry'] }, 'otel');
    expect(ids(outcome)).toEqual(['otelword', 'otel']);
    expect(outcome.results[0]!.through).toEqual([]);
    expect(outcome.results[1]!.through).toEqual([{ word: 'otel', meaning: 'OpenTelemetry' }]);
    expect(notices(outcome)).toEqual([{ kind: 'synonyms', word: 'otel', meanings: ['OpenTelemetry'] }]);
  });

  it('loads each result with every word it holds marked', async () => {
    const outcome = await runSearch(engine(pages, vocabulary), {}, 'dns traffic plugins');
    const coredns = outcome.results.find((r) => r.id === 'coredns')!;
    expect(coredns.holds).toEqual(['dns', 'plugins']);
    const data = await coredns.load();
    expect(data.locations.map((at) => data.content.split(' ')[at])).toEqual(['plugins', 'dns']);
  });
});

describe('the site’s shorthand', () => {
  const project = (name: string, aliases: string[], id = name.toLowerCase()) =>
    ({ id, name, file: `content/projects/${id}.yaml`, aliases }) as never;
  it('joins aliases and the glossary, each word once, in lower case', () => {
    const { synonyms, problems, where } = searchTerms(
      { file: 'content/glossary.yaml', entries: { HPA: { means: ['Horizontal Pod Autoscaler'] } } },
      [project('OpenTelemetry', ['otel'])],
    );
    expect(problems).toEqual([]);
    expect(synonyms).toEqual({ otel: ['OpenTelemetry'], hpa: ['Horizontal Pod Autoscaler'] });
    expect(where.hpa).toBe('content/glossary.yaml: field "HPA.means"');
  });
  it('refuses a word defined twice, a stopword, and an alias that is the project’s name, naming file and field', () => {
    const { problems } = searchTerms(
      { file: 'content/glossary.yaml', entries: { OTel: { means: ['OpenTelemetry'] }, how: { means: ['guide'] } } },
      [project('OpenTelemetry', ['otel']), project('Cilium', ['cilium'])],
    );
    expect(problems).toEqual([
      'content/projects/cilium.yaml: field "aliases": "cilium" is the project\'s name; list only other names',
      'content/glossary.yaml: field "OTel.means": "OTel" is also defined in content/projects/opentelemetry.yaml: field "aliases"; keep one',
      'content/glossary.yaml: field "how.means": "how" is a word search leaves out of every query; remove it',
    ]);
  });
});

describe('the vocabulary', () => {
  const page = (content: string, meta: Record<string, string> = {}) =>
    pageWords({ content, meta, filters: {}, anchors: [] });
  it('keeps names apart from other words, most common first, and leaves out short words', () => {
    const { vocabulary } = buildVocabulary(
      [page('Linkerd’s mirror runs clusters', { title: 'Linkerd Multi-Cluster' }), page('clusters and mirrors')],
      {},
    );
    expect(vocabulary.names).toEqual(['linkerd', 'cluster', 'multi', 'multicluster']);
    expect(vocabulary.words).toEqual(['clusters', 'mirror', 'mirrors', 'runs']);
  });
  it('names the meanings no page holds, matching words as Pagefind does, by their start', () => {
    const { unheld } = buildVocabulary([page('OOMKilled pods and the Horizontal Pod Autoscaler')], {
      oom: ['OOMKill'],
      hpa: ['Horizontal Pod Autoscaler'],
      psp: ['PodSecurityPolicy', 'pod security policy'],
    });
    expect(unheld).toEqual(['PodSecurityPolicy', 'pod security policy']);
  });
  it('is published one file per length of word, read back in the same order, only the lengths asked', async () => {
    const { vocabulary, shards } = buildVocabulary(
      [
        page('Linkerd mirrors services across clusters', { title: 'Linkerd Multi-Cluster' }),
        page('clusters mirror services', { title: 'Cluster mesh' }),
        page('services everywhere'),
      ],
      {},
    );
    expect([...shards.keys()].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 10, 12]);
    const files = Object.fromEntries([...shards.keys()].map((length) => [length, `shard-${length}`]));
    const reads: string[] = [];
    const read = async (file: string) => (reads.push(file), shards.get(Number(file.slice(6)))!);
    expect(await vocabularyOf(files, { min: 1, max: 30 }, read)).toEqual(vocabulary);
    reads.length = 0;
    const within = (list: string[]) => list.filter((w) => w.length >= 6 && w.length <= 8);
    expect(await vocabularyOf(files, { min: 6, max: 8 }, read)).toEqual({
      names: within(vocabulary.names),
      words: within(vocabulary.words),
    });
    expect(reads.sort()).toEqual(['shard-6', 'shard-7', 'shard-8']);
  });
});
