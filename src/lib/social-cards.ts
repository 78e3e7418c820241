import { formatDateRange } from './dates';
import { plural, speakersLine } from './format';
import type { Site, Talk, Theme } from './model';

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
  ];
}
