/**
 * Where the site is published and built, read from the environment so that one
 * source tree can serve at a domain root or under a sub-path, and so tests and
 * benchmarks can build scratch copies without touching `content/` or `dist/`.
 *
 * SITE_URL        public origin, used for canonical and social links (default http://localhost:4321)
 * BASE_PATH       path the site is served under, e.g. /kubecon-recaps/ (default /)
 * KCR_CONTENT_DIR folder holding talks/, themes/, events/, projects/, recaps/ (default ./content)
 * KCR_OUT_DIR     build output folder (default ./dist)
 * REPO_URL        the repository's web address, for "Edit this page" links (none when unset)
 * REPO_BRANCH     the branch those links edit (default main)
 * KCR_CARD_CACHE  where drawn social cards are cached (default node_modules/.cache/kcr-cards); the benchmark
 *                 points it elsewhere to measure a cold cache
 * KCR_TODAY       the day the build takes as today, YYYY-MM-DD (default SOURCE_DATE_EPOCH's day, else the
 *                 real date): pages not reviewed for a year say so, and dates after it are refused
 * KCR_DEPLOY      set by `npm run build:deploy`: SITE_URL is then required and may not be a local address
 *
 * Astro caches parsed content and compiled modules per project; a scratch content
 * folder or another base path gets its own cache folder, so one build's entries
 * and baked-in paths never leak into another's.
 */
import { resolve } from 'node:path';

export interface SiteConfig {
  site: string;
  base: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Where drawn social cards are kept between builds. */
  cardCacheDir: string;
  /** Prefix of a file's edit URL, e.g. https://github.com/org/repo/edit/main/; undefined hides the links. */
  editBase?: string;
  /** The day the build takes as today, YYYY-MM-DD. */
  today: string;
}

export function siteConfig(env: Record<string, string | undefined>): SiteConfig {
  const site = env.SITE_URL?.trim() || 'http://localhost:4321';
  if (!/^https?:\/\/[^/]+/.test(site)) {
    throw new Error(`SITE_URL must be an absolute http(s) URL such as https://recaps.example.org, got "${site}"`);
  }
  if (env.KCR_DEPLOY) requirePublicSite(env.SITE_URL?.trim());
  const contentDir = env.KCR_CONTENT_DIR?.trim() || './content';
  const base = normaliseBase(env.BASE_PATH ?? '/');
  const isDefault = contentDir === './content' && base === '/';
  return {
    site: site.replace(/\/+$/, ''),
    base,
    contentDir,
    outDir: env.KCR_OUT_DIR?.trim() || './dist',
    cacheDir: isDefault ? './node_modules/.astro' : `./node_modules/.astro/scratch-${hash(`${contentDir} ${base}`)}`,
    cardCacheDir: resolve(env.KCR_CARD_CACHE?.trim() || 'node_modules/.cache/kcr-cards'),
    editBase: editBase(env.REPO_URL, env.REPO_BRANCH),
    today: today(env),
  };
}

/** KCR_TODAY, else the day of SOURCE_DATE_EPOCH (so a reproducible build has a fixed today), else the UTC date. */
export function today(env: Record<string, string | undefined>, now = new Date()): string {
  const set = env.KCR_TODAY?.trim();
  if (set) {
    const date = new Date(`${set}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(set) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== set) {
      throw new Error(`KCR_TODAY must be a real date written YYYY-MM-DD, such as 2026-12-01, got "${set}"`);
    }
    return set;
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

/**
 * A build to publish must know its public address: a canonical link, a card, the feed, the
 * sitemap or robots.txt that names localhost points chat previews and feed readers at the
 * reader's own machine.
 */
function requirePublicSite(site: string | undefined) {
  const example = 'SITE_URL=https://recaps.example.org npm run build:deploy (add BASE_PATH=/path/ if served under one)';
  if (!site) {
    throw new Error(
      `npm run build:deploy needs SITE_URL, the address readers will use: ${example}. Without it every canonical link, social card, the feed, the sitemap and robots.txt would say http://localhost:4321.`,
    );
  }
  const host = new URL(site).hostname.replace(/^\[|\]$/g, '');
  if (/^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|::1?)$/i.test(host)) {
    throw new Error(
      `SITE_URL is ${site}, an address only this machine can reach; a build to publish needs the public one: ${example}.`,
    );
  }
}

/** "/", "docs", "/docs" and "/docs/" all become "/docs/" (or "/"). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A short, stable name for a folder path. */
function hash(text: string): string {
  let h = 5381;
  for (const char of text) h = ((h * 33) ^ char.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

function editBase(repo: string | undefined, branch: string | undefined): string | undefined {
  const url = repo
    ?.trim()
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!url) return undefined;
  if (!/^https:\/\/[^/]+\/.+/.test(url)) {
    throw new Error(
      `REPO_URL must be the repository's https address, such as https://github.com/org/repo, got "${repo}"`,
    );
  }
  return `${url}/edit/${branch?.trim() || 'main'}/`;
}
