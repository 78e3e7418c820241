import { formatDateRange } from './dates.ts';
import { categoryLabels, eventPlace, plural, speakersLine } from './format.ts';
import type { Event, Project, Site, Talk, Theme } from './model.ts';
import { groupBy } from './queries.ts';

/** What a social card shows; drawn into a 1200×630 image by integrations/social-cards. */
export interface SocialCard {
  /** Small line above the title, e.g. the event. */
  eyebrow: string;
  title: string;
  /** One line under the title: speakers, or a talk count. */
  byline: string;
  /** Theme names, shown as chips. */
  chips: string[];
}

export function talkSocialCard(talk: Talk): SocialCard {
  return {
    eyebrow: `${talk.event.name} · ${formatDateRange(talk.event.start, talk.event.end)}`,
    title: talk.title,
    byline: speakersLine(talk.speakers) || (talk.untitled ? 'Untitled session' : 'Speakers not named in the recaps'),
    chips: talk.themes.map((theme) => theme.title),
  };
}

export function themeSocialCard(theme: Theme): SocialCard {
  const events = [...new Set(theme.talks.map((talk) => talk.event.shortName))];
  return {
    eyebrow: 'Theme recap',
    title: theme.title,
    byline: `${plural(theme.talks.length, 'talk')} · ${events.join(' and ')}`,
    chips: [theme.description],
  };
}

/** The themes most of these talks share, most first, for a card's chips. */
function topThemes(talks: Talk[], count: number): string[] {
  return [...groupBy(talks, (talk) => talk.themes)]
    .sort(([, a], [, b]) => b.length - a.length)
    .slice(0, count)
    .map(([theme]) => theme.title);
}

export function projectSocialCard(project: Project): SocialCard {
  const events = [...new Set(project.allTalks.map((talk) => talk.event.shortName))];
  return {
    eyebrow: `Project · ${categoryLabels[project.category]}`,
    title: project.name,
    byline: [plural(project.allTalks.length, 'talk'), events.join(' and ')].filter(Boolean).join(' · '),
    chips: topThemes(project.allTalks, 3),
  };
}

export function eventSocialCard(event: Event): SocialCard {
  return {
    eyebrow: `${eventPlace(event)} · ${formatDateRange(event.start, event.end)}`,
    title: event.name,
    byline: `${plural(event.talks.length, 'talk')} · ${plural(event.recaps.length, 'attendee recap')}`,
    chips: topThemes(event.talks, 4),
  };
}

export const siteSocialCard: SocialCard = {
  eyebrow: 'KubeCon + CloudNativeCon',
  title: 'What our platform team learned, talk by talk',
  byline: 'Theme recaps, talk pages and search',
  chips: [],
};

/** Where a page's card image is served, relative to the base path. */
export const socialCardPaths = {
  talk: (slug: string) => `og/talks/${slug}.png`,
  theme: (id: string) => `og/themes/${id}.png`,
  project: (id: string) => `og/projects/${id}.png`,
  event: (id: string) => `og/events/${id}.png`,
  site: () => 'og/site.png',
};

export const socialCardSize = { width: 1200, height: 630 } as const;

/** A card and where it is published, relative to the base path. */
export interface SocialCardEntry {
  path: string;
  card: SocialCard;
}

/** Every card the site publishes. */
export function allSocialCards(site: Site): SocialCardEntry[] {
  return [
    { path: socialCardPaths.site(), card: siteSocialCard },
    ...site.talks.map((talk) => ({ path: socialCardPaths.talk(talk.slug), card: talkSocialCard(talk) })),
    ...site.themes.map((theme) => ({ path: socialCardPaths.theme(theme.id), card: themeSocialCard(theme) })),
    ...site.projects.map((project) => ({
      path: socialCardPaths.project(project.id),
      card: projectSocialCard(project),
    })),
    ...site.events.map((event) => ({ path: socialCardPaths.event(event.id), card: eventSocialCard(event) })),
  ];
}
