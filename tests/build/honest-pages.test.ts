/**
 * What the built pages say, and where they lead: no editorial note or data gap leaking as text, every feed item
 * dated, every project in a category, every link to an original recap over https, and the feed linked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/shared/published-urls';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { contentDir, contentFiles, distDir, recapFiles, requireBuild, root, talkPath } from '../helpers/site';

beforeAll(() => requireBuild());

const pages = () => builtPages(distDir).filter((page) => !page.redirect);
const html = (path: string) => readFileSync(join(distDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
/** What a reader sees: the text of the body, without scripts, styles and tags. */
const visibleText = (page: string) =>
  page
    .replace(/^[\s\S]*?<body[^>]*>/, '')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

describe('no placeholder or editorial note shows as text', () => {
  const leaks = [
    /not named in the text/i,
    /the text does not name/i,
    /does not name the organi[sz]ation/i,
    /a personal blog/i,
    /untitled session/i,
    /\bby (unknown|not named)/i,
  ];
  it.each(leaks.map((leak) => [String(leak), leak]))('no page says %s', (_name, leak) => {
    const found = pages().filter(({ path }) => leak.test(visibleText(html(path))));
    expect(found.map(({ path }) => path)).toEqual([]);
  });

  it('never glues a separator to a word, as in "Amsterdam ·April 2023"', () => {
    const glued = pages().flatMap(({ path }) =>
      [...visibleText(html(path)).matchAll(/\S·|·\S/g)].map(
        (m) => `${path}: …${m.input.slice(m.index - 20, m.index + 20)}…`,
      ),
    );
    expect(glued).toEqual([]);
  });

  describe('in search results', () => {
    let pagefind: PagefindApi;
    beforeAll(async () => {
      pagefind = await openIndex(distDir);
    });
    afterAll(() => pagefind?.destroy());
    it('leaves the note about an untitled session out of the index, so no excerpt starts with it', async () => {
      const untitled = contentFiles('talks').filter((talk) => talk.data.untitled === true);
      expect(untitled.length).toBeGreaterThan(0);
      expect(html(talkPath(untitled[0]!))).toContain('The recaps do not give this session');
      expect(await pagefind.search('"do not give this session"')).toEqual([]);
    });
  });
});

describe('the feed', () => {
  const rss = () => readFileSync(join(distDir, 'rss.xml'), 'utf8');
  /** When git first saw each content file: the oldest commit that has it. */
  const firstCommits = () => {
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', contentDir], {
      cwd: root,
      encoding: 'utf8',
    });
    const first = new Map<string, string>();
    for (const commit of log.split('\0').slice(1)) {
      const [date, ...files] = commit.trim().split('\n');
      for (const file of files) if (file.trim()) first.set(file.trim(), date!);
    }
    return first;
  };

  it('dates every item when its page was first published: the first commit of its file', () => {
    const items = [...rss().matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    const talks = contentFiles('talks');
    // Every item is dated; the talks' items by git, the changes' by the day they were recorded (tests/build/changes).
    expect(items.length).toBeGreaterThan(talks.length);
    for (const item of items) expect(item, item.slice(0, 120)).toMatch(/<pubDate>[^<]+<\/pubDate>/);
    const first = firstCommits();
    for (const talk of talks) {
      const file = relative(root, talk.file);
      const committed = first.get(file);
      expect(committed, `${file} is not committed yet: the feed dates each page by its first commit`).toBeDefined();
      const link = `http://localhost:4321${talkPath(talk)}`;
      const item = items.find((text) => text.includes(`<link>${link}</link>`));
      expect(item, link).toBeDefined();
      const pubDate = /<pubDate>([^<]+)<\/pubDate>/.exec(item!)?.[1];
      expect(pubDate, `${link} has no pubDate`).toBeDefined();
      expect(new Date(pubDate!).getTime()).toBe(new Date(committed!).getTime());
    }
  });

  it('is linked from every page: in the head for feed readers, and in the footer for people', () => {
    for (const { path } of pages()) {
      const page = html(path);
      expect(page, path).toContain('<link rel="alternate" type="application/rss+xml"');
      expect(/<footer[\s\S]*href="\/rss\.xml"[\s\S]*<\/footer>/.test(page), path).toBe(true);
    }
  });
});

describe('projects', () => {
  const projects = contentFiles('projects');
  it('each have a category, shown on their page and under its heading on the index', () => {
    const index = html('/projects/');
    for (const project of projects) {
      const category = project.data.category;
      expect(typeof category, `${project.file} has no category`).toBe('string');
      expect(html(`/projects/${project.id}/`), project.file).toContain(`href="/projects/#${category}"`);
      const section = index.slice(index.indexOf(`<h2 id="${category}">`));
      const group = section.slice(0, section.indexOf('</section>'));
      expect(group, `${project.id} under ${category}`).toContain(`href="/projects/${project.id}/"`);
    }
  });

  it('are all on the index A to Z, each letter a working jump', () => {
    const index = html('/projects/');
    const az = index.slice(index.indexOf('id="a-to-z"'));
    for (const project of projects) expect(az, project.id).toContain(`href="/projects/${project.id}/"`);
    const bar = /<ul class="az"[^>]*>([\s\S]*?)<\/ul>/.exec(index)![1]!;
    const letters = [...bar.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(letters.length).toBeGreaterThan(10);
    for (const id of letters) expect(az).toContain(`id="${id}"`);
  });
});

describe('recaps', () => {
  const recaps = recapFiles();
  it('link to the original post only over https, from their page and from every talk they cover', () => {
    const withUrl = recaps.filter((recap) => recap.data.url !== undefined);
    expect(withUrl.length).toBeGreaterThan(0);
    for (const recap of withUrl) {
      const url = String(recap.data.url);
      expect(url, recap.file).toMatch(/^https:\/\/[^/\s]+\.[^/\s]+\//);
      expect(html(`/recaps/${recap.id}/`), recap.file).toContain(`href="${url}" rel="noopener noreferrer"`);
    }
    const talk = html('/talks/how-to-break-your-kubernetes-cluster-with-networking/');
    const sources = talk.slice(talk.indexOf('id="sources-heading"'));
    for (const recap of withUrl.filter((r) => r.id === 'deezer-2021' || r.id === 'diary-2021')) {
      expect(sources).toContain(`href="${recap.data.url}"`);
    }
  });

  it('name a writer only where the recap does, and never with a note about not naming one', () => {
    for (const recap of recaps) {
      const page = visibleText(html(`/recaps/${recap.id}/`));
      if (recap.data.author) expect(page, recap.file).toContain(`Written by ${recap.data.author}`);
      else expect(page, recap.file).not.toContain('Written by');
    }
  });
});

describe('ways out to the recordings', () => {
  it('offer a search of the CNCF’s YouTube channel by title, labelled as a search, on talks with a real title', () => {
    const talks = contentFiles('talks');
    for (const talk of talks) {
      const page = html(talkPath(talk));
      const search = `https://www.youtube.com/@cncf/search?query=${encodeURIComponent(String(talk.data.title))}`;
      const expected = talk.data.untitled !== true && talk.data.format !== 'co-located';
      expect(page.includes(`href="${search}"`), talk.file).toBe(expected);
      if (expected)
        expect(visibleText(page), talk.file).toMatch(/Search for the video on the CNCF's YouTube channel \(a search/);
    }
  });
});
