/**
 * The whole content folder checked at once: every file by itself (content-checks.ts), then, once every file
 * reads, the links between them (linkSite), so one broken file does not show as many broken links. The build
 * and the dev server run this.
 */
import { relative } from 'node:path';
import {
  collections,
  contentFolders,
  checkFile,
  missingContentFolder,
  readContentFolder,
  type CheckedEntry,
  type Collection,
  type ContentFile,
} from './content-checks.ts';
import { searchTerms, type GlossarySource } from './search.ts';
import { ContentError, linkSite, type RawContent } from './site.ts';

export interface CheckOptions {
  /** How file names are shown in messages: the content folder as the writer named it, e.g. "content". */
  shownDir: string;
  /** Keep drafts (npm run dev); a production build leaves them out, and refuses published pages that list them. */
  includeDrafts: boolean;
  /** Today, YYYY-MM-DD, for the fields that refuse dates in the future; without it, none is refused. */
  today?: string;
}

/**
 * Every problem with a content folder, each a line naming the file. Files are checked one by one first; the links
 * between them (linkSite) only once every file reads, so one broken file does not show as many broken links.
 */
export function checkContent(files: ContentFile[], options: CheckOptions): string[] {
  const problems: string[] = [];
  const entries: CheckedEntry[] = [];
  for (const file of files) {
    const shown = `${options.shownDir}/${file.path}`;
    const result = checkFile(file, shown, options.today ? { today: options.today } : undefined);
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }
  for (const name of contentFolders) {
    if (name !== 'projects' && name !== 'changes' && !files.some((file) => file.path.startsWith(`${name}/`))) {
      problems.push(
        `${options.shownDir}/${name}/: there is no ${collections[name].what.replace(/^an? /, '')} here; the site needs at least one (npm run new -- ${name.replace(/s$/, '')} … writes one)`,
      );
    }
  }
  if (problems.length) return problems;
  const raw = Object.fromEntries(Object.keys(collections).map((name) => [name, [] as CheckedEntry[]])) as Record<
    Collection,
    CheckedEntry[]
  >;
  for (const entry of entries) raw[entry.collection].push(entry);
  try {
    const site = linkSite(raw as unknown as RawContent, { includeDrafts: options.includeDrafts });
    const [glossary] = raw.glossary;
    const entries = glossary?.data as GlossarySource['entries'] | undefined;
    return searchTerms(glossary && entries ? { file: glossary.filePath, entries } : undefined, site.projects).problems;
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

/** Checks the content folder on disk: every problem, or none. */
export function checkContentFolder(dir: string, options: Omit<CheckOptions, 'shownDir'>): string[] {
  const missing = missingContentFolder(dir);
  if (missing) return [missing];
  const shown = relative(process.cwd(), dir);
  return checkContent(readContentFolder(dir), { ...options, shownDir: shown.startsWith('..') ? dir : shown || '.' });
}
