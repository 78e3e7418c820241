import type { Talk, Theme } from './model';

/**
 * Talks to read next: those sharing the most themes and projects with this one
 * (a shared theme counts twice a shared project), then the same event, then by
 * title. Talks sharing nothing are never suggested.
 */
export function relatedTalks(talk: Talk, all: Talk[], limit = 3): Talk[] {
  const themes = new Set(talk.themes);
  const projects = new Set(talk.projects);
  return all
    .filter((other) => other !== talk)
    .map((other) => ({
      other,
      score:
        2 * other.themes.filter((theme) => themes.has(theme)).length +
        other.projects.filter((project) => projects.has(project)).length,
    }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.other.event === talk.event) - Number(a.other.event === talk.event) ||
        a.other.title.localeCompare(b.other.title, 'en'),
    )
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The talks before and after this one in a theme's list. */
export function themeNeighbours(talk: Talk, theme: Theme): { previous?: Talk; next?: Talk } {
  const index = theme.talks.indexOf(talk);
  if (index === -1) return {};
  return { previous: theme.talks[index - 1], next: theme.talks[index + 1] };
}
