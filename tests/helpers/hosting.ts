/**
 * What every server must send, written once and checked against nginx's answers
 * over HTTP and against the `_headers` and `_redirects` files static hosts read.
 * The values are spelled out here rather than imported from src/lib/hosting.ts, so a
 * change there that weakens a header fails a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** A response's headers by name, case-insensitively, as a server or a host's rules give them. */
export type HeaderLookup = (name: string) => string | null | undefined;

/** The <meta> policy Astro wrote into a built HTML file. */
export function metaPolicy(dist: string, file: string): string {
  const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(
    readFileSync(join(dist, file), 'utf8'),
  )?.[1];
  if (!policy) throw new Error(`${file} has no Content-Security-Policy <meta>`);
  return policy;
}

export const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/).filter(Boolean))
      .filter((words) => words.length)
      .map(([name, ...sources]) => [name!, [...sources].sort()]),
  );

/**
 * The security headers, for any response: the header policy is the page's own <meta>
 * policy, directive for directive, plus frame-ancestors 'none'.
 */
export function expectSecurityHeaders(get: HeaderLookup, where: string, meta: string) {
  const header = get('content-security-policy');
  expect(header, `${where}: Content-Security-Policy`).toBeTruthy();
  const sent = directives(header!);
  expect(sent.get('frame-ancestors'), where).toEqual(["'none'"]);
  sent.delete('frame-ancestors');
  expect(Object.fromEntries(sent), `${where}: the header policy is the page's <meta> policy`).toEqual(
    Object.fromEntries(directives(meta)),
  );
  expect(get('x-content-type-options'), where).toBe('nosniff');
  expect(get('x-frame-options'), where).toBe('DENY');
  expect(get('referrer-policy'), where).toBe('same-origin');
  const permissions = (get('permissions-policy') ?? '').split(/,\s*/);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
    expect(permissions, `${where}: Permissions-Policy denies ${feature}`).toContain(`${feature}=()`);
  }
  // The copy controls write to the clipboard; nothing else is allowed.
  expect(permissions.filter((entry) => !entry.endsWith('=()'))).toEqual(['clipboard-write=(self)']);
}

/** Files named by a hash of their content. */
export const isHashed = (path: string) =>
  /^\/(_astro|pagefind\/(index|fragment|filter))\/[^/]+$/.test(path) ||
  /^\/pagefind\/([^/]+\.pf_meta|kcr-vocabulary-\d+\.[0-9a-f]+\.json)$/.test(path);

/** Hashed files are kept a year and never revalidated; anything else, HTML first, never so. */
export function expectCaching(path: string, cacheControl: string | null | undefined, { hostDefault = false } = {}) {
  if (isHashed(path)) {
    expect(cacheControl, path).toBe('public, max-age=31536000, immutable');
  } else if (cacheControl || !hostDefault) {
    expect(cacheControl, path).toMatch(/must-revalidate|no-cache/);
    expect(cacheControl, path).not.toContain('immutable');
  }
}

/** One of each kind of file a reader's browser fetches, besides pages. */
export function sampleAssets(dist: string): string[] {
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const first = (folder: string, pattern: RegExp) => {
    const name = readdirSync(join(dist, folder))
      .sort()
      .find((file) => pattern.test(file));
    if (!name) throw new Error(`no ${pattern} in ${folder}`);
    return `/${folder}/${name}`;
  };
  return [
    first('_astro', /\.css$/),
    first('_astro', /\.js$/),
    first('pagefind/index', /\.pf_index$/),
    first('pagefind/fragment', /\.pf_fragment$/),
    first('pagefind/filter', /\.pf_filter$/),
    `/pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`,
    first('pagefind', /^kcr-vocabulary-\d+\.[0-9a-f]+\.json$/),
    '/pagefind/kcr-terms.json',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    '/favicon.svg',
  ];
}

interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** `_headers` read as Netlify and Cloudflare Pages read it: a path line, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!match || !rules.length) throw new Error(`_headers: cannot read "${line}"`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

/** The headers a path gets: every matching rule applies, and a header set twice gets both values joined. */
export function headersFor(rules: HeaderRule[], path: string): HeaderLookup {
  const found = new Map<string, string[]>();
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (!pattern.test(path)) continue;
    for (const [name, value] of rule.headers)
      found.set(name.toLowerCase(), [...(found.get(name.toLowerCase()) ?? []), value]);
  }
  return (name) => found.get(name.toLowerCase())?.join(', ');
}

/** Where a host sends a request for `path` by its `_redirects`, or undefined when it serves the file. */
export function redirectFor(text: string, path: string, host: 'netlify' | 'cloudflare') {
  const lines = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([first]) => first && !first.startsWith('#'));
  for (const [from, to, code = '302'] of lines) {
    // Netlify ignores a trailing slash when matching; Cloudflare matches the path as written.
    const same = host === 'netlify' ? from!.replace(/\/$/, '') === path.replace(/\/$/, '') : from === path;
    if (!same) continue;
    if (host === 'cloudflare' && !/^\d+$/.test(code)) continue; // a line Cloudflare cannot read is ignored
    // Netlify serves an existing file (the old URL's redirect page) unless the rule is forced.
    if (host === 'netlify' && !code.endsWith('!')) return undefined;
    return { to: to!, status: Number.parseInt(code, 10) };
  }
  return undefined;
}
