import type { Event, Project, Talk, Theme } from './model';

export const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'en');
export const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/** Newest event first, then by title: the order talk lists use everywhere. */
export function compareTalks(a: Talk, b: Talk): number {
  return b.event.start.localeCompare(a.event.start) || byTitle(a, b);
}

/** The theme a talk is filed under in breadcrumbs and "more in this theme": the first it lists. */
export function mainTheme(talk: Talk): Theme {
  return talk.themes[0]!;
}

/** A project's own talks and those of its sub-projects, in talk order. */
export function talksForProject(project: Project): Talk[] {
  const all = new Set<Talk>(project.talks);
  for (const child of project.children) for (const talk of talksForProject(child)) all.add(talk);
  return [...all].sort(compareTalks);
}

/** Groups items by a key, keeping the order in which groups first appear. */
export function groupBy<K, T>(items: T[], keysOf: (item: T) => K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** A theme's talks grouped by event, newest event first. */
export function talksByEvent(talks: Talk[]): Map<Event, Talk[]> {
  return groupBy(talks, (talk) => [talk.event]);
}

/** An event's talks grouped by theme, in theme order; a talk appears under each of its themes. */
export function talksByTheme(talks: Talk[], themes: Theme[]): Map<Theme, Talk[]> {
  const groups = groupBy(talks, (talk) => talk.themes);
  return new Map(themes.filter((theme) => groups.has(theme)).map((theme) => [theme, groups.get(theme)!]));
}
