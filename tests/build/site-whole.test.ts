/**
 * The built site is whole: no broken link, anchor or asset, no orphan page, at
 * the domain root and again under a base path (as on a GitHub Pages project site).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstroBuild } from '../helpers/build';
import { checkSite } from '../helpers/site-check';
import { distDir, requireBuild, root } from '../helpers/site';

describe('the site built at the root', () => {
  beforeAll(() => requireBuild());
  it('has no broken link, anchor or asset, and no orphan page', () => {
    const report = checkSite(distDir);
    expect(report.pages).toBeGreaterThan(100);
    expect(report.problems).toEqual([]);
  });
  it('links out only to well-formed https URLs, with rel="noopener noreferrer"', () => {
    const report = checkSite(distDir);
    expect(report.external.every((url) => url.startsWith('https://'))).toBe(true);
    const html = readFileSync(join(distDir, 'projects/cilium/index.html'), 'utf8');
    for (const [tag] of html.matchAll(/<a [^>]*href="https:[^"]*"[^>]*>/g))
      expect(tag).toContain('rel="noopener noreferrer"');
  });
});

describe('the site built under a base path', () => {
  const out = join(root, 'tests/.tmp/base-dist');
  beforeAll(() => {
    const build = runAstroBuild({
      BASE_PATH: '/kubecon-recaps/',
      SITE_URL: 'https://recaps.example.org',
      KCR_OUT_DIR: out,
    });
    if (!build.ok) throw new Error(build.output);
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('keeps every link, asset, card image and the search index under the base path', () => {
    const report = checkSite(out, '/kubecon-recaps/', 'https://recaps.example.org');
    expect(report.problems).toEqual([]);
    const talk = readFileSync(
      join(out, 'talks/how-to-break-your-kubernetes-cluster-with-networking/index.html'),
      'utf8',
    );
    expect(talk).toContain(
      '<meta property="og:image" content="https://recaps.example.org/kubecon-recaps/og/talks/how-to-break-your-kubernetes-cluster-with-networking.png"',
    );
    expect(talk).toContain('href="/kubecon-recaps/projects/cilium/"');
    expect(talk).toContain('data-bundle-path="/kubecon-recaps/pagefind/"');
    const search = readFileSync(join(out, 'search/index.html'), 'utf8');
    expect(search).toContain('data-bundle-path="/kubecon-recaps/pagefind/"');
  });
});
