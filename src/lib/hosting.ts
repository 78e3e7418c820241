/**
 * What a server sends besides the files: the Content-Security-Policy and the other
 * security headers, the cache policy, and the redirects of renamed talks. This is
 * the one place they are written down. Astro's <meta> policy (astro.config.mjs),
 * the `_headers` and `_redirects` files static hosts read, and the nginx
 * configuration of the container (src/integrations/hosting.ts) are all made from it.
 */
import type { AstroUserConfig } from 'astro';
import { createHash } from 'node:crypto';
import { colorSchemeInitScript } from './color-scheme.ts';
import { joinBase, paths } from './urls.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;

/**
 * The policy as Astro takes it. Astro adds the hashes of its own inline scripts and
 * styles to script-src and style-src-elem, and writes the result into a <meta> on
 * every page; servers send the same policy as a header (see headerPolicy).
 */
export const contentSecurityPolicy = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  // Scripts only from this site, hashed by Astro, or our own inline ones; Pagefind's search runs as WebAssembly.
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [sha256(colorSchemeInitScript)] },
  styleDirective: {
    resources: [
      // <style> and <link rel="stylesheet">: this site's files and Astro's hashed inline styles, nothing else.
      { resource: "'self'", kind: 'element' },
      // style="" attributes only: Shiki colours code with them, and hashes cannot cover attributes.
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
} satisfies CspConfig;

/** Directives a browser honours only in a header, never in a <meta>: no other site may frame a page. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"];

/** Every response's headers besides the Content-Security-Policy; README "Deploy" says why each is there. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Older browsers that do not read frame-ancestors.
  'X-Frame-Options': 'DENY',
  // Full addresses within the site, nothing to other sites (external links also carry rel="noreferrer").
  'Referrer-Policy': 'same-origin',
  // The site uses none of these; copying links writes to the clipboard from the page itself.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'display-capture=()',
    'encrypted-media=()',
    'fullscreen=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'idle-detection=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'picture-in-picture=()',
    'publickey-credentials-get=()',
    'screen-wake-lock=()',
    'serial=()',
    'usb=()',
    'xr-spatial-tracking=()',
    'browsing-topics=()',
    'clipboard-read=()',
    'clipboard-write=(self)',
  ].join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const cacheControl = {
  /** Files whose name changes with their content: keep them a year, never ask again. */
  immutable: 'public, max-age=31536000, immutable',
  /** Everything else, HTML first: a cache may keep it but must ask (a cheap 304) before each use, so a deploy shows at once. */
  revalidate: 'public, max-age=0, must-revalidate',
};

/** Site-relative folders whose files are all named by a hash of their content (Vite's bundles, Pagefind's chunks). */
export const hashedFolders = ['_astro/', 'pagefind/index/', 'pagefind/fragment/', 'pagefind/filter/'];

/**
 * Pagefind's index metadata and the search vocabulary sit beside unhashed scripts, so they are matched by name:
 * pagefind.en_0a1b2c.pf_meta, kcr-vocabulary-10.0a1b2c3d4e.json.
 */
export const isHashedFile = (sitePath: string) =>
  /^pagefind\/(?:[^/]+\.pf_meta|kcr-vocabulary-\d+\.[0-9a-f]+\.json)$/.test(sitePath);

/** A policy's directives, in order, each with its sources: "a b; c d" → [["a", ["b"]], ["c", ["d"]]]. */
export function parsePolicy(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map(([name, ...sources]) => [name!.toLowerCase(), sources]);
}

export function formatPolicy(directives: [string, string[]][]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The header a server sends for pages whose <meta> policies are given: every directive
 * of every page with the union of their sources (Astro hashes the same scripts on every
 * page today, so the union is each page's own), plus the header-only directives. A
 * browser enforces both header and <meta>, so each page stays as strict as its own.
 */
export function headerPolicy(metaPolicies: string[]): string {
  if (metaPolicies.length === 0) throw new Error('no page has a Content-Security-Policy <meta> to send as a header');
  const merged = new Map<string, string[]>();
  for (const policy of metaPolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  for (const [name, sources] of parsePolicy(headerOnlyDirectives.join(';'))) merged.set(name, sources);
  return formatPolicy([...merged]);
}

/** A redirect as a server answers it. */
export interface ServedRedirect {
  /** The old path, with the base path: /talks/old-slug/ */
  from: string;
  /** Where it moved, with the base path: /talks/new-slug/ */
  to: string;
}

/** Site.redirects (old slug → talk) as served under a base path. */
export function servedRedirects(base: string, redirects: { from: string; to: { slug: string } }[]): ServedRedirect[] {
  return redirects
    .map(({ from, to }) => ({ from: joinBase(base, paths.talk(from)), to: joinBase(base, paths.talk(to.slug)) }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The old path as readers may type or paste it: with and without its trailing slash. */
const spellings = (from: string) => [from, from.replace(/\/$/, '')];

/**
 * `_redirects` for Netlify and Cloudflare Pages. The old URL still has its redirect page
 * (for hosts without server redirects), and Netlify serves an existing file instead of a
 * redirect unless the status is forced with "!". Cloudflare always redirects and reads
 * only a number, so each redirect is written twice: forced for Netlify, plain for
 * Cloudflare; each host uses the first line it understands.
 */
export function redirectsFile(redirects: ServedRedirect[]): string {
  const lines = [
    '# Renamed talks: each old URL answers 301 with the new one. Written by the build from the talks\' "redirectFrom".',
    '# Netlify uses the first ("301!": redirect even though a file is there), Cloudflare Pages the second.',
  ];
  for (const { from, to } of redirects) {
    for (const path of spellings(from)) lines.push(`${path} ${to} 301!`, `${path} ${to} 301`);
  }
  return `${lines.join('\n')}\n`;
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

/** Reads a `_redirects` file as Netlify does: "from to [status][!]", comments and blank lines skipped. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [from, to, code = '302', ...rest] = line.split(/\s+/);
      if (!from || !to || rest.length || !/^\d{3}!?$/.test(code)) throw new Error(`_redirects: cannot read "${line}"`);
      return { from, to, status: Number.parseInt(code, 10), force: code.endsWith('!') };
    });
}

/** Everything the servers need to know about one build. */
export interface HostingPlan {
  base: string;
  /** The Content-Security-Policy header value. */
  policy: string;
  /** Site-relative paths of hashed files outside the hashed folders (Pagefind's .pf_meta). */
  hashedFiles: string[];
  /** Every old path to answer with a 301, each spelling on its own. */
  redirects: ServedRedirect[];
}

/** Every header a response carries besides Cache-Control. */
export const responseHeaders = (policy: string): [string, string][] => [
  ['Content-Security-Policy', policy],
  ...Object.entries(securityHeaders),
];

/**
 * `_headers` for Netlify and Cloudflare Pages. Both join the values of a header set by
 * several matching rules, so only hashed files get a Cache-Control rule; the rest keep
 * the hosts' default, which is cacheControl.revalidate on both.
 */
export function headersFile(plan: HostingPlan): string {
  const block = (path: string, headers: [string, string][]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const immutable: [string, string][] = [['Cache-Control', cacheControl.immutable]];
  return `${[
    '# Response headers for Netlify and Cloudflare Pages, written by the build from src/lib/hosting.ts.',
    block(joinBase(plan.base, '*'), responseHeaders(plan.policy)),
    ...hashedFolders.map((folder) => block(joinBase(plan.base, `${folder}*`), immutable)),
    ...plan.hashedFiles.map((file) => block(joinBase(plan.base, file), immutable)),
  ].join('\n\n')}\n`;
}

/** An nginx string literal. */
const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** nginx's security headers, included by every block of nginxServerConf. */
export function nginxHeadersConf(plan: HostingPlan): string {
  const lines = responseHeaders(plan.policy).map(([name, value]) => `add_header ${name} ${quote(value)} always;`);
  return `${[generatedNote, ...lines].join('\n')}\n`;
}

const generatedNote =
  "# Generated by the build (src/integrations/hosting.ts) from src/lib/hosting.ts and the talks' redirects.\n" +
  '# Do not edit: change those and build again.';

/**
 * The part of the nginx server block that depends on the build, included by
 * deploy/nginx/nginx.conf beside headers.conf. A location that adds a header of its
 * own drops every add_header of the server level, so each includes the full set.
 */
export function nginxServerConf(plan: HostingPlan): string {
  const headers = (cache: string) => ['include headers.conf;', `add_header Cache-Control ${quote(cache)} always;`];
  const location = (match: string, body: string[]) => [`location ${match} {`, ...body.map((l) => `  ${l}`), '}'];
  const at = (path: string) => joinBase(plan.base, path);
  const lines = [
    generatedNote,
    '',
    `error_page 404 ${at('404.html')};`,
    ...headers(cacheControl.revalidate),
    '',
    '# Hashed files: a new build gives them new names, so browsers may keep them for a year.',
    ...hashedFolders.flatMap((folder) => location(`^~ ${at(folder)}`, headers(cacheControl.immutable))),
    ...plan.hashedFiles.flatMap((file) => location(`= ${at(file)}`, headers(cacheControl.immutable))),
    '',
    "# The static hosts' files and these are not pages.",
    ...location(`= ${at('_headers')}`, ['return 404;']),
    ...location(`= ${at('_redirects')}`, ['return 404;']),
    ...location(`^~ ${at('_nginx/')}`, ['return 404;']),
  ];
  if (plan.redirects.length) lines.push('', '# Renamed talks.');
  for (const { from, to } of plan.redirects) {
    const paths = from.endsWith('/') ? [from, `${from}index.html`] : [from];
    for (const path of paths) lines.push(...location(`= ${path}`, [`return 301 ${to};`]));
  }
  return `${lines.join('\n')}\n`;
}

/** The redirects a `_redirects` file asks for, one per old path, as the first matching line says. */
export function redirectsOf(rules: RedirectRule[]): ServedRedirect[] {
  const seen = new Map<string, ServedRedirect>();
  for (const rule of rules) {
    if (rule.status === 301 && !seen.has(rule.from)) seen.set(rule.from, { from: rule.from, to: rule.to });
  }
  return [...seen.values()];
}
