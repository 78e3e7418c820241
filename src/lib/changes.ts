/**
 * Changes in the world since the talks: linking them to the talks and projects they concern, and the
 * views pages make of them (a talk's "Since this talk", a theme's "Since then", a project's timeline).
 */
import { verdicts, type Verdict } from '../schemas/change.ts';
import type { EntryRef } from '../schemas/references.ts';
import type { Change, ChangeData, Event, Impact, Project, Talk, TalkData, Theme } from './model.ts';
import { byTitle, compareTalks } from './queries.ts';
import type { RawEntry } from './site.ts';

/** How a verdict reads on a page, always as our judgement. */
export const verdictLabels: Record<Verdict, string> = {
  holds: 'Still holds',
  partly: 'Partly holds',
  superseded: 'Superseded',
};

/** Newest first, then by title: the order change lists use everywhere. */
export function compareChanges(a: Pick<Change, 'date' | 'title'>, b: Pick<Change, 'date' | 'title'>): number {
  return b.date.localeCompare(a.date) || byTitle(a, b);
}

/** The most serious of some verdicts (superseded over partly over holds), or undefined when there are none. */
export function worstVerdict(impacts: { verdict: Verdict }[]): Verdict | undefined {
  return impacts.reduce<Verdict | undefined>(
    (worst, { verdict }) => (!worst || verdicts.indexOf(verdict) > verdicts.indexOf(worst) ? verdict : worst),
    undefined,
  );
}

/**
 * A talk body marks a takeaway that a change supersedes with `<Superseded change="id" />` at the start of
 * the list item; these are the ids it names, in order.
 */
export function supersededMarks(body: string): string[] {
  return [...body.matchAll(/<Superseded\s+change=["']([^"']*)["']\s*\/>/g)].map((match) => match[1]!);
}

/** What linkChanges needs from linkSite: its way of resolving references, so the messages read the same. */
export interface LinkHelpers {
  resolve: <T>(
    index: Map<string, T>,
    ref: EntryRef | undefined,
    where: { file: string; field: string; kind: string; folder: string },
    problems: string[],
  ) => T | undefined;
  fileOf: (entry: RawEntry<unknown>, collection: string) => string;
}

/**
 * Links each change to its projects and talks, and each talk and project back to its changes, all sorted.
 * A talk that is a draft (left out of a production build) is skipped, not refused. Also checks the
 * `<Superseded>` marks in talk bodies: each must name a change that lists the talk with a verdict other
 * than "holds".
 */
export function linkChanges(
  entries: RawEntry<ChangeData>[],
  talkEntries: RawEntry<TalkData>[],
  linked: { talks: Map<string, Talk>; projects: Map<string, Project> },
  problems: string[],
  { resolve, fileOf }: LinkHelpers,
): Change[] {
  const drafts = new Set(talkEntries.filter((entry) => entry.data.draft).map((entry) => entry.id));
  const changes = new Map<string, Change>();
  for (const entry of entries) {
    const { projects: projectRefs, talks: impactData, ...data } = entry.data;
    const file = fileOf(entry, 'changes');
    const projects = projectRefs.flatMap(
      (ref) =>
        resolve(linked.projects, ref, { file, field: 'projects', kind: 'project', folder: 'projects' }, problems) ?? [],
    );
    const change: Change = { ...data, id: entry.id, file, projects, impacts: [] };
    impactData.forEach(({ talk: ref, ...judgement }, i) => {
      if (drafts.has(ref.id) && !linked.talks.has(ref.id)) return;
      const where = { file, field: `talks[${i}].talk`, kind: 'talk', folder: 'talks' };
      const talk = resolve(linked.talks, ref, where, problems);
      if (talk) change.impacts.push({ ...judgement, change, talk });
    });
    changes.set(entry.id, change);
  }

  for (const change of changes.values()) {
    change.impacts.sort((a, b) => compareTalks(a.talk, b.talk));
    for (const impact of change.impacts) impact.talk.impacts.push(impact);
    for (const project of change.projects) project.changes.push(change);
  }
  for (const talk of linked.talks.values()) talk.impacts.sort((a, b) => compareChanges(a.change, b.change));
  for (const project of linked.projects.values()) project.changes.sort(compareChanges);

  for (const entry of talkEntries) {
    const talk = linked.talks.get(entry.id);
    if (!talk) continue;
    for (const id of supersededMarks(entry.body ?? '')) {
      const mark = `<Superseded change="${id}" />`;
      const change = changes.get(id);
      const impact = change?.impacts.find((candidate) => candidate.talk === talk);
      if (!change) {
        const known = [...changes.keys()].sort().join(', ');
        problems.push(
          `${talk.file}: ${mark}: there is no change "${id}" (expected a file name in content/changes/${known ? `, one of: ${known}` : ''})`,
        );
      } else if (!impact) {
        problems.push(
          `${talk.file}: ${mark}: ${change.file} does not list this talk in its "talks"; add it there with a verdict`,
        );
      } else if (impact.verdict === 'holds') {
        problems.push(
          `${talk.file}: ${mark}: marks a takeaway superseded, but ${change.file} says the talk still holds; change one of them`,
        );
      }
    }
  }
  return [...changes.values()].sort(compareChanges);
}

/** Our overall judgement of a talk: the most serious verdict of the changes that affect it. */
export function talkVerdict(talk: Talk): Verdict | undefined {
  return worstVerdict(talk.impacts);
}

/** A change as a theme's "Since then" shows it: the theme's talks it affects and the worst verdict among them. */
export interface ThemeChange {
  change: Change;
  impacts: Impact[];
  verdict: Verdict;
}

/** The changes that affect a theme's talks, newest first. */
export function themeChanges(theme: Theme): ThemeChange[] {
  const inTheme = new Set(theme.talks);
  const byChange = new Map<Change, Impact[]>();
  for (const talk of theme.talks) {
    for (const impact of talk.impacts) {
      if (!inTheme.has(impact.talk)) continue;
      byChange.set(impact.change, [...(byChange.get(impact.change) ?? []), impact]);
    }
  }
  return [...byChange]
    .map(([change, impacts]) => ({ change, impacts, verdict: worstVerdict(impacts)! }))
    .sort((a, b) => compareChanges(a.change, b.change));
}

/** One step of a project's story: the talks at one event, or one recorded change. */
export type TimelineEntry =
  { kind: 'event'; date: string; event: Event; talks: Talk[] } | { kind: 'change'; date: string; change: Change };

/** A project and all its sub-projects, parent first. */
export function projectFamily(project: Project): Project[] {
  return [project, ...project.children.flatMap(projectFamily)];
}

/**
 * A project's story in date order, oldest first, its sub-projects included: the talks that covered it at
 * each event, interleaved with the changes recorded for it. On the same date an event comes first.
 */
export function projectTimeline(project: Project): TimelineEntry[] {
  const events = new Map<Event, Talk[]>();
  for (const talk of project.allTalks) events.set(talk.event, [...(events.get(talk.event) ?? []), talk]);
  const changes = new Set(projectFamily(project).flatMap((member) => member.changes));
  const entries: TimelineEntry[] = [
    ...[...events].map(([event, talks]) => ({ kind: 'event' as const, date: event.start, event, talks })),
    ...[...changes].map((change) => ({ kind: 'change' as const, date: change.date, change })),
  ];
  const rank = (entry: TimelineEntry) => (entry.kind === 'event' ? 0 : 1);
  const title = (entry: TimelineEntry) => (entry.kind === 'event' ? entry.event.name : entry.change.title);
  return entries.sort(
    (a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b) || title(a).localeCompare(title(b), 'en'),
  );
}
