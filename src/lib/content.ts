/**
 * The one module that reads the content collections and the content's git history. Everything else gets
 * the linked model from loadSite(), read and validated once per build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { execFileSync } from 'node:child_process';
import { markdownToHtml } from 'satteri';
import { markdownPlugins } from '../integrations/markdown.ts';
import { siteConfig } from '../site.config.ts';
import { parseFirstCommitDates, parseGitLog } from './git-dates.ts';
import type { Note, Recap, Site, Talk, Theme } from './model.ts';
import { searchTerms } from './search.ts';
import { ContentError, linkSite } from './site.ts';

const config = siteConfig(process.env);
let site: Promise<Site> | undefined;
const talkEntries = new Map<string, CollectionEntry<'talks'>>();
const themeEntries = new Map<string, CollectionEntry<'themes'>>();
const recapEntries = new Map<string, CollectionEntry<'recaps'>>();
const noteEntries = new Map<string, CollectionEntry<'notes'>>();

export function loadSite(): Promise<Site> {
  site ??= load();
  return site;
}

/** The collections whose entries each have a page at their id: /themes/<id>/ and the like. */
type PagedById = 'themes' | 'projects' | 'recaps' | 'changes';

/** getStaticPaths for a route with one page per entry of a collection, at the entry's id; the page gets it as `entry`. */
export async function pagesById<K extends PagedById>(collection: K) {
  const entries: Site[K][number][] = (await loadSite())[collection];
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

async function load(): Promise<Site> {
  const [talks, themes, events, projects, recaps, notes, changes] = await Promise.all([
    getCollection('talks'),
    getCollection('themes'),
    getCollection('events'),
    getCollection('projects'),
    getCollection('recaps'),
    getCollection('notes'),
    getCollection('changes'),
  ]);
  for (const entry of talks) talkEntries.set(entry.id, entry);
  for (const entry of themes) themeEntries.set(entry.id, entry);
  for (const entry of recaps) recapEntries.set(entry.id, entry);
  for (const entry of notes) noteEntries.set(entry.id, entry);
  const site = linkSite(
    { talks, themes, events, projects, recaps, notes, changes },
    { includeDrafts: import.meta.env.DEV },
  );
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

/** What a page says of the file it is made from: when it last changed, and where to edit it. */
export interface PageSourceInfo {
  /** The date of the last commit that changed the file; undefined for a file git does not know yet. */
  updated?: string;
  /** The file's edit page in the repository, when REPO_URL is set. */
  editUrl?: string;
}

/** The rendered MDX body of one recap's note on a talk. */
export async function renderNote(note: Note) {
  await loadSite();
  return render(noteEntries.get(note.id)!);
}

/** The rendered intro of a recap; empty when its index.mdx has no body. */
export async function renderRecapIntro(recap: Recap) {
  await loadSite();
  const entry = recapEntries.get(recap.id)!;
  return { ...(await render(entry)), empty: !entry.body?.trim() };
}

/** A talk's "Where they agree and differ", Markdown from its frontmatter, as HTML through the site's own plugins. */
export async function renderComparison(talk: Talk): Promise<string | undefined> {
  if (!talk.comparison) return undefined;
  const { html } = await markdownToHtml(talk.comparison, {
    hastPlugins: markdownPlugins(config.base),
    features: { gfm: true, smartPunctuation: true },
  });
  return html;
}

let gitLog: string | undefined;
let gitDates: Map<string, string> | undefined;
let firstDates: Map<string, string> | undefined;

export function pageSource(file: string): PageSourceInfo {
  gitDates ??= parseGitLog(readGitLog(config.contentDir));
  return { updated: gitDates.get(file), editUrl: config.editBase && config.editBase + file };
}

/** When a content file was first committed, as an ISO date and time; undefined for a file git does not know yet. */
export function firstPublished(file: string): string | undefined {
  firstDates ??= parseFirstCommitDates(readGitLog(config.contentDir));
  return firstDates.get(file);
}

/** One `git log` over the content folder, so a build with thousands of pages asks git once. */
function readGitLog(contentDir: string): string {
  try {
    gitLog ??= execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', contentDir], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // Outside a git checkout (a scratch content folder, an exported tarball) pages show no date.
    gitLog = '';
  }
  return gitLog;
}
