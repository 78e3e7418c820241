/**
 * What ships is ours and locked down: a Content Security Policy on every page,
 * no inline event handlers, no script but the site's own bundles, its hashed
 * inline snippets, and Pagefind's files, and inline styles only as attributes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/shared/published-urls';
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

  it('allows inline styles only as style attributes (Shiki’s colours), and <style> and <link> only from the site or by hash', () => {
    for (const { path } of pages()) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html(path))![1]!;
      const sources = (name: string) =>
        new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(csp)?.[1]?.split(/\s+/).filter(Boolean);
      expect(sources('style-src-attr'), path).toEqual(["'unsafe-inline'"]);
      for (const directive of ['style-src', 'style-src-elem']) {
        const list = sources(directive);
        expect(list, `${path} ${directive}`).toBeDefined();
        expect(
          list!.filter((s) => !/^'(self|sha256-[^']+)'$/.test(s)),
          `${path} ${directive}`,
        ).toEqual([]);
      }
    }
  });

  it('names the hash of every inline script and <style> the page has, so each runs under the policy', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    for (const { path } of pages()) {
      const page = html(path);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(page)![1]!;
      const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]!;
      const styleSrcElem = /style-src-elem ([^;]+)/.exec(csp)![1]!;
      for (const [, attrs, body] of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\ssrc=|type="application\/(ld\+)?json"/.test(attrs!)) continue;
        expect(scriptSrc, `${path}: inline script "${body!.trim().slice(0, 40)}…"`).toContain(hash(body!));
      }
      for (const [, body] of page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        expect(styleSrcElem, `${path}: inline <style>`).toContain(hash(body!));
      }
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
      [...readFileSync(file, 'utf8').matchAll(/pagefind[\w-]*\.js\b/g)].map((m) => m[0]),
    );
    expect(new Set(loaded)).toEqual(new Set(['pagefind.js', 'pagefind-highlight.js']));
    for (const file of bundles) expect(readFileSync(file, 'utf8'), file).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
