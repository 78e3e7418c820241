/**
 * The whole content folder checked at once: every file by itself (content-checks.ts), then, once every file
 * reads, the links between them (linkSite), so one broken file does not show as many broken links. The build
 * and the dev server run this.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Checks the content folder on disk: every problem, or none. With `cleanRecord`, a file where the last check that
 * found no problem left its digest: a folder whose digest is the same (the same files, bytes, options and
 * checking code) is not checked again. Checking 2,000 talks took 0.9 s of every build, edit or none.
 */
export function checkContentFolder(
  dir: string,
  options: Omit<CheckOptions, 'shownDir'>,
  cleanRecord?: string,
): string[] {
  const missing = missingContentFolder(dir);
  if (missing) return [missing];
  const shown = relative(process.cwd(), dir);
  const files = readContentFolder(dir);
  const check = () => checkContent(files, { ...options, shownDir: shown.startsWith('..') ? dir : shown || '.' });
  if (cleanRecord === undefined) return check();
  const digest = checkDigest(files, options);
  if (readRecord(cleanRecord) === digest) return [];
  const problems = check();
  // Only a clean folder is recorded: one with problems is checked in full until they are fixed.
  if (problems.length) rmSync(cleanRecord, { force: true });
  else {
    mkdirSync(dirname(cleanRecord), { recursive: true });
    writeFileSync(cleanRecord, digest);
  }
  return problems;
}

const readRecord = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * What a check's outcome depends on: every file's path and bytes, the options, and the code that checks them: the
 * site's data logic and schemas (a superset of what the checks import) and the locked versions of the libraries
 * they use (zod, yaml, the Markdown parser).
 */
export function checkDigest(files: ContentFile[], options: Omit<CheckOptions, 'shownDir'>): string {
  const hash = createHash('sha256').update(JSON.stringify([options.includeDrafts, options.today ?? null]));
  for (const file of checkingCode()) hash.update(file).update(readFileSync(file));
  for (const file of files) hash.update(`\0${file.path}\0${file.bytes.length}\0`).update(file.bytes);
  return hash.digest('hex');
}

function checkingCode(): string[] {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const code = ['lib', 'schemas'].flatMap((folder) =>
    readdirSync(join(src, folder))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => join(src, folder, name)),
  );
  const lock = join(src, '..', 'package-lock.json');
  return [...code, join(src, 'site.config.ts'), ...(existsSync(lock) ? [lock] : [])];
}
