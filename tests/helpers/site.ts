/**
 * Reads the built site and the content it came from, for tests over the output.
 * The build is made by `npm test` before vitest runs (or by the test that needs
 * its own scratch build); these helpers only read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readSource } from '../../src/lib/frontmatter';
import { slugify } from '../../src/lib/slugs';

export const root = resolve(import.meta.dirname, '../..');
export const distDir = resolve(root, process.env.KCR_OUT_DIR ?? 'dist');
export const contentDir = resolve(root, process.env.KCR_CONTENT_DIR ?? 'content');

export function requireBuild(dir = distDir): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${relative(root, dir) || '.'}: run "npm run build" first (npm test does).`);
  }
  return dir;
}

export function walk(dir: string, filter: (file: string) => boolean = () => true): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(filter)
    .sort();
}

/** Frontmatter of an .mdx or .md file, or the data of a .yaml file, read as the build reads them. */
export function readData(file: string): Record<string, unknown> {
  const source = readSource(file, readFileSync(file, 'utf8'));
  if (!source.ok) throw new Error(`${relative(root, file)}: ${source.problem.message}`);
  return source.data;
}

/** The MDX or Markdown body of a file, below its frontmatter. */
export function readBody(file: string): string {
  const source = readSource(file, readFileSync(file, 'utf8'));
  if (!source.ok) throw new Error(`${relative(root, file)}: ${source.problem.message}`);
  return source.body;
}

export interface ContentFile {
  id: string;
  file: string;
  data: Record<string, unknown>;
}

/** The entries of one collection as files on disk, with drafts left out unless asked. */
export function contentFiles(collection: string, { drafts = false } = {}): ContentFile[] {
  const dir = join(contentDir, collection);
  return walk(dir, (file) => /\.(mdx|ya?ml)$/.test(file))
    .map((file) => ({ id: relative(dir, file).replace(/\.(mdx|ya?ml)$/, ''), file, data: readData(file) }))
    .filter((entry) => drafts || entry.data.draft !== true);
}

/** The recaps: content/recaps/<id>/index.mdx, with the folder name as id. */
export function recapFiles(): ContentFile[] {
  const dir = join(contentDir, 'recaps');
  return walk(dir, (file) => file.endsWith('/index.mdx')).map((file) => ({
    id: relative(dir, file).replace(/\/index\.mdx$/, ''),
    file,
    data: readData(file),
  }));
}

/** The recaps' notes: every .md under content/recaps/, with <recap>/<name> as id. */
export function noteFiles(): ContentFile[] {
  const dir = join(contentDir, 'recaps');
  return walk(dir, (file) => file.endsWith('.md')).map((file) => ({
    id: relative(dir, file).replace(/\.md$/, ''),
    file,
    data: readData(file),
  }));
}

/** Where each published talk is served, as the site derives it. */
export function talkPath(talk: ContentFile): string {
  return `/talks/${(talk.data.slug as string | undefined) ?? slugify(talk.data.title as string)}/`;
}
