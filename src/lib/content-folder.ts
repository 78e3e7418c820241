/**
 * Reading the content folder from disk, for the content checks, the dev server and the scaffolder. Imports
 * carry their extensions so that scripts run by plain Node can use it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';

/** The folders of the content folder, one per collection (content.config.ts). */
export const contentFolders = ['talks', 'themes', 'events', 'projects', 'recaps'] as const;

/** One file of the content folder: its path under it ("talks/eu-2021/x.mdx"), and its bytes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
  /** Set when the file's name (or a folder's) is not valid UTF-8: the raw bytes of its path. */
  rawPath?: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Every file under a content folder, with its bytes. Names that are not UTF-8 are kept as bytes, so they can be
 * named in a message instead of being dropped; hidden files (an editor's .swp, .DS_Store) are left out.
 */
export function readContentFolder(dir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const slash = Buffer.from('/');
  const walk = (folder: Buffer, prefix: Buffer[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })) {
      const name = entry.name as unknown as Buffer;
      if (name[0] === 0x2e) continue; // a hidden file: "."
      const full = Buffer.concat([folder, slash, name]);
      const parts = [...prefix, name];
      if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory())) {
        walk(full, parts);
        continue;
      }
      const rawPath = Buffer.concat(parts.flatMap((part, i) => (i ? [slash, part] : [part])));
      try {
        files.push({ path: utf8.decode(rawPath), bytes: readFileSync(full) });
      } catch {
        files.push({ path: lenient.decode(rawPath), bytes: new Uint8Array(), rawPath });
      }
    }
  };
  walk(Buffer.from(dir), []);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Why a content folder cannot be read at all, naming the setting that points to it; undefined when it can. */
export function missingContentFolder(dir: string, setting = 'KCR_CONTENT_DIR'): string | undefined {
  if (existsSync(dir) && statSync(dir).isDirectory()) return undefined;
  return `${setting} points to ${relative(process.cwd(), dir) || dir}, which ${
    existsSync(dir) ? 'is not a folder' : 'does not exist'
  }; point it at a folder holding ${contentFolders.join(', ')}/, or leave it unset to use ./content`;
}
