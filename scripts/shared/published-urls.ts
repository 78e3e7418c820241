/**
 * The record of every URL the site has published, so that a rename never breaks
 * a link someone pasted into chat. The list lives in tests/published-urls.txt;
 * the build test checks it, and `npm run urls:record` (scripts/published-urls.ts) adds new pages to it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const listFile = join(import.meta.dirname, '..', '..', 'tests', 'published-urls.txt');

export interface BuiltPage {
  path: string;
  redirect: boolean;
}

/** Every HTML page of a built site as a site path ("/talks/x/"), marking redirect stubs. */
export function builtPages(dist: string): BuiltPage[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(join(dist, 'pagefind')))
    .map((file) => {
      const rel = relative(dist, file).split(sep).join('/');
      const path = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      return { path, redirect: /<meta http-equiv="refresh"/.test(readFileSync(file, 'utf8').slice(0, 600)) };
    })
    .filter((page) => page.path !== '/404.html')
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function readList(file = listFile): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** What is wrong with the record against a build: published URLs that no longer resolve, and new pages not recorded. */
export function checkPublished(published: string[], pages: BuiltPage[]) {
  const served = new Set(pages.map((page) => page.path));
  const recorded = new Set(published);
  const broken = published
    .filter((path) => !served.has(path))
    .map(
      (path) =>
        `${path} was published but no longer resolves. If the page was renamed, add its old slug to "redirectFrom" in the new page's frontmatter, e.g. redirectFrom: [${path.split('/').filter(Boolean).pop()}] (see CONTRIBUTING.md, "Renaming a talk").`,
    );
  const unrecorded = pages.filter((page) => !page.redirect && !recorded.has(page.path)).map((page) => page.path);
  return { broken, unrecorded };
}

export function recordPages(pages: BuiltPage[], file = listFile) {
  const all = new Set([...readList(file), ...pages.filter((page) => !page.redirect).map((page) => page.path)]);
  const header =
    '# Every URL this site has published. Never delete a line: a renamed page needs a redirect instead.\n# Add new pages with: npm run urls:record\n';
  writeFileSync(file, header + [...all].sort().join('\n') + '\n');
  return all.size;
}
