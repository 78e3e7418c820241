import type { EntryRef } from '../schemas/references.ts';
import { linkChanges } from './changes.ts';
import type {
  ChangeData,
  Event,
  EventData,
  Note,
  NoteData,
  Project,
  ProjectData,
  Recap,
  RecapData,
  Redirect,
  Site,
  Talk,
  TalkData,
  Theme,
  ThemeData,
} from './model.ts';
import { byName, byTitle, compareTalks, talksForProject } from './queries.ts';
import { slugify } from './slugs.ts';
import { paths } from './urls.ts';

/** An entry as a collection hands it over: id, file and the data its schema parsed. */
export interface RawEntry<Data> {
  id: string;
  filePath?: string;
  body?: string;
  data: Data;
}

export interface RawContent {
  talks: RawEntry<TalkData>[];
  themes: RawEntry<ThemeData>[];
  events: RawEntry<EventData>[];
  projects: RawEntry<ProjectData>[];
  recaps: RawEntry<RecapData>[];
  notes: RawEntry<NoteData>[];
  /** Changes since the talks (see lib/changes); a content folder may have none. */
  changes?: RawEntry<ChangeData>[];
}

export interface LinkOptions {
  /** Keep draft talks and themes (in `astro dev`); a production build leaves them out. */
  includeDrafts: boolean;
}

/** Every content problem found at once, each naming the file and the field. */
export class ContentError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The content has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; fix ${
        problems.length === 1 ? 'it' : 'them'
      } and build again:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/**
 * Links the collections into one model and checks what a schema cannot see on
 * its own: references that point nowhere, duplicate slugs and titles, empty
 * bodies, drafts referenced from published pages, themes no talk uses, talks
 * no recap has a note on, and comparisons with nothing or too much to compare.
 * Each step adds what it finds to one list; a ContentError lists them all.
 */
export function linkSite(raw: RawContent, options: LinkOptions): Site {
  const problems: string[] = [];
  const events = linkEvents(raw);
  const projects = linkProjects(raw, problems);
  const recaps = linkRecaps(raw, events, problems);
  const themes = linkThemes(raw, options);
  const talks = linkTalks(raw, { events, themes, projects, recaps }, options, problems);
  linkNotes(raw, recaps, talks, options, problems);
  linkPicks(raw, recaps, talks, problems);
  checkSources(talks, problems);
  linkStartHere(raw, themes, talks, problems);
  checkSlugsAndTitles(raw, talks, problems);
  const redirects = collectRedirects(talks, problems);
  listTalksEverywhere(talks, themes, problems);
  const changes = linkChanges(raw.changes ?? [], raw.talks, { talks, projects }, problems, { resolve, fileOf });
  if (problems.length) throw new ContentError(problems);

  for (const event of events.values()) {
    event.recaps = [...recaps.values()].filter((recap) => recap.event === event).sort(byTitle);
  }
  for (const group of [...themes.values(), ...events.values(), ...projects.values(), ...recaps.values()]) {
    group.talks.sort(compareTalks);
  }
  for (const project of projects.values()) project.allTalks = talksForProject(project);
  for (const talk of talks.values()) {
    talk.notes.sort((a, b) => a.recap.attribution.localeCompare(b.recap.attribution, 'en'));
    talk.recaps = talk.notes.map((note) => note.recap);
  }
  for (const recap of recaps.values()) {
    recap.notes.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareTalks(a.talk, b.talk));
    recap.talks = recap.notes.map((note) => note.talk);
  }
  return {
    talks: [...talks.values()].sort(compareTalks),
    themes: [...themes.values()].sort((a, b) => a.order - b.order || byTitle(a, b)),
    events: [...events.values()].sort((a, b) => b.start.localeCompare(a.start)),
    projects: [...projects.values()].sort(byName),
    recaps: [...recaps.values()].sort((a, b) => b.event.start.localeCompare(a.event.start) || byTitle(a, b)),
    redirects,
    changes,
  };
}

const fileOf = (entry: RawEntry<unknown>, collection: string) => entry.filePath ?? `content/${collection}/${entry.id}`;

/** Where a reference is written, for the message when it names nothing. */
interface RefSite {
  file: string;
  field: string;
  kind: string;
  folder: string;
}

/** The entry a reference names, or undefined with a problem saying which names exist. */
function resolve<T>(index: Map<string, T>, ref: EntryRef | undefined, where: RefSite, problems: string[]) {
  if (!ref) return undefined;
  const found = index.get(ref.id);
  if (!found) {
    const known = [...index.keys()].sort();
    problems.push(
      `${where.file}: field "${where.field}": there is no ${where.kind} "${ref.id}" (expected a file name in content/${where.folder}/${
        known.length ? `, one of: ${known.join(', ')}` : ''
      })`,
    );
  }
  return found;
}

function linkEvents(raw: RawContent): Map<string, Event> {
  return new Map(
    raw.events.map((entry) => [
      entry.id,
      { ...entry.data, id: entry.id, file: fileOf(entry, 'events'), talks: [], recaps: [] },
    ]),
  );
}

function linkProjects(raw: RawContent, problems: string[]): Map<string, Project> {
  const projects = new Map<string, Project>(
    raw.projects.map((entry) => {
      const { parent: _parent, ...data } = entry.data;
      const file = fileOf(entry, 'projects');
      return [entry.id, { ...data, id: entry.id, file, children: [], talks: [], allTalks: [], changes: [] }];
    }),
  );
  for (const entry of raw.projects) {
    const project = projects.get(entry.id)!;
    const where = { file: project.file, field: 'parent', kind: 'project', folder: 'projects' };
    const parent = resolve(projects, entry.data.parent, where, problems);
    if (parent === project) problems.push(`${project.file}: field "parent": a project cannot be its own parent`);
    else if (parent) {
      project.parent = parent;
      parent.children.push(project);
    }
  }
  return projects;
}

function linkRecaps(raw: RawContent, events: Map<string, Event>, problems: string[]): Map<string, Recap> {
  const recaps = new Map<string, Recap>();
  for (const entry of raw.recaps) {
    const file = fileOf(entry, 'recaps');
    const where = { file, field: 'event', kind: 'event', folder: 'events' };
    const event = resolve(events, entry.data.event, where, problems);
    const { picks: _picks, ...data } = entry.data;
    recaps.set(entry.id, { ...data, id: entry.id, file, event: event!, picks: [], notes: [], talks: [] });
  }
  return recaps;
}

function linkThemes(raw: RawContent, options: LinkOptions): Map<string, Theme> {
  const themes = new Map<string, Theme>();
  for (const entry of raw.themes) {
    if (entry.data.draft && !options.includeDrafts) continue;
    const { startHere: _startHere, ...data } = entry.data;
    themes.set(entry.id, { ...data, id: entry.id, file: fileOf(entry, 'themes'), startHere: [], talks: [] });
  }
  return themes;
}

interface Linked {
  events: Map<string, Event>;
  themes: Map<string, Theme>;
  projects: Map<string, Project>;
  recaps: Map<string, Recap>;
}

function linkTalks(raw: RawContent, linked: Linked, options: LinkOptions, problems: string[]): Map<string, Talk> {
  const draftThemes = new Set(raw.themes.filter((entry) => entry.data.draft).map((entry) => entry.id));
  const talks = new Map<string, Talk>();
  for (const entry of raw.talks) {
    const { slug: explicitSlug, event: eventRef, themes: themeRefs, projects: projectRefs, ...data } = entry.data;
    if (data.draft && !options.includeDrafts) continue;
    const file = fileOf(entry, 'talks');
    const where = (field: string, kind: string, folder: string) => ({ file, field, kind, folder });
    const event = resolve(linked.events, eventRef, where('event', 'event', 'events'), problems);
    const themes = themeRefs.flatMap((ref) => {
      if (!options.includeDrafts && draftThemes.has(ref.id)) {
        problems.push(`${file}: field "themes": theme "${ref.id}" is a draft; publish it or remove it from this talk`);
        return [];
      }
      return resolve(linked.themes, ref, where('themes', 'theme', 'themes'), problems) ?? [];
    });
    const projects = projectRefs.flatMap(
      (ref) => resolve(linked.projects, ref, where('projects', 'project', 'projects'), problems) ?? [],
    );
    if (!entry.body?.trim()) {
      problems.push(
        `${file}: the body is empty (expected the talk's write-up below the frontmatter, starting with "## What the talk covered")`,
      );
    }
    const slug = explicitSlug ?? slugify(data.title);
    if (!slug) problems.push(`${file}: field "title": "${data.title}" gives an empty slug; add a "slug" field`);
    talks.set(entry.id, {
      ...data,
      id: entry.id,
      file,
      slug,
      event: event!,
      themes,
      projects,
      notes: [],
      recaps: [],
      impacts: [],
    });
  }
  return talks;
}

/** Files each note under its recap (the folder it is in) and its talk, refusing a second note on one talk. */
function linkNotes(
  raw: RawContent,
  recaps: Map<string, Recap>,
  talks: Map<string, Talk>,
  options: LinkOptions,
  problems: string[],
) {
  const drafts = new Set(raw.talks.filter((entry) => entry.data.draft).map((entry) => entry.id));
  const seen = new Map<string, Note>();
  for (const entry of raw.notes) {
    const file = fileOf(entry, 'recaps');
    const recapId = entry.id.split('/')[0]!;
    const recap = recaps.get(recapId);
    if (!recap) {
      problems.push(
        `${file}: the folder content/recaps/${recapId}/ has no index.mdx, so this note belongs to no recap; add the recap's index.mdx (npm run new -- recap)`,
      );
      continue;
    }
    // A note on a draft stays out of a production build with its talk.
    if (drafts.has(entry.data.talk.id) && !talks.has(entry.data.talk.id)) continue;
    const where = { file, field: 'talk', kind: 'talk', folder: 'talks' };
    const talk = resolve(talks, entry.data.talk, where, problems);
    if (!talk) continue;
    if (recap.event && talk.event && recap.event !== talk.event) {
      problems.push(
        `${file}: field "talk": "${talk.id}" was given at ${talk.event.name}, but this recap (${recap.file}) reports on ${recap.event.name}`,
      );
      continue;
    }
    const empty = !entry.body?.trim();
    if (empty && !options.includeDrafts) {
      problems.push(
        `${file}: the note is empty; below its frontmatter, write what ${recap.attribution} saw, liked, recommended or doubted (an empty note shows in npm run dev only)`,
      );
      continue;
    }
    const { talk: _talk, ...data } = entry.data;
    const note: Note = { ...data, id: entry.id, file, recap, talk, empty };
    const key = `${recap.id} ${talk.id}`;
    const other = seen.get(key);
    if (other) {
      problems.push(
        `${file}: field "talk": ${other.file} is already this recap's note on "${talk.id}"; a recap has one note per talk, so merge them`,
      );
      continue;
    }
    seen.set(key, note);
    talk.notes.push(note);
    recap.notes.push(note);
  }
}

/** A recap's picks are talks it has a note on: a writer can only single out a talk they wrote about. */
function linkPicks(raw: RawContent, recaps: Map<string, Recap>, talks: Map<string, Talk>, problems: string[]) {
  const drafts = new Set(raw.talks.filter((entry) => entry.data.draft).map((entry) => entry.id));
  for (const entry of raw.recaps) {
    const recap = recaps.get(entry.id)!;
    recap.picks = entry.data.picks.flatMap((ref) => {
      // A pick of a draft stays out of a production build with the talk and its note.
      if (drafts.has(ref.id) && !talks.has(ref.id)) return [];
      const where = { file: recap.file, field: 'picks', kind: 'talk', folder: 'talks' };
      const talk = resolve(talks, ref, where, problems);
      if (!talk) return [];
      if (!recap.notes.some((note) => note.talk === talk)) {
        problems.push(
          `${recap.file}: field "picks": this recap has no note on "${ref.id}"; pick only talks it wrote about, or add the note first`,
        );
        return [];
      }
      return [talk];
    });
  }
}

/** Every published talk says where its facts come from, and compares its notes once there are two or more. */
function checkSources(talks: Map<string, Talk>, problems: string[]) {
  for (const talk of talks.values()) {
    const count = talk.notes.length;
    if (count === 1 && talk.comparison) {
      problems.push(
        `${talk.file}: field "comparison": only ${talk.notes[0]!.recap.attribution} has a note on this talk, so there is nothing to compare; remove "comparison"`,
      );
    }
    if (talk.draft) continue;
    if (count === 0) {
      problems.push(
        `${talk.file}: no recap has a note on this talk, and every talk page says where its facts come from; add one with npm run new -- note --recap <recap> --talk ${talk.slug}`,
      );
    } else if (count > 1 && !talk.comparison) {
      problems.push(
        `${talk.file}: field "comparison": ${count} recaps have notes on this talk (${talk.notes.map((n) => n.file).join(', ')}); add "comparison" saying where they agree and differ`,
      );
    }
  }
}

function linkStartHere(raw: RawContent, themes: Map<string, Theme>, talks: Map<string, Talk>, problems: string[]) {
  const draftTalks = new Set(raw.talks.filter((entry) => entry.data.draft).map((entry) => entry.id));
  for (const entry of raw.themes) {
    const theme = themes.get(entry.id);
    if (!theme) continue;
    theme.startHere = entry.data.startHere.flatMap((ref) => {
      if (draftTalks.has(ref.id) && !talks.has(ref.id)) {
        problems.push(
          `${theme.file}: field "startHere": talk "${ref.id}" is a draft; publish it or remove it from this list`,
        );
        return [];
      }
      const where = { file: theme.file, field: 'startHere', kind: 'talk', folder: 'talks' };
      return resolve(talks, ref, where, problems) ?? [];
    });
  }
}

function checkSlugsAndTitles(raw: RawContent, talks: Map<string, Talk>, problems: string[]) {
  const explicitSlugs = new Set(raw.talks.filter((entry) => entry.data.slug).map((entry) => entry.id));
  const list = [...talks.values()];
  checkUnique(
    list,
    (talk) => talk.slug,
    (talk, other) =>
      `${talk.file}: field "${explicitSlugs.has(talk.id) ? 'slug' : 'title'}": slug "${talk.slug}" is also used by ${other.file}; every talk needs its own URL, so set a different "slug" in one of them`,
    problems,
  );
  checkUnique(
    list,
    (talk) => `${talk.event?.id} ${talk.title.toLowerCase()}`,
    (talk, other) =>
      `${talk.file}: field "title": "${talk.title}" is also the title of ${other.file} at the same event`,
    problems,
  );
}

function collectRedirects(talks: Map<string, Talk>, problems: string[]): Redirect[] {
  const live = new Set([...talks.values()].map((talk) => talk.slug));
  const redirects = new Map<string, Redirect>();
  for (const talk of talks.values()) {
    for (const old of talk.redirectFrom) {
      const taken = redirects.get(old);
      if (live.has(old)) {
        problems.push(
          `${talk.file}: field "redirectFrom": "${old}" is the slug of a published talk, so it cannot redirect`,
        );
      } else if (taken) {
        problems.push(
          `${talk.file}: field "redirectFrom": "${old}" already redirects to /${paths.talk(taken.to.slug)}`,
        );
      } else redirects.set(old, { from: old, to: talk });
    }
  }
  return [...redirects.values()];
}

/** Lists each talk on its event, themes, projects and recaps, and refuses a theme no talk lists. */
function listTalksEverywhere(talks: Map<string, Talk>, themes: Map<string, Theme>, problems: string[]) {
  for (const talk of talks.values()) {
    talk.event?.talks.push(talk);
    for (const theme of talk.themes) theme.talks.push(talk);
    for (const project of talk.projects) project.talks.push(talk);
  }
  for (const theme of themes.values()) {
    // A draft theme has no talks while it is written.
    if (theme.talks.length === 0 && !theme.draft) {
      problems.push(
        `${theme.file}: no talk lists this theme; add "${theme.id}" to the "themes" of at least one talk, or delete the theme`,
      );
    }
  }
}

function checkUnique<T>(
  items: T[],
  key: (item: T) => string,
  message: (item: T, first: T) => string,
  problems: string[],
) {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first) problems.push(message(item, first));
    else seen.set(k, item);
  }
}
