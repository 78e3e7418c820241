import { formatLabels, speakersLine } from './format';
import type { Event, Project, Talk, Theme } from './model';

/** What Pagefind records for each kind of page: the facets, result metadata and sort keys. */
export interface SearchData {
  filters: Record<string, string[]>;
  meta: Record<string, string | undefined>;
  sort: Record<string, string>;
}

export function talkSearchData(talk: Talk): SearchData {
  return {
    filters: {
      type: ['Talk'],
      theme: talk.themes.map((theme) => theme.title),
      event: [talk.event.shortName],
      project: talk.projects.map((project) => project.name),
      format: [formatLabels[talk.format]],
    },
    meta: {
      type: 'Talk',
      event: talk.event.shortName,
      speakers: speakersLine(talk.speakers) || undefined,
      themes: talk.themes.map((theme) => theme.title).join(' · '),
      projects: talk.projects.map((project) => project.name).join(', ') || undefined,
    },
    sort: { date: talk.event.start },
  };
}

export function themeSearchData(theme: Theme): SearchData {
  return { filters: { type: ['Theme'] }, meta: { type: 'Theme' }, sort: { date: theme.talks[0]?.event.start ?? '' } };
}

export function eventSearchData(event: Event): SearchData {
  return {
    filters: { type: ['Event'], event: [event.shortName] },
    meta: { type: 'Event' },
    sort: { date: event.start },
  };
}

export function projectSearchData(project: Project): SearchData {
  return {
    filters: { type: ['Project'], project: [project.name] },
    meta: { type: 'Project' },
    sort: { date: project.talks[0]?.event.start ?? '' },
  };
}
