import type { Talk, Theme } from './model.ts';

const collator = new Intl.Collator('en');

/**
 * What relatedTalks needs about a list of talks, worked out once per list rather
 * than once per page (a list is never changed once the site is built).
 */
interface TalkIndex {
  position: Map<Talk, number>;
  /** Each talk's place in title order (ties keep list order, as a stable sort would). */
  titleRank: Int32Array;
  withTheme: Map<Talk['themes'][number], number[]>;
  withProject: Map<Talk['projects'][number], number[]>;
  /** Scratch scores, zeroed again after each use. */
  score: Int32Array;
}
const indexes = new WeakMap<readonly Talk[], TalkIndex>();

function talkIndex(all: readonly Talk[]): TalkIndex {
  let index = indexes.get(all);
  if (index) return index;
  const byTitle = all.map((_, i) => i).sort((a, b) => collator.compare(all[a]!.title, all[b]!.title) || a - b);
  const titleRank = new Int32Array(all.length);
  byTitle.forEach((talk, rank) => (titleRank[talk] = rank));
  const withTheme: TalkIndex['withTheme'] = new Map();
  const withProject: TalkIndex['withProject'] = new Map();
  const add = <Key>(lists: Map<Key, number[]>, key: Key, i: number) => {
    const list = lists.get(key);
    if (list) list.push(i);
    else lists.set(key, [i]);
  };
  all.forEach((talk, i) => {
    for (const theme of talk.themes) add(withTheme, theme, i);
    for (const project of talk.projects) add(withProject, project, i);
  });
  index = {
    position: new Map(all.map((talk, i) => [talk, i])),
    titleRank,
    withTheme,
    withProject,
    score: new Int32Array(all.length),
  };
  indexes.set(all, index);
  return index;
}

/**
 * Talks to read next: those sharing the most themes and projects with this one
 * (a shared theme counts twice a shared project), then the same event, then by
 * title. Talks sharing nothing are never suggested.
 *
 * Runs once per talk page, so it only looks at the talks that share a theme or
 * project (found through lists built once for all pages) and keeps the best few
 * in one pass: comparing every pair of talks made large sites slow.
 */
export function relatedTalks(talk: Talk, all: readonly Talk[], limit = 3): Talk[] {
  const { position, titleRank, withTheme, withProject, score } = talkIndex(all);
  const self = position.get(talk);
  const touched: number[] = [];
  const credit = (talks: number[] | undefined, points: number) => {
    for (const i of talks ?? []) {
      if (score[i] === 0) touched.push(i);
      score[i] = score[i]! + points;
    }
  };
  for (const theme of new Set(talk.themes)) credit(withTheme.get(theme), 2);
  for (const project of new Set(talk.projects)) credit(withProject.get(project), 1);

  // a before b: higher score, then the same event, then title order.
  const sameEvent = (i: number) => Number(all[i]!.event === talk.event);
  const before = (a: number, b: number) =>
    score[b]! - score[a]! || sameEvent(b) - sameEvent(a) || titleRank[a]! - titleRank[b]!;
  const best: number[] = [];
  for (const i of touched) {
    if (i === self) continue;
    if (best.length === limit && before(i, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1]!) < 0) at--;
    best.splice(at, 0, i);
    if (best.length > limit) best.pop();
  }
  for (const i of touched) score[i] = 0;
  return best.map((i) => all[i]!);
}

/** The talks before and after this one in a theme's list. */
export function themeNeighbours(talk: Talk, theme: Theme): { previous?: Talk; next?: Talk } {
  const index = theme.talks.indexOf(talk);
  if (index === -1) return {};
  return { previous: theme.talks[index - 1], next: theme.talks[index + 1] };
}
