import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { contentFiles, distDir, noteFiles, recapFiles, requireBuild, talkPath, walk } from '../helpers/site';

const html = (path: string) => readFileSync(join(distDir, path, 'index.html'), 'utf8');

describe('the built site', () => {
  beforeAll(() => requireBuild());

  const talks = contentFiles('talks');
  const themes = contentFiles('themes');
  const events = contentFiles('events');
  const projects = contentFiles('projects');
  const recaps = recapFiles();

  it('lists every published talk on the talk index, and every theme on the theme index, and nothing else', () => {
    const linked = (path: string, prefix: string) =>
      new Set([...html(path).matchAll(new RegExp(`href="(/${prefix}/[^"/]+/)"`, 'g'))].map((m) => m[1]));
    expect(talks.length).toBeGreaterThan(0);
    expect(linked('/talks/', 'talks')).toEqual(new Set(talks.map(talkPath)));
    expect(themes.length).toBeGreaterThan(0);
    expect(linked('/themes/', 'themes')).toEqual(new Set(themes.map((theme) => `/themes/${theme.id}/`)));
  });

  it.each([
    ['talk', talks, (t: (typeof talks)[number]) => talkPath(t)],
    ['theme', themes, (t: (typeof talks)[number]) => `/themes/${t.id}/`],
    ['event', events, (t: (typeof talks)[number]) => `/events/${t.id}/`],
    ['project', projects, (t: (typeof talks)[number]) => `/projects/${t.id}/`],
    ['recap', recaps, (t: (typeof talks)[number]) => `/recaps/${t.id}/`],
  ])('has a page for every %s, titled with its name', (_kind, entries, pathOf) => {
    for (const entry of entries) {
      const path = pathOf(entry);
      expect(existsSync(join(distDir, path, 'index.html')), `${entry.file} should be served at ${path}`).toBe(true);
      const name = String(entry.data.title ?? entry.data.name);
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html(path))?.[1];
      expect(h1?.replace(/&#39;/g, "'").replace(/&amp;/g, '&'), path).toBe(name);
    }
  });

  it('shows each recap’s notes on its page, in order, each under its talk with a working anchor', () => {
    for (const recap of recaps) {
      const page = html(`/recaps/${recap.id}/`);
      const own = noteFiles().filter((note) => note.id.startsWith(`${recap.id}/`));
      const anchors = [...page.matchAll(/<section class="recap-note" aria-labelledby="([^"]+)"><h2 id="\1">/g)].map(
        (m) => m[1],
      );
      const slugOf = (id: unknown) => talkPath(talks.find((t) => t.id === id)!).split('/')[2];
      expect(new Set(anchors), recap.file).toEqual(new Set(own.map((note) => slugOf(note.data.talk))));
      const ordered = own
        .filter((note) => typeof note.data.order === 'number')
        .sort((a, b) => Number(a.data.order) - Number(b.data.order))
        .map((note) => slugOf(note.data.talk));
      expect(anchors.slice(0, ordered.length), `${recap.file}: the writer's order`).toEqual(ordered);
      for (const anchor of anchors) expect(page).toContain(`href="#${anchor}" data-copy-link`);
    }
  });

  it('composes each talk’s "What the recaps said" from exactly its notes', () => {
    const attribution = new Map(recaps.map((r) => [r.id, String(r.data.attribution)]));
    for (const talk of talks) {
      const page = html(talkPath(talk));
      const section = page.slice(page.indexOf('<section class="recap-notes"'));
      const shown = [
        ...section.matchAll(/<section class="recap-note" aria-labelledby="[^"]+"><h3 id="[^"]+">([^<]+)</g),
      ].map((m) => m[1]!.replace(/&#39;/g, "'"));
      const expected = noteFiles()
        .filter((note) => note.data.talk === talk.id)
        .map((note) => attribution.get(note.id.split('/')[0]!)!)
        .sort((a, b) => a.localeCompare(b, 'en'));
      expect(shown, talk.file).toEqual(expected);
    }
  });

  it('has the index pages and the search page', () => {
    for (const path of ['/', '/talks/', '/themes/', '/events/', '/projects/', '/recaps/', '/search/']) {
      expect(existsSync(join(distDir, path, 'index.html')), path).toBe(true);
    }
  });

  it('has a 404 page that offers search and the themes', () => {
    const page = readFileSync(join(distDir, '404.html'), 'utf8');
    expect(page).toContain('Page not found');
    expect(page).toMatch(/<form[^>]+action="\/search\/"/);
    expect(page).toContain('href="/themes/"');
  });

  it('keeps the space between a word and the link or code beside it', () => {
    // Astro's HTML compression drops a line break between a word and an inline tag, which reads as "fromfive".
    // Icon links (heading and takeaway anchors) sit against text on purpose and are left out.
    const glued =
      /[A-Za-z,.;:]<(?:code|strong|em|a(?![^>]*anchor-link))\b|<\/(?:code|strong|em)>[A-Za-z]|(?<!<\/svg>)<\/a>[A-Za-z]/g;
    const found = walk(distDir, (file) => file.endsWith('.html')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(glued)].map(
        (m) => `${file.slice(distDir.length)}: …${m.input.slice(m.index - 30, m.index + 30)}…`,
      ),
    );
    expect(found).toEqual([]);
  });

  describe('search index', () => {
    let pagefind: PagefindApi;
    beforeAll(async () => {
      pagefind = await openIndex(distDir);
    });
    afterAll(() => pagefind?.destroy());

    it('holds exactly the talk, theme, event, project and recap pages', async () => {
      const hits = await pagefind.search(null, {
        filters: { type: { any: ['Talk', 'Theme', 'Event', 'Project', 'Recap'] } },
      });
      const expected = [
        ...talks.map(talkPath),
        ...themes.map((t) => `/themes/${t.id}/`),
        ...events.map((e) => `/events/${e.id}/`),
        ...projects.map((p) => `/projects/${p.id}/`),
        ...recaps.map((r) => `/recaps/${r.id}/`),
      ].sort();
      expect(hits.map((hit) => hit.url).sort()).toEqual(expected);
      const entry = JSON.parse(readFileSync(join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.en.page_count).toBe(expected.length);
    });

    it('leaves out the 404, list and search pages', async () => {
      const urls = (await pagefind.search('page')).map((hit) => hit.url);
      for (const url of ['/404.html', '/404/', '/search/', '/talks/', '/recaps/', '/']) {
        expect(urls).not.toContain(url);
      }
    });

    it('finds a talk by a phrase only one writer used, once: on the talk page, whose note leads to the recap', async () => {
      // "poor security engineer": the diary's joke on the CSI Volume Attacks talk, in its note only. The recap
      // page shows the note too, but indexes only its own words, so the phrase has one home in the index.
      const urls = (await pagefind.search('"poor security engineer"')).map((hit) => hit.url);
      expect(urls).toEqual(['/talks/csi-volume-attacks-the-sre-strikes-back/']);
      const talk = readFileSync(join(distDir, 'talks/csi-volume-attacks-the-sre-strikes-back/index.html'), 'utf8');
      expect(talk).toContain('href="/recaps/diary-2021/#csi-volume-attacks-the-sre-strikes-back"');
    });

    it('splits the index into small chunks, so each word searched costs a few KB', () => {
      const dir = join(distDir, 'pagefind', 'index');
      const sizes = readdirSync(dir)
        .map((file) => statSync(join(dir, file)).size)
        .sort((a, b) => a - b);
      expect(sizes.length).toBeGreaterThan(1);
      // The median, because a word on nearly every page fills a chunk on its own.
      expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(10 * 1024);
    });

    it('indexes only the main element, never the header and footer', () => {
      const searchable = [...talks.map(talkPath), ...themes.map((t) => `/themes/${t.id}/`)];
      for (const path of searchable) {
        const page = html(path);
        expect(page.match(/data-pagefind-body/g), path).toHaveLength(1);
        expect(page, path).toMatch(/<main[^>]*data-pagefind-body/);
      }
    });
  });
});
