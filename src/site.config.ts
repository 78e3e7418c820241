/**
 * Where the site is published and built, read from the environment so that one
 * source tree can serve at a domain root or under a sub-path, and so tests and
 * benchmarks can build scratch copies without touching `content/` or `dist/`.
 *
 * SITE_URL        public origin, used for canonical and social links (default http://localhost:4321)
 * BASE_PATH       path the site is served under, e.g. /kubecon-recaps/ (default /)
 * KCR_CONTENT_DIR folder holding talks/, themes/, events/, projects/, recaps/ (default ./content)
 * KCR_OUT_DIR     build output folder (default ./dist)
 */
export interface SiteConfig {
  site: string;
  base: string;
  contentDir: string;
  outDir: string;
}

export function siteConfig(env: Record<string, string | undefined>): SiteConfig {
  const site = env.SITE_URL?.trim() || 'http://localhost:4321';
  if (!/^https?:\/\/[^/]+/.test(site)) {
    throw new Error(`SITE_URL must be an absolute http(s) URL such as https://recaps.example.org, got "${site}"`);
  }
  return {
    site: site.replace(/\/+$/, ''),
    base: normaliseBase(env.BASE_PATH ?? '/'),
    contentDir: env.KCR_CONTENT_DIR?.trim() || './content',
    outDir: env.KCR_OUT_DIR?.trim() || './dist',
  };
}

/** "/", "docs", "/docs" and "/docs/" all become "/docs/" (or "/"). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
