/**
 * The `_headers` file Netlify and Cloudflare Pages read, parsed and resolved as they
 * resolve it, against the same expectations as nginx's answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/shared/published-urls';
import {
  expectCaching,
  expectSecurityHeaders,
  headersFor,
  metaPolicy,
  parseHeadersFile,
  sampleAssets,
} from '../helpers/hosting';
import { distDir, requireBuild } from '../helpers/site';

beforeAll(() => requireBuild());
const rules = () => parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));

describe('_headers', () => {
  it('gives every page, and the 404, the security headers with its own policy, and no immutable cache', () => {
    const pages = builtPages(distDir).filter((page) => !page.redirect);
    expect(pages.length).toBeGreaterThan(100);
    for (const { path } of [...pages, { path: '/no-such-page/' }]) {
      const file = path === '/no-such-page/' ? '404.html' : `${path.slice(1)}index.html`;
      const get = headersFor(rules(), path);
      expectSecurityHeaders(get, path, metaPolicy(distDir, file));
      expectCaching(path, get('cache-control'), { hostDefault: true });
    }
  });

  it('keeps hashed bundles and index chunks a year, with one Cache-Control each', () => {
    for (const path of sampleAssets(distDir)) {
      const get = headersFor(rules(), path);
      expectCaching(path, get('cache-control'), { hostDefault: true });
      expectSecurityHeaders(get, path, metaPolicy(distDir, 'index.html'));
    }
  });

  it('sends the same policy as nginx', () => {
    const nginx = readFileSync(join(distDir, '_nginx/headers.conf'), 'utf8');
    const policy = /add_header Content-Security-Policy "([^"]+)" always;/.exec(nginx)?.[1];
    expect(policy).toBe(headersFor(rules(), '/')('content-security-policy'));
  });
});
