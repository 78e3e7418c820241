import { formatLabels, speakersLine } from './format';
import type { Event, Project, Recap, Talk, Theme } from './model';

/** The kinds of page search finds, as results and the "type" filter name them. */
export const pageTypes = { talk: 'Talk', theme: 'Theme', event: 'Event', project: 'Project', recap: 'Recap' } as const;

/** What Pagefind records for each kind of page: the facets, result metadata and sort keys. */
export interface SearchData {
  filters: Record<string, string[]>;
  meta: Record<string, string | undefined>;
  sort: Record<string, string>;
}

export function talkSearchData(talk: Talk): SearchData {
  return {
    filters: {
      type: [pageTypes.talk],
      theme: talk.themes.map((theme) => theme.title),
      event: [talk.event.shortName],
      project: talk.projects.map((project) => project.name),
      format: [formatLabels[talk.format]],
    },
    meta: {
      type: pageTypes.talk,
      event: talk.event.shortName,
      speakers: speakersLine(talk.speakers) || undefined,
      themes: talk.themes.map((theme) => theme.title).join(' · '),
      projects: talk.projects.map((project) => project.name).join(', ') || undefined,
    },
    sort: { date: talk.event.start },
  };
}

export function themeSearchData(theme: Theme): SearchData {
  return {
    filters: { type: [pageTypes.theme] },
    meta: { type: pageTypes.theme },
    sort: { date: theme.talks[0]?.event.start ?? '' },
  };
}

export function eventSearchData(event: Event): SearchData {
  return {
    filters: { type: [pageTypes.event], event: [event.shortName] },
    meta: { type: pageTypes.event },
    sort: { date: event.start },
  };
}

export function projectSearchData(project: Project): SearchData {
  return {
    filters: { type: [pageTypes.project], project: [project.name] },
    meta: { type: pageTypes.project },
    sort: { date: project.allTalks[0]?.event.start ?? '' },
  };
}

export function recapSearchData(recap: Recap): SearchData {
  return {
    filters: { type: [pageTypes.recap], event: [recap.event.shortName] },
    meta: { type: pageTypes.recap, event: recap.event.shortName },
    sort: { date: recap.event.start },
  };
}
