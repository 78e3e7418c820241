/** Site-relative paths of every page kind; join with the base path through href(). */
export const paths = {
  home: () => '',
  talks: () => 'talks/',
  talk: (slug: string) => `talks/${slug}/`,
  themes: () => 'themes/',
  theme: (id: string) => `themes/${id}/`,
  events: () => 'events/',
  event: (id: string) => `events/${id}/`,
  projects: () => 'projects/',
  project: (id: string) => `projects/${id}/`,
  recaps: () => 'recaps/',
  recap: (id: string) => `recaps/${id}/`,
  search: () => 'search/',
  changes: () => 'changes/',
  change: (id: string) => `changes/${id}/`,
};

/** Joins a base path ("/" or "/sub/") and a site-relative path ("talks/x/" or "/talks/x/"). */
export function joinBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** An absolute URL for a site-relative path, for canonical links, cards and feeds. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(joinBase(base, path), site).href;
}
