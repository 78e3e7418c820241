/**
 * What a teammate sees when a link is pasted into chat, and whether it keeps
 * working: the published URLs, each page's meta tags and social card.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages, checkPublished, readList } from '../../scripts/shared/published-urls';
import { distDir, requireBuild } from '../helpers/site';

beforeAll(() => requireBuild());

const pages = () => builtPages(distDir).filter((page) => !page.redirect);
const htmlOf = (path: string) => readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

describe('published URLs', () => {
  it('still resolves every URL the site has published, to a page or a redirect', () => {
    const { broken } = checkPublished(readList(), builtPages(distDir));
    expect(broken).toEqual([]);
  });

  it('has recorded every page it publishes (run "npm run urls:record" after adding pages)', () => {
    const { unrecorded } = checkPublished(readList(), builtPages(distDir));
    expect(unrecorded).toEqual([]);
  });
});

describe('previews', () => {
  it.each(pages().map((page) => [page.path]))('%s has a title, description, canonical URL and social card', (path) => {
    const html = htmlOf(path);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(meta(html, 'description')?.length).toBeGreaterThan(20);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical).toBe(new URL(path.replace(/index\.html$/, ''), 'http://localhost:4321').href);
    for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name', 'og:image', 'og:image:alt']) {
      expect(meta(html, key), key).toBeTruthy();
    }
    expect(meta(html, 'og:url')).toBe(canonical);
    expect(meta(html, 'og:image')).toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
    expect(meta(html, 'og:image:width')).toBe('1200');
    expect(meta(html, 'og:image:height')).toBe('630');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(meta(html, 'og:image'));
  });

  it('gives every talk and theme its own card, 1200×630, referenced by its page', () => {
    const own = pages().filter((page) => /^\/(talks|themes)\/[^/]+\/$/.test(page.path));
    expect(own.length).toBeGreaterThan(50);
    for (const { path } of own) {
      const image = new URL(meta(htmlOf(path), 'og:image')!).pathname;
      expect(image).toBe(`/og${path.replace(/\/$/, '')}.png`);
      const png = readFileSync(join(distDir, image));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
    }
    // Nothing else under og/: one card per talk and theme, the site's own, and not the list they were drawn from.
    const files = readdirSync(join(distDir, 'og'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(distDir, 'og').length));
    expect(files.sort()).toEqual(['/site.png', ...own.map(({ path }) => `${path.replace(/\/$/, '')}.png`)].sort());
  });

  it('has a feed, a sitemap, robots.txt and icons', () => {
    const rss = readFileSync(join(distDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<title>How to Break your Kubernetes Cluster with Networking</title>');
    expect(rss).toContain('http://localhost:4321/talks/how-to-break-your-kubernetes-cluster-with-networking/');
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>http://localhost:4321/themes/ebpf/</loc>');
    expect(sitemap).not.toContain('/og/');
    expect(readFileSync(join(distDir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml',
    );
    const icon = readFileSync(join(distDir, 'apple-touch-icon.png'));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([180, 180]);
    expect(readFileSync(join(distDir, 'favicon.svg'), 'utf8')).toContain('<svg');
  });
});
