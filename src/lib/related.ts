import type { Talk, Theme } from './model';

const collator = new Intl.Collator('en');

/**
 * Talks to read next: those sharing the most themes and projects with this one
 * (a shared theme counts twice a shared project), then the same event, then by
 * title. Talks sharing nothing are never suggested.
 *
 * Runs once per talk page, so it keeps the best few in one pass rather than
 * sorting every other talk: a full sort made large sites quadratic in practice.
 */
export function relatedTalks(talk: Talk, all: Talk[], limit = 3): Talk[] {
  const themes = new Set(talk.themes);
  const projects = new Set(talk.projects);
  const before = (a: Scored, b: Scored) =>
    b.score - a.score ||
    Number(b.other.event === talk.event) - Number(a.other.event === talk.event) ||
    collator.compare(a.other.title, b.other.title);
  const best: Scored[] = [];
  for (const other of all) {
    if (other === talk) continue;
    let score = 0;
    for (const theme of other.themes) if (themes.has(theme)) score += 2;
    for (const project of other.projects) if (projects.has(project)) score += 1;
    if (score === 0) continue;
    const candidate = { other, score };
    if (best.length === limit && before(candidate, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => other);
}

interface Scored {
  other: Talk;
  score: number;
}

/** The talks before and after this one in a theme's list. */
export function themeNeighbours(talk: Talk, theme: Theme): { previous?: Talk; next?: Talk } {
  const index = theme.talks.indexOf(talk);
  if (index === -1) return {};
  return { previous: theme.talks[index - 1], next: theme.talks[index + 1] };
}
