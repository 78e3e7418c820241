import { describe, expect, it } from 'vitest';
import { normaliseBase, siteConfig, today } from '../../src/site.config';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

describe('site config', () => {
  it('has documented defaults', () => {
    expect(siteConfig({})).toEqual({
      site: 'http://localhost:4321',
      base: '/',
      contentDir: './content',
      outDir: './dist',
      cacheDir: './node_modules/.astro',
      cardCacheDir: resolve('node_modules/.cache/kcr-cards'),
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });
  it('takes today from KCR_TODAY, else from SOURCE_DATE_EPOCH, else from the clock', () => {
    const now = new Date('2026-12-01T23:30:00Z');
    expect(today({ KCR_TODAY: '2030-02-28' }, now)).toBe('2030-02-28');
    expect(today({ SOURCE_DATE_EPOCH: '1714521600' }, now)).toBe('2024-05-01');
    expect(today({}, now)).toBe('2026-12-01');
    expect(() => today({ KCR_TODAY: '2030-02-30' })).toThrow(/KCR_TODAY must be a real date written YYYY-MM-DD/);
    expect(() => today({ KCR_TODAY: 'tomorrow' })).toThrow(/KCR_TODAY/);
    expect(() => today({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
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
  // Astro imports the configuration with Node itself when it can, and otherwise quietly starts a Vite server to
  // load it (0.2 s of every build): a module it reaches that Node cannot run (an import without its .ts extension,
  // TypeScript that is more than types) would bring that back without any test failing.
  it('loads, with everything it imports, in Node itself', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
