/**
 * Walks a built site as a crawler would: every internal link, #anchor, image,
 * script and stylesheet must resolve, every page must be reachable from the home
 * page, and external links are listed and checked for form (there is no network).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from '../../scripts/shared/published-urls';

export interface SiteReport {
  problems: string[];
  external: string[];
  pages: number;
}

const attr = /\s(href|src|content)="([^"]*)"/g;

function fileFor(dist: string, path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

export function checkSite(dist: string, base = '/', origin = 'http://localhost:4321'): SiteReport {
  const problems: string[] = [];
  const external = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  const pages = builtPages(dist);
  const links = new Map<string, string[]>();

  for (const page of pages) {
    const file = fileFor(dist, page.path)!;
    const html = readFileSync(file, 'utf8');
    const pageUrl = new URL(base.replace(/\/$/, '') + page.path, origin);
    const outgoing: string[] = [];
    for (const [, name, value] of html.matchAll(attr)) {
      if (name === 'content' && !/^https?:\/\//.test(value!)) continue;
      if (!value || value.startsWith('data:') || value.startsWith('mailto:') || value === '#') continue;
      if (name === 'content' && !value.startsWith(origin)) continue;
      let url: URL;
      try {
        url = new URL(value.replace(/&amp;/g, '&'), pageUrl);
      } catch {
        problems.push(`${page.path}: malformed URL ${value}`);
        continue;
      }
      if (url.origin !== origin) {
        if (!/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(url.href))
          problems.push(`${page.path}: odd external URL ${value}`);
        external.add(url.href);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        problems.push(`${page.path}: ${value} is outside the base path ${base}`);
        continue;
      }
      const target = fileFor(dist, url.pathname.slice(base.length - 1));
      if (!target) {
        problems.push(`${page.path}: ${name}="${value}" points to nothing`);
        continue;
      }
      if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push(`${page.path}: ${value} has no #${decodeURIComponent(url.hash.slice(1))} on the target page`);
      }
      // Compared as the page paths are written: a path in another script is percent-encoded in a URL.
      if (name === 'href' && target.endsWith('.html'))
        outgoing.push(decodeURIComponent(url.pathname.slice(base.length - 1)));
    }
    links.set(page.path, outgoing);
  }

  // Every page must be reachable from the home page by following links.
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  while (queue.length) {
    for (const next of links.get(queue.shift()!) ?? []) {
      const path = next.replace(/index\.html$/, '');
      if (!seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  for (const page of pages) {
    if (!page.redirect && !seen.has(page.path)) problems.push(`${page.path} is not linked from anywhere on the site`);
  }
  return { problems, external: [...external].sort(), pages: pages.length };
}
