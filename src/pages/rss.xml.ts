import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { firstPublished, loadSite } from '../lib/content';
import { speakersLine } from '../lib/format';
import { absoluteUrl, paths } from '../lib/urls';

/**
 * Every talk, newest event first. The recaps give no talk dates, so each item is dated when its page was first
 * published: the first commit of its file (none for a file not committed yet).
 */
export const GET: APIRoute = async ({ site }) => {
  const { talks } = await loadSite();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: 'KubeCon Recaps: talks',
    description: 'Every KubeCon + CloudNativeCon talk our platform team wrote up, with what the recaps said.',
    site: absoluteUrl(site!.href, base, ''),
    items: talks.map((talk) => {
      const published = firstPublished(talk.file);
      return {
        title: talk.title,
        link: absoluteUrl(site!.href, base, paths.talk(talk.slug)),
        pubDate: published ? new Date(published) : undefined,
        description: [talk.summary, speakersLine(talk.speakers), talk.event.name].filter(Boolean).join(' · '),
        categories: talk.themes.map((theme) => theme.title),
      };
    }),
    customData: '<language>en</language>',
  });
};
