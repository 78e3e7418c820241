import type { Event, Speaker, Talk } from './model';

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
