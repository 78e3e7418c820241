import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { firstPublished, loadSite } from '../lib/content.ts';
import { speakersLine } from '../lib/format.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';

/**
 * Every talk, newest event first, then every recorded change, newest first. The recaps give no talk dates, so a
 * talk's item is dated when its page was first published: the first commit of its file (none for a file not
 * committed yet); a change's item is dated the day it was recorded (or last checked).
 */
export const GET: APIRoute = async ({ site }) => {
  const { talks, changes } = await loadSite();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: 'KubeCon Recaps: talks and what changed since',
    description:
      'Every KubeCon + CloudNativeCon talk our platform team wrote up, with what the recaps said, and each change in the projects since.',
    site: absoluteUrl(site!.href, base, ''),
    items: [
      ...talks.map((talk) => {
        const published = firstPublished(talk.file);
        return {
          title: talk.title,
          link: absoluteUrl(site!.href, base, paths.talk(talk.slug)),
          pubDate: published ? new Date(published) : undefined,
          description: [talk.summary, speakersLine(talk.speakers), talk.event.name].filter(Boolean).join(' · '),
          categories: talk.themes.map((theme) => theme.title),
        };
      }),
      ...changes.map((change) => ({
        title: `Since the talks: ${change.title}`,
        link: absoluteUrl(site!.href, base, paths.change(change.id)),
        pubDate: new Date(`${change.checked}T00:00:00Z`),
        description: change.summary,
        categories: ['Change since the talks', ...change.projects.map((project) => project.name)],
      })),
    ],
    customData: '<language>en</language>',
  });
};
