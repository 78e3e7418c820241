import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange } from '../../src/lib/dates';
import { eventPlace, joinList, plural, speakerLabel, speakersLine } from '../../src/lib/format';
import { slugify } from '../../src/lib/slugs';
import { absoluteUrl, joinBase, paths } from '../../src/lib/urls';
import { groupBy, talksByEvent, talksByTheme, talksForProject } from '../../src/lib/queries';
import { buildSite } from '../../src/lib/site';
import { normaliseBase, siteConfig } from '../../src/site.config';
import { sampleContent } from '../helpers/fixtures';

describe('dates', () => {
  it('formats full and month-only dates', () => {
    expect(formatDate('2021-05-04')).toBe('4 May 2021');
    expect(formatDate('2023-04')).toBe('April 2023');
  });
  it('formats ranges only as precisely as the data', () => {
    expect(formatDateRange('2021-05-04', '2021-05-07')).toBe('4–7 May 2021');
    expect(formatDateRange('2021-04-30', '2021-05-02')).toBe('30 April – 2 May 2021');
    expect(formatDateRange('2021-12-30', '2022-01-02')).toBe('30 December 2021 – 2 January 2022');
    expect(formatDateRange('2023-04', '2023-04')).toBe('April 2023');
    expect(formatDateRange('2023-04', '2023-05')).toBe('April 2023 – May 2023');
  });
});

describe('format', () => {
  it('labels speakers with what the recaps give', () => {
    expect(speakerLabel({ name: 'Thomas Graf', affiliation: 'Isovalent' })).toBe('Thomas Graf (Isovalent)');
    expect(speakerLabel({ affiliation: 'Jetstack' })).toBe('Jetstack');
    expect(speakerLabel({ name: 'Kyle' })).toBe('Kyle');
    expect(speakersLine([{ name: 'A' }, { name: 'B' }, { affiliation: 'C' }])).toBe('A, B and C');
    expect(speakersLine([])).toBe('');
  });
  it('says where an event was, as precisely as the data', () => {
    expect(eventPlace({ location: 'virtual' })).toBe('Virtual');
    expect(eventPlace({ location: 'Amsterdam', venue: 'RAI Convention Centre' })).toBe(
      'RAI Convention Centre, Amsterdam',
    );
    expect(eventPlace({ location: 'Amsterdam' })).toBe('Amsterdam');
  });
  it('joins lists and pluralises', () => {
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a and b');
    expect(plural(1, 'talk')).toBe('1 talk');
    expect(plural(3, 'talk')).toBe('3 talks');
    expect(plural(2, 'tool or project', 'tools and projects')).toBe('2 tools and projects');
  });
});

describe('slugify', () => {
  it('makes the slug github-slugger makes for headings, without accents or doubled hyphens', () => {
    expect(slugify('How to Break your Kubernetes Cluster with Networking')).toBe(
      'how-to-break-your-kubernetes-cluster-with-networking',
    );
    expect(slugify('eBPF on the Rise — Getting Started')).toBe('ebpf-on-the-rise-getting-started');
    expect(slugify('Hacking and Defending Kubernetes Clusters: We’ll Do It LIVE!!!')).toBe(
      'hacking-and-defending-kubernetes-clusters-well-do-it-live',
    );
    expect(slugify('Natália Réka')).toBe('natalia-reka');
    expect(slugify('Putting Chaos Into Continuous Delivery to Increase App…')).toBe(
      'putting-chaos-into-continuous-delivery-to-increase-app',
    );
  });
});

describe('urls', () => {
  it('joins any base with any path', () => {
    expect(joinBase('/', paths.talk('x'))).toBe('/talks/x/');
    expect(joinBase('/recaps/', '/talks/x/')).toBe('/recaps/talks/x/');
    expect(joinBase('/recaps', 'pagefind/')).toBe('/recaps/pagefind/');
    expect(joinBase('/', paths.home())).toBe('/');
  });
  it('makes absolute URLs under the base path', () => {
    expect(absoluteUrl('https://example.org', '/sub/', paths.theme('ebpf'))).toBe(
      'https://example.org/sub/themes/ebpf/',
    );
  });
});

describe('site config', () => {
  it('has documented defaults', () => {
    expect(siteConfig({})).toEqual({
      site: 'http://localhost:4321',
      base: '/',
      contentDir: './content',
      outDir: './dist',
      cacheDir: './node_modules/.astro',
    });
  });
  it('gives a scratch content folder its own content cache', () => {
    const a = siteConfig({ KCR_CONTENT_DIR: '/tmp/a' }).cacheDir;
    expect(a).toMatch(/^\.\/node_modules\/\.astro\/scratch-/);
    expect(siteConfig({ KCR_CONTENT_DIR: '/tmp/b' }).cacheDir).not.toBe(a);
    expect(siteConfig({ BASE_PATH: '/sub/' }).cacheDir).not.toBe(siteConfig({}).cacheDir);
  });
  it('normalises the base path and rejects a relative site URL', () => {
    expect(normaliseBase('recaps')).toBe('/recaps/');
    expect(normaliseBase('/recaps/')).toBe('/recaps/');
    expect(normaliseBase('')).toBe('/');
    expect(siteConfig({ SITE_URL: 'https://x.org/', BASE_PATH: '/a/b' })).toMatchObject({
      site: 'https://x.org',
      base: '/a/b/',
    });
    expect(() => siteConfig({ SITE_URL: 'x.org' })).toThrow(/SITE_URL must be an absolute/);
  });
});

describe('queries', () => {
  const site = buildSite(sampleContent(), { includeDrafts: false });
  it('includes sub-projects’ talks on a parent project', () => {
    const argo = site.projects.find((p) => p.id === 'argo')!;
    expect(argo.talks).toEqual([]);
    expect(talksForProject(argo).map((t) => t.id)).toEqual(['eu-2023/argo']);
  });
  it('groups by event in talk order and by theme in theme order', () => {
    expect([...talksByEvent(site.talks).keys()].map((e) => e.id)).toEqual(['eu-2023', 'eu-2021']);
    const byTheme = talksByTheme(site.talks, site.themes);
    expect([...byTheme.keys()].map((t) => t.id)).toEqual(['gitops', 'networking']);
    expect(byTheme.get(site.themes[0]!)!.map((t) => t.id)).toEqual(['eu-2023/argo', 'eu-2021/mesh']);
  });
  it('groupBy puts an item under each of its keys', () => {
    expect(groupBy([1, 2, 3], (n) => (n % 2 ? ['odd', 'all'] : ['all']))).toEqual(
      new Map([
        ['odd', [1, 3]],
        ['all', [1, 2, 3]],
      ]),
    );
  });
});

describe('chat line', () => {
  it('is Markdown with the title linked, the context and the summary, escaping Markdown in the text', async () => {
    const { chatLine } = await import('../../src/lib/share');
    expect(chatLine('How to Break [it]', 'KubeCon Europe 2021', 'DNS *really* matters.')).toBe(
      '[How to Break \\[it\\]]({url}) · KubeCon Europe 2021: DNS \\*really\\* matters.',
    );
  });
});

describe('related talks and theme neighbours', async () => {
  const { relatedTalks, themeNeighbours } = await import('../../src/lib/related');
  const { tableOfContents } = await import('../../src/lib/toc');
  const site = buildSite(sampleContent(), { includeDrafts: false });
  const byId = (id: string) => site.talks.find((t) => t.id === id)!;

  it('ranks by shared themes, then shared projects, and never suggests an unrelated talk', () => {
    // mesh shares networking (2) and cilium (1) with dns; argo shares gitops (2) with mesh.
    expect(relatedTalks(byId('eu-2021/dns'), site.talks).map((t) => t.id)).toEqual(['eu-2021/mesh']);
    expect(relatedTalks(byId('eu-2021/mesh'), site.talks).map((t) => t.id)).toEqual(['eu-2021/dns', 'eu-2023/argo']);
    expect(relatedTalks(byId('eu-2021/mesh'), site.talks, 1)).toHaveLength(1);
  });

  it('breaks ties by same event, then title, exactly as a full sort of every talk would', () => {
    // A larger made-up set with many ties; only the fields relatedTalks reads are filled in.
    const themes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const projects = ['p', 'q', 'r'].map((id) => ({ id }));
    const events = ['e1', 'e2'].map((id) => ({ id }));
    const talks = Array.from({ length: 60 }, (_, i) => ({
      id: `t${i}`,
      title: `Talk ${String.fromCharCode(97 + ((i * 7) % 26))} ${i % 5}`,
      event: events[i % 2],
      themes: themes.filter((_, t) => (i >> t) % 3 === 0),
      projects: projects.filter((_, p) => (i + p) % 4 === 0),
    })) as unknown as typeof site.talks;
    const reference = (talk: (typeof talks)[number], limit: number) =>
      talks
        .filter((other) => other !== talk)
        .map((other) => ({
          other,
          score:
            2 * other.themes.filter((t) => talk.themes.includes(t)).length +
            other.projects.filter((p) => talk.projects.includes(p)).length,
        }))
        .filter(({ score }) => score > 0)
        .sort(
          (a, b) =>
            b.score - a.score ||
            Number(b.other.event === talk.event) - Number(a.other.event === talk.event) ||
            a.other.title.localeCompare(b.other.title, 'en'),
        )
        .slice(0, limit)
        .map(({ other }) => other.id);
    for (const talk of talks) {
      for (const limit of [1, 3, 5]) {
        expect(
          relatedTalks(talk, talks, limit).map((t) => t.id),
          `${talk.id} limit ${limit}`,
        ).toEqual(reference(talk, limit));
      }
    }
  });

  it('gives the previous and next talk in a theme', () => {
    const networking = site.themes.find((t) => t.id === 'networking')!;
    expect(themeNeighbours(byId('eu-2021/dns'), networking)).toEqual({
      previous: undefined,
      next: byId('eu-2021/mesh'),
    });
    expect(themeNeighbours(byId('eu-2021/mesh'), networking).previous).toBe(byId('eu-2021/dns'));
    expect(themeNeighbours(byId('eu-2023/argo'), networking)).toEqual({});
  });

  it('builds a table of contents only for long pages', () => {
    const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
    const short = [h(2, 'A'), h(2, 'B'), h(3, 'B1')];
    expect(tableOfContents(short)).toEqual([]);
    const long = [h(2, 'A'), h(3, 'A1'), h(2, 'B'), h(2, 'C'), h(4, 'C1'), h(2, 'D')];
    expect(tableOfContents(long).map((e) => e.text)).toEqual(['A', 'A1', 'B', 'C', 'D']);
  });
});

describe('git dates', async () => {
  const { parseGitLog } = await import('../../src/lib/git-dates');
  it('keeps the newest commit date of each file', () => {
    const log =
      '\0' +
      '2024-03-02T10:00:00+01:00\n\ncontent/a.mdx\ncontent/b.yaml\n' +
      '\0' +
      '2023-01-01T00:00:00Z\n\ncontent/a.mdx\ncontent/c.mdx\n';
    expect(parseGitLog(log)).toEqual(
      new Map([
        ['content/a.mdx', '2024-03-02'],
        ['content/b.yaml', '2024-03-02'],
        ['content/c.mdx', '2023-01-01'],
      ]),
    );
    expect(parseGitLog('')).toEqual(new Map());
  });
  it('edits files in the configured repository, or offers no link', () => {
    expect(siteConfig({}).editBase).toBeUndefined();
    expect(siteConfig({ REPO_URL: 'https://github.com/org/recaps.git' }).editBase).toBe(
      'https://github.com/org/recaps/edit/main/',
    );
    expect(siteConfig({ REPO_URL: 'https://git.example.org/r/', REPO_BRANCH: 'trunk' }).editBase).toBe(
      'https://git.example.org/r/edit/trunk/',
    );
    expect(() => siteConfig({ REPO_URL: 'git@github.com:org/r' })).toThrow(/REPO_URL/);
  });
});
