import type { TalkFormat } from '../schemas/talk';
import type { Event, Project, Recap, Site, Speaker, Talk, Theme } from './model';
import { slugify } from './slugs';
import { paths } from './urls';

/** A reference as Astro's reference() resolves it. */
export interface Ref {
  id: string;
  collection?: string;
}

/** An entry as a collection hands it over: id, file and parsed frontmatter or data. */
export interface RawEntry<Data> {
  id: string;
  filePath?: string;
  body?: string;
  data: Data;
}

export interface RawContent {
  talks: RawEntry<{
    title: string;
    untitled: boolean;
    event: Ref;
    speakers: Speaker[];
    format: TalkFormat;
    themes: Ref[];
    projects: Ref[];
    recaps: Ref[];
    summary: string;
    slug?: string;
    redirectFrom: string[];
    draft: boolean;
  }>[];
  themes: RawEntry<{ title: string; description: string; order: number; startHere: Ref[]; draft: boolean }>[];
  events: RawEntry<Omit<Event, 'id' | 'file' | 'talks'>>[];
  projects: RawEntry<{ name: string; description: string; homepage?: string; parent?: Ref; aliases: string[] }>[];
  recaps: RawEntry<Omit<Recap, 'id' | 'file' | 'talks' | 'event'> & { event: Ref }>[];
}

export interface BuildOptions {
  /** Keep draft talks and themes (in `astro dev`); a production build leaves them out. */
  includeDrafts: boolean;
}

/** Every content problem found at once, each naming the file and the field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The content has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; fix ${
        problems.length === 1 ? 'it' : 'them'
      } and build again:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'en');

/** Newest event first, then by title: the order talk lists use everywhere. */
export function compareTalks(a: Talk, b: Talk): number {
  return b.event.start.localeCompare(a.event.start) || byTitle(a, b);
}

/**
 * Links the collections into one model and checks what a schema cannot see on
 * its own: references that point nowhere, duplicate slugs and titles, empty
 * bodies, drafts referenced from published pages, themes no talk uses.
 * Throws a ContentError listing every problem.
 */
export function buildSite(raw: RawContent, options: BuildOptions): Site {
  const problems: string[] = [];
  const fileOf = (entry: RawEntry<unknown>, collection: string) =>
    entry.filePath ?? `content/${collection}/${entry.id}`;

  function resolve<T extends { id: string }>(
    index: Map<string, T>,
    ref: Ref | undefined,
    where: { file: string; field: string; kind: string; folder: string },
  ): T | undefined {
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

  const events = new Map<string, Event>(
    raw.events.map((entry) => [
      entry.id,
      { ...entry.data, id: entry.id, file: fileOf(entry, 'events'), talks: [] as Talk[] },
    ]),
  );

  const projects = new Map<string, Project>(
    raw.projects.map((entry) => {
      const { parent: _parent, ...data } = entry.data;
      return [entry.id, { ...data, id: entry.id, file: fileOf(entry, 'projects'), children: [], talks: [] }];
    }),
  );
  for (const entry of raw.projects) {
    const project = projects.get(entry.id)!;
    const parent = resolve(projects, entry.data.parent, {
      file: project.file,
      field: 'parent',
      kind: 'project',
      folder: 'projects',
    });
    if (parent === project) problems.push(`${project.file}: field "parent": a project cannot be its own parent`);
    else if (parent) {
      project.parent = parent;
      parent.children.push(project);
    }
  }

  const recaps = new Map<string, Recap>();
  for (const entry of raw.recaps) {
    const file = fileOf(entry, 'recaps');
    const event = resolve(events, entry.data.event, { file, field: 'event', kind: 'event', folder: 'events' });
    recaps.set(entry.id, { ...entry.data, id: entry.id, file, event: event!, talks: [] });
  }

  const themes = new Map<string, Theme>();
  for (const entry of raw.themes) {
    if (entry.data.draft && !options.includeDrafts) continue;
    const { startHere: _startHere, ...data } = entry.data;
    themes.set(entry.id, { ...data, id: entry.id, file: fileOf(entry, 'themes'), startHere: [], talks: [] });
  }
  const draftThemes = new Set(raw.themes.filter((t) => t.data.draft).map((t) => t.id));

  const talks = new Map<string, Talk>();
  const draftTalks = new Set<string>();
  for (const entry of raw.talks) {
    const data = entry.data;
    const file = fileOf(entry, 'talks');
    if (data.draft && !options.includeDrafts) {
      draftTalks.add(entry.id);
      continue;
    }
    const where = (field: string, kind: string, folder: string) => ({ file, field, kind, folder });
    const event = resolve(events, data.event, where('event', 'event', 'events'));
    const talkThemes = data.themes.flatMap((ref) => {
      if (!options.includeDrafts && draftThemes.has(ref.id)) {
        problems.push(`${file}: field "themes": theme "${ref.id}" is a draft; publish it or remove it from this talk`);
        return [];
      }
      return resolve(themes, ref, where('themes', 'theme', 'themes')) ?? [];
    });
    const talkProjects = data.projects.flatMap(
      (ref) => resolve(projects, ref, where('projects', 'project', 'projects')) ?? [],
    );
    const talkRecaps = data.recaps.flatMap((ref) => resolve(recaps, ref, where('recaps', 'recap', 'recaps')) ?? []);
    if (!entry.body?.trim()) {
      problems.push(
        `${file}: the body is empty (expected the talk's write-up below the frontmatter, starting with "## What the talk covered")`,
      );
    }
    const slug = data.slug ?? slugify(data.title);
    if (!slug) problems.push(`${file}: field "title": "${data.title}" gives an empty slug; add a "slug" field`);
    talks.set(entry.id, {
      id: entry.id,
      file,
      slug,
      title: data.title,
      untitled: data.untitled,
      event: event!,
      speakers: data.speakers,
      format: data.format,
      themes: talkThemes,
      projects: talkProjects,
      recaps: talkRecaps,
      summary: data.summary,
      redirectFrom: data.redirectFrom,
      draft: data.draft,
    });
  }

  for (const entry of raw.themes) {
    const theme = themes.get(entry.id);
    if (!theme) continue;
    theme.startHere = entry.data.startHere.flatMap((ref) => {
      if (draftTalks.has(ref.id)) {
        problems.push(
          `${theme.file}: field "startHere": talk "${ref.id}" is a draft; publish it or remove it from this list`,
        );
        return [];
      }
      return resolve(talks, ref, { file: theme.file, field: 'startHere', kind: 'talk', folder: 'talks' }) ?? [];
    });
  }

  const talkList = [...talks.values()];
  const explicitSlugs = new Set(raw.talks.filter((entry) => entry.data.slug).map((entry) => entry.id));
  checkUnique(
    talkList,
    (talk) => talk.slug,
    (talk, other) =>
      `${talk.file}: field "${explicitSlugs.has(talk.id) ? 'slug' : 'title'}": slug "${talk.slug}" is also used by ${other.file}; every talk needs its own URL, so set a different "slug" in one of them`,
    problems,
  );
  checkUnique(
    talkList,
    (talk) => `${talk.event?.id} ${talk.title.toLowerCase()}`,
    (talk, other) =>
      `${talk.file}: field "title": "${talk.title}" is also the title of ${other.file} at the same event`,
    problems,
  );

  const redirects: Record<string, string> = {};
  const liveSlugs = new Set(talkList.map((talk) => talk.slug));
  for (const talk of talkList) {
    for (const old of talk.redirectFrom) {
      const from = `/${paths.talk(old)}`;
      if (liveSlugs.has(old)) {
        problems.push(
          `${talk.file}: field "redirectFrom": "${old}" is the slug of a published talk, so it cannot redirect`,
        );
      } else if (redirects[from]) {
        problems.push(`${talk.file}: field "redirectFrom": "${old}" already redirects to ${redirects[from]}`);
      } else redirects[from] = `/${paths.talk(talk.slug)}`;
    }
  }

  for (const talk of talkList) {
    talk.event?.talks.push(talk);
    for (const theme of talk.themes) theme.talks.push(talk);
    for (const project of talk.projects) project.talks.push(talk);
    for (const recap of talk.recaps) recap.talks.push(talk);
  }
  for (const theme of themes.values()) {
    if (theme.talks.length === 0) {
      problems.push(
        `${theme.file}: no talk lists this theme; add "${theme.id}" to the "themes" of at least one talk, or delete the theme`,
      );
    }
  }

  if (problems.length) throw new ContentError(problems);

  const sortTalks = (list: Talk[]) => list.sort(compareTalks);
  for (const group of [...themes.values(), ...events.values(), ...projects.values(), ...recaps.values()]) {
    sortTalks(group.talks);
  }
  return {
    talks: sortTalks(talkList),
    themes: [...themes.values()].sort((a, b) => a.order - b.order || byTitle(a, b)),
    events: [...events.values()].sort((a, b) => b.start.localeCompare(a.start)),
    projects: [...projects.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
    recaps: [...recaps.values()].sort((a, b) => b.event.start.localeCompare(a.event.start) || byTitle(a, b)),
    redirects,
  };
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
