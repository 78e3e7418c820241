import type { ProjectCategory } from '../schemas/project.ts';
import type { Event, Speaker, Talk } from './model.ts';

/** "Thomas Graf (Isovalent)", "Jetstack", "Kyle" */
export function speakerLabel(speaker: Speaker): string {
  if (speaker.name && speaker.affiliation) return `${speaker.name} (${speaker.affiliation})`;
  return speaker.name ?? speaker.affiliation ?? '';
}

/** A list in prose: "A", "A and B", "A, B and C". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Speakers in one line, or an empty string when the recaps name none. */
export function speakersLine(speakers: Speaker[]): string {
  return joinList(speakers.map(speakerLabel));
}

/** "1 talk", "3 talks" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How each session format reads in headers and search facets. */
export const formatLabels: Record<Talk['format'], string> = {
  keynote: 'Keynote',
  talk: 'Talk',
  tutorial: 'Tutorial',
  panel: 'Panel',
  lightning: 'Lightning talk',
  'co-located': 'Co-located event',
};

/** Where an event was: "Virtual", or the venue and city the data gives. */
export function eventPlace(event: Pick<Event, 'location' | 'venue'>): string {
  return event.location === 'virtual' ? 'Virtual' : [event.venue, event.location].filter(Boolean).join(', ');
}

/** How each project category reads as a heading on the projects index. */
export const categoryLabels: Record<ProjectCategory, string> = {
  platform: 'Clusters and platforms',
  runtime: 'Runtimes and nodes',
  networking: 'Networking and service mesh',
  observability: 'Observability',
  delivery: 'Build and delivery',
  security: 'Security and policy',
  scaling: 'Autoscaling',
  application: 'Application frameworks',
};

/**
 * A search for a talk's title on the CNCF's YouTube channel, where the conference's recordings are published.
 * It is a search, not a link to the recording: the site has no confirmed address for any video.
 */
export function recordingSearchUrl(talk: Pick<Talk, 'title'>): string {
  return `https://www.youtube.com/@cncf/search?query=${encodeURIComponent(talk.title)}`;
}

/** Whether a search for the recording can help: a real title, given at the conference itself. */
export function hasRecordingSearch(talk: Pick<Talk, 'untitled' | 'format'>): boolean {
  // An untitled session's heading describes it, and co-located events (AWS Container Days) were not CNCF sessions.
  return !talk.untitled && talk.format !== 'co-located';
}

/** The host of an address, for a link that says where it goes: "hugomartins.io". */
export function hostOf(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}
