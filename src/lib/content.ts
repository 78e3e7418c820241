/**
 * The one module that reads the content collections. Everything else gets the
 * linked model from loadSite(), read and validated once per build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { execFileSync } from 'node:child_process';
import { parseGitLog } from './git-dates';
import type { Site, Talk, Theme } from './model';
import { searchTerms } from './search';
import { buildSite, ContentError } from './site';

let site: Promise<Site> | undefined;
const talkEntries = new Map<string, CollectionEntry<'talks'>>();
const themeEntries = new Map<string, CollectionEntry<'themes'>>();

export function loadSite(): Promise<Site> {
  site ??= load();
  return site;
}

async function load(): Promise<Site> {
  const [talks, themes, events, projects, recaps] = await Promise.all([
    getCollection('talks'),
    getCollection('themes'),
    getCollection('events'),
    getCollection('projects'),
    getCollection('recaps'),
  ]);
  for (const entry of talks) talkEntries.set(entry.id, entry);
  for (const entry of themes) themeEntries.set(entry.id, entry);
  const site = buildSite({ talks, themes, events, projects, recaps }, { includeDrafts: import.meta.env.DEV });
  // Checked with the rest, before any page is written, so a bad glossary or alias leaves no output behind.
  terms = searchTerms(await loadGlossary(), site.projects);
  if (terms.problems.length) throw new ContentError(terms.problems);
  return site;
}

let terms: ReturnType<typeof searchTerms> | undefined;

/** The site's shorthand and synonyms for search (the glossary and the projects' aliases), checked. */
export async function loadSearchTerms() {
  await loadSite();
  return terms!;
}

/** The glossary's entries (content/glossary.yaml), for search; none when the content has no glossary. */
async function loadGlossary() {
  const [glossary] = await getCollection('glossary');
  return glossary ? { file: glossary.filePath ?? 'content/glossary.yaml', entries: glossary.data } : undefined;
}

/** The rendered MDX body of a talk, with its headings. */
export async function renderTalk(talk: Talk) {
  await loadSite();
  return render(talkEntries.get(talk.id)!);
}

/** The rendered MDX overview of a theme, with its headings. */
export async function renderTheme(theme: Theme) {
  await loadSite();
  return render(themeEntries.get(theme.id)!);
}

let gitDates: Map<string, string> | undefined;

/** The date of the last commit that changed a content file; undefined for a file git does not know yet. */
export function lastUpdated(file: string): string | undefined {
  if (!gitDates) {
    try {
      gitDates = parseGitLog(
        execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', 'content'], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      );
    } catch {
      gitDates = new Map();
    }
  }
  return gitDates.get(file);
}
