/**
 * A renamed talk's old URL, as each server answers it: nginx with the container's
 * configuration, and the `_redirects` Netlify and Cloudflare Pages read, all from one
 * small build whose talk lists its old slug in `redirectFrom`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstroBuild } from '../helpers/build';
import { redirectFor } from '../helpers/hosting';
import { startNginx, type RunningNginx } from '../helpers/nginx';
import { scratchRoot, talkFile, validContent, writeContent } from '../helpers/scratch';

const out = join(scratchRoot, 'renamed', 'dist');
const oldPaths = ['/talks/dns-gotchas/', '/talks/dns-gotchas', '/talks/dns-gotchas/index.html'];
let nginx: RunningNginx;

beforeAll(async () => {
  const dir = writeContent('renamed', {
    ...validContent(),
    'talks/eu-2021/dns.mdx': talkFile('DNS Pitfalls', 'redirectFrom: [dns-gotchas]\n'),
  });
  const result = runAstroBuild({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
  if (!result.ok) throw new Error(result.output);
  nginx = await startNginx(out);
}, 600_000);
afterAll(async () => {
  await nginx?.close();
  rmSync(join(scratchRoot, 'renamed'), { recursive: true, force: true });
});

describe('a renamed talk behind nginx', () => {
  it.each(oldPaths)('%s answers 301 with the new URL, security headers included', async (path) => {
    const response = await fetch(nginx.url(path), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/talks/dns-pitfalls/');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
  it('lands on the talk', async () => {
    const response = await fetch(nginx.url('/talks/dns-gotchas/'));
    expect(response.status).toBe(200);
    expect(response.url).toBe(nginx.url('/talks/dns-pitfalls/'));
    expect(await response.text()).toContain('<h1');
  });
});

describe('a renamed talk on a static host', () => {
  const redirects = () => readFileSync(join(out, '_redirects'), 'utf8');
  it.each(['netlify', 'cloudflare'] as const)('%s sends the old URL, with or without its slash, with 301', (host) => {
    for (const path of oldPaths.slice(0, 2)) {
      expect(redirectFor(redirects(), path, host), `${host} ${path}`).toEqual({
        to: '/talks/dns-pitfalls/',
        status: 301,
      });
    }
    expect(redirectFor(redirects(), '/talks/dns-pitfalls/', host)).toBeUndefined();
  });
  it('keeps the redirect page for hosts without server redirects (GitHub Pages)', () => {
    const stub = readFileSync(join(out, 'talks/dns-gotchas/index.html'), 'utf8');
    expect(stub).toMatch(/<meta http-equiv="refresh" content="0;url=\/talks\/dns-pitfalls\/"/);
  });
  it('lists the new URL in the sitemap, not the old one', () => {
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/talks/dns-pitfalls/</loc>');
    expect(sitemap).not.toContain('dns-gotchas');
  });
});
