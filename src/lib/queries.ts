import { projectCategories, type ProjectCategory } from '../schemas/project.ts';
import type { Event, Note, Project, Recap, Talk, Theme } from './model.ts';

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

/** A talk the recaps singled out, with the recaps that picked it (the home page's "Start here"). */
export interface PickedTalk {
  talk: Talk;
  /** The notes of the recaps that picked it: their verdicts say why. */
  notes: Note[];
}

/**
 * The talks the recaps praised most: those picked by the most recaps first, then those the most recaps wrote
 * about, then the newest event first, so a newer event is not crowded out by an older, better-covered one.
 */
export function mostPraised(recaps: Recap[], limit: number): PickedTalk[] {
  const picked = new Map<Talk, Note[]>();
  for (const recap of recaps) {
    for (const talk of recap.picks) {
      const note = talk.notes.find((n) => n.recap === recap)!;
      picked.set(talk, [...(picked.get(talk) ?? []), note]);
    }
  }
  return [...picked]
    .map(([talk, notes]) => ({ talk, notes }))
    .sort(
      (a, b) =>
        b.notes.length - a.notes.length || b.talk.notes.length - a.talk.notes.length || compareTalks(a.talk, b.talk),
    )
    .slice(0, limit);
}

/** Projects by category, in the categories' order, each group by name; empty categories left out. */
export function projectsByCategory(projects: Project[]): Map<ProjectCategory, Project[]> {
  const groups = groupBy([...projects].sort(byName), (project) => [project.category]);
  return new Map(projectCategories.filter((c) => groups.has(c)).map((c) => [c, groups.get(c)!]));
}

/** Projects by the letter their name starts with, A–Z (digits and other marks under "#"). */
export function projectsByInitial(projects: Project[]): Map<string, Project[]> {
  const letter = (project: Project) => {
    const first = project.name.normalize('NFD')[0]!.toUpperCase();
    return /[A-Z]/.test(first) ? first : '#';
  };
  const groups = groupBy([...projects].sort(byName), (project) => [letter(project)]);
  return new Map([...groups].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b))));
}

/** An event's themes with how many of its talks each has, most talks first (then in theme order). */
export function themeCounts(event: Event, themes: Theme[]): { theme: Theme; count: number }[] {
  return [...talksByTheme(event.talks, themes)]
    .map(([theme, talks]) => ({ theme, count: talks.length }))
    .sort((a, b) => b.count - a.count);
}
