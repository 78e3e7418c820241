/**
 * What ships is ours and locked down: a Content Security Policy on every page,
 * no inline event handlers, and no script but the site's own bundles, its
 * hashed inline snippets, and Pagefind's files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/published-urls';
import { distDir, requireBuild, walk } from '../helpers/site';

beforeAll(() => requireBuild());

const pages = () => builtPages(distDir).filter((page) => !page.redirect);
const html = (path: string) => readFileSync(join(distDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');

describe('every page', () => {
  it('has a Content Security Policy that allows no inline script without a hash and no other origin', () => {
    for (const { path } of pages()) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html(path))?.[1];
      expect(csp, path).toBeDefined();
      const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expect(
        scriptSrc
          .split(/\s+/)
          .filter(Boolean)
          .every((s) => /^'(self|wasm-unsafe-eval|sha256-[^']+)'$/.test(s)),
      ).toBe(true);
      expect(csp).toContain("default-src 'self'");
      expect(csp, path).not.toMatch(/https?:/);
    }
  });

  it('has no inline event handler attribute', () => {
    for (const { path } of pages()) expect(html(path), path).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('loads scripts only from the site’s own bundles, Pagefind, or hashed inline snippets', () => {
    const sources = new Set<string>();
    for (const { path } of pages()) {
      for (const [, src] of html(path).matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) sources.add(src!);
    }
    expect([...sources].filter((src) => !/^\/(_astro|pagefind)\//.test(src))).toEqual([]);
    // Scripts loaded at run time are named in the bundles: only Pagefind's.
    const bundles = walk(join(distDir, '_astro'), (file) => file.endsWith('.js'));
    const loaded = bundles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/pagefind[\w-]*\.js/g)].map((m) => m[0]),
    );
    expect(new Set(loaded)).toEqual(new Set(['pagefind.js', 'pagefind-highlight.js']));
    for (const file of bundles) expect(readFileSync(file, 'utf8'), file).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
