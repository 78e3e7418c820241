import { describe, expect, it } from 'vitest';
import {
  headerPolicy,
  headersFile,
  nginxServerConf,
  parseRedirectsFile,
  redirectsFile,
  redirectsOf,
  servedRedirects,
  type HostingPlan,
} from '../../src/lib/hosting';
import { siteConfig } from '../../src/site.config';
import { headersFor, parseHeadersFile, redirectFor } from '../helpers/hosting';

const plan = (over: Partial<HostingPlan> = {}): HostingPlan => ({
  base: '/',
  policy: "default-src 'self'; frame-ancestors 'none'",
  hashedFiles: ['pagefind/pagefind.en_abc.pf_meta'],
  redirects: [],
  ...over,
});

describe('the header policy', () => {
  it('is every page’s <meta> policy, sources merged per directive, plus frame-ancestors', () => {
    const policy = headerPolicy([
      "default-src 'self';script-src 'self' 'sha256-a'; style-src 'self' ;",
      "default-src 'self'; script-src 'self' 'sha256-b'",
    ]);
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'; frame-ancestors 'none'",
    );
  });
  it('refuses to make a header when no page has a policy', () => {
    expect(() => headerPolicy([])).toThrow(/no page has a Content-Security-Policy/);
  });
});

describe('redirects for static hosts', () => {
  const redirects = servedRedirects('/recaps/', [{ from: 'old', to: { slug: 'new' } }]);
  const text = redirectsFile(redirects);

  it('puts the base path in front of both paths', () => {
    expect(redirects).toEqual([{ from: '/recaps/talks/old/', to: '/recaps/talks/new/' }]);
  });
  it('sends the old URL, with or without its slash, to the new one on Netlify and on Cloudflare Pages', () => {
    for (const host of ['netlify', 'cloudflare'] as const) {
      for (const path of ['/recaps/talks/old/', '/recaps/talks/old']) {
        expect(redirectFor(text, path, host), `${host} ${path}`).toEqual({ to: '/recaps/talks/new/', status: 301 });
      }
      expect(redirectFor(text, '/recaps/talks/new/', host)).toBeUndefined();
    }
  });
  it('reads back what it wrote, and refuses a line it cannot read', () => {
    expect(redirectsOf(parseRedirectsFile(text))).toEqual([
      { from: '/recaps/talks/old/', to: '/recaps/talks/new/' },
      { from: '/recaps/talks/old', to: '/recaps/talks/new/' },
    ]);
    expect(() => parseRedirectsFile('/a /b 301 extra')).toThrow(/cannot read "\/a \/b 301 extra"/);
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile(plan({ base: '/recaps/' })));
  it('gives every path the security headers and only hashed files a Cache-Control, never two', () => {
    expect(headersFor(rules, '/recaps/talks/x/')('content-security-policy')).toBe(plan().policy);
    expect(headersFor(rules, '/recaps/talks/x/')('cache-control')).toBeUndefined();
    expect(headersFor(rules, '/recaps/_astro/a.B1c2.css')('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/recaps/pagefind/pagefind.en_abc.pf_meta')('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/recaps/pagefind/pagefind.js')('cache-control')).toBeUndefined();
  });
});

describe('the nginx server configuration', () => {
  const conf = nginxServerConf(
    plan({ base: '/recaps/', redirects: [{ from: '/recaps/talks/old/', to: '/recaps/talks/new/' }] }),
  );
  it('serves the 404 page, caches hashed files for a year, and redirects a renamed talk, under the base path', () => {
    expect(conf).toContain('error_page 404 /recaps/404.html;');
    expect(conf).toMatch(
      /location \^~ \/recaps\/_astro\/ \{\n {2}include headers.conf;\n {2}add_header Cache-Control "public, max-age=31536000, immutable" always;/,
    );
    expect(conf).toContain('location = /recaps/pagefind/pagefind.en_abc.pf_meta {');
    expect(conf).toContain('location = /recaps/talks/old/ {\n  return 301 /recaps/talks/new/;\n}');
    expect(conf).toContain('location = /recaps/talks/old/index.html {\n  return 301 /recaps/talks/new/;\n}');
  });
  it('repeats the security headers in every block that sets its own Cache-Control', () => {
    const blocks = conf
      .split('location ')
      .slice(1)
      .filter((block) => block.includes('Cache-Control'));
    expect(blocks.length).toBeGreaterThan(4);
    for (const block of blocks) expect(block).toContain('include headers.conf;');
  });
});

describe('the deploy build', () => {
  it('needs SITE_URL and says how to give it', () => {
    expect(() => siteConfig({ KCR_DEPLOY: '1' })).toThrow(
      /npm run build:deploy needs SITE_URL.*SITE_URL=https:\/\/recaps\.example\.org npm run build:deploy.*http:\/\/localhost:4321/,
    );
  });
  it('refuses an address only this machine can reach', () => {
    for (const url of ['http://localhost:4321', 'http://127.0.0.1:8080', 'http://[::1]/', 'http://dev.localhost']) {
      expect(() => siteConfig({ KCR_DEPLOY: '1', SITE_URL: url }), url).toThrow(/only this machine can reach/);
    }
  });
  it('takes a public address, and without KCR_DEPLOY keeps the local default', () => {
    expect(siteConfig({ KCR_DEPLOY: '1', SITE_URL: 'https://recaps.example.org' }).site).toBe(
      'https://recaps.example.org',
    );
    expect(siteConfig({}).site).toBe('http://localhost:4321');
  });
});
