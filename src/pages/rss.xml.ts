import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../lib/content';
import { speakersLine } from '../lib/format';
import { absoluteUrl, paths } from '../lib/urls';

/**
 * Every talk, newest event first, then every recorded change, newest first. The recaps give no talk
 * dates, so talk items carry none; a change's item is dated the day it was recorded (or last checked).
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
      ...talks.map((talk) => ({
        title: talk.title,
        link: absoluteUrl(site!.href, base, paths.talk(talk.slug)),
        description: [talk.summary, speakersLine(talk.speakers), talk.event.name].filter(Boolean).join(' · '),
        categories: talk.themes.map((theme) => theme.title),
      })),
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
