/**
 * Every check on the content folder, run before the build writes anything and by the dev server on every save:
 * where each file is and what it is called, how it is encoded, its frontmatter, its fields against the
 * collection's schema, markup a content file must not carry, and then the links between files (linkSite).
 * Each problem is one line naming the file, the line or field, what is wrong and what to do.
 *
 * The checks are pure functions of file names and bytes; readContentFolder() reads those from disk. The links
 * between files are checked in content-folder.ts. Imports carry their extensions, so that the scaffolder, run
 * by plain Node, can check the file it writes.
 */
import { z } from 'astro/zod';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';
import { changeSchema } from '../schemas/change.ts';
import type { Clock } from '../schemas/common.ts';
import { eventSchema } from '../schemas/event.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import { projectSchema } from '../schemas/project.ts';
import { noteSchema } from '../schemas/note.ts';
import { recapSchema } from '../schemas/recap.ts';
import type { References } from '../schemas/references.ts';
import { talkSchema } from '../schemas/talk.ts';
import { themeSchema } from '../schemas/theme.ts';
import { readSource } from './frontmatter.ts';
import { maxSlugBytes, slugify } from './slugs.ts';
import { nearest } from './suggest.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The folders of the content folder, one per collection (content.config.ts). */
export const contentFolders = ['talks', 'themes', 'events', 'projects', 'recaps', 'changes'] as const;
/** The one file beside the folders: search's shorthand and synonyms (optional). */
export const glossaryFile = 'glossary.yaml';

/** One file of the content folder: its path under it ("talks/eu-2021/x.mdx"), and its bytes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
  /** Set when the file's name (or a folder's) is not valid UTF-8: the raw bytes of its path. */
  rawPath?: Uint8Array;
}

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
  const shown = relative(process.cwd(), dir);
  return `${setting} points to ${shown.startsWith('..') ? dir : shown || '.'}, which ${
    existsSync(dir) ? 'is not a folder' : 'does not exist'
  }; point it at a folder holding ${contentFolders.map((name) => `${name}/`).join(', ')}, or leave it unset to use ./content`;
}

/** Links are checked by linkSite; a schema only needs each one to be a name. */
const anyRef = z.string().transform((id) => ({ id, collection: '' }));
const refs: References = { event: anyRef, theme: anyRef, project: anyRef, recap: anyRef, talk: anyRef };

/**
 * The collections, as content.config.ts loads them (a test holds the two together): the extension of each
 * one's files and its schema. Talks may sit in folders (one per event); a recap is a folder holding its
 * index.mdx and one note per talk; the others are files directly in their folder.
 */
export function collectionsFor(clock?: Clock) {
  return {
    talks: { extension: '.mdx', schema: talkSchema(refs, clock), what: 'a talk' },
    themes: { extension: '.mdx', schema: themeSchema(refs, clock), what: 'a theme' },
    events: { extension: '.yaml', schema: eventSchema, what: 'an event' },
    projects: { extension: '.yaml', schema: projectSchema(refs), what: 'a project' },
    recaps: { extension: '.mdx', schema: recapSchema(refs), what: 'a recap' },
    notes: { extension: '.md', schema: noteSchema(refs), what: 'a note' },
    changes: { extension: '.yaml', schema: changeSchema(refs, clock), what: 'a change' },
    glossary: { extension: '.yaml', schema: glossarySchema, what: 'the glossary' },
  } as const;
}
/** The collections without a clock: dates in the future are not refused (the build passes today's date). */
export const collections = collectionsFor();
export type Collection = keyof typeof collections;
const byClock = new Map<string, ReturnType<typeof collectionsFor>>();

/**
 * The components a body may use, by collection: what the routes pass to <Content components={…}>
 * (src/pages/talks/[slug].astro), with the attributes each one needs.
 */
export const bodyComponents: Record<string, Record<string, string[]>> = {
  talks: { Background: ['title'], Superseded: ['change'] },
  themes: {},
};

/** A file that passed its own checks: the entry as a collection would hand it to linkSite. */
export interface CheckedEntry {
  collection: Collection;
  id: string;
  filePath: string;
  body: string;
  data: Record<string, unknown>;
}

const problem = (file: string, line: number | undefined, message: string) =>
  `${file}${line ? `:${line}` : ''}: ${message}`;

/** Non-UTF-8 bytes, shown the way a reader's editor would: "R\xE9seau". */
function showBytes(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0;
    try {
      if (!length) throw new Error();
      text += utf8.decode(bytes.subarray(i, i + length));
      i += length;
    } catch {
      text += `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    }
  }
  return text;
}

/** Where the file is, what it is called and how it is encoded; returns the text when it can be read. */
function checkPlace(
  file: ContentFile,
  shown: string,
  problems: string[],
): { collection: Collection; text: string } | undefined {
  if (file.rawPath) {
    problems.push(
      problem(
        shown,
        undefined,
        `the name is not UTF-8 text (it reads "${showBytes(file.rawPath)}"), so the build cannot read the file; rename it in lower-case letters, digits and hyphens`,
      ),
    );
    return undefined;
  }
  const parts = file.path.split('/');
  const folder = parts[0]!;
  if (parts.length === 1 && folder === glossaryFile) return decodeText(file, shown, problems, 'glossary');
  if (parts.length === 1) {
    problems.push(
      problem(
        shown,
        undefined,
        `the content folder holds only the folders ${contentFolders.join(', ')} and ${glossaryFile}; move this file into one of them, or out of the content folder`,
      ),
    );
    return undefined;
  }
  if (!(contentFolders as readonly string[]).includes(folder)) {
    const guess = nearest(folder, contentFolders);
    problems.push(
      problem(
        shown,
        undefined,
        `"${folder}" is not a content folder${guess ? `; did you mean "${guess}"?` : ''} (the folders are ${contentFolders.join(', ')})`,
      ),
    );
    return undefined;
  }
  const name = parts.at(-1)!;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (folder === 'recaps' && parts.length !== 3) {
    problems.push(
      problem(
        shown,
        undefined,
        parts.length === 2
          ? `a recap is a folder: its index.mdx, and one .md note per talk it covered; move this file to recaps/${stem}/index.mdx`
          : `a recap's folder holds its files directly, not in folders; move it to recaps/${parts[1]}/${name}`,
      ),
    );
    return undefined;
  }
  const collection: Collection =
    folder === 'recaps' ? (name === 'index.mdx' ? 'recaps' : 'notes') : (folder as Collection);
  const { extension, what } = collections[collection];
  if (ext !== extension) {
    problems.push(
      problem(
        shown,
        undefined,
        `${what} is a ${extension} file, so the build would skip this one; rename it to ${stem}${extension}${ext === '.md' && extension === '.mdx' ? ' (MDX reads Markdown as it is)' : ''}`,
      ),
    );
    return undefined;
  }
  if (collection !== 'talks' && folder !== 'recaps' && parts.length > 2) {
    problems.push(
      problem(shown, undefined, `${folder}/ holds its files directly, not in folders; move it to ${folder}/${name}`),
    );
    return undefined;
  }
  for (const segment of [...parts.slice(1, -1), stem]) {
    const slug = slugify(segment);
    if (segment !== slug) {
      problems.push(
        problem(
          shown,
          undefined,
          `the name "${segment}" is not written the way the site writes names (lower-case words joined by hyphens, such as "${slug || 'ebpf-on-the-rise'}"); rename it${slug ? ` to "${slug}"` : ''}`,
        ),
      );
      return undefined;
    }
  }
  return decodeText(file, shown, problems, collection);
}

/** The file's text, or a problem saying it is not UTF-8 and where. */
function decodeText(file: ContentFile, shown: string, problems: string[], collection: Collection) {
  try {
    return { collection, text: utf8.decode(file.bytes) };
  } catch {
    const text = lenient.decode(file.bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    const words = text.split('\n')[line - 1]!.match(/\S*\uFFFD\S*/)?.[0];
    problems.push(
      problem(
        shown,
        line,
        `this is not UTF-8 text${words ? ` ("${words}" would show as it reads here)` : ''}: the file was saved in another encoding, such as Latin-1 or Windows-1252; save it again as UTF-8`,
      ),
    );
    return undefined;
  }
}

/** Field labels as a writer reads them: themes; speakers, item 2, name. */
function fieldLabel(path: PropertyKey[]): string {
  const [first, ...rest] = path;
  return [
    `field "${String(first)}"`,
    ...rest.map((key) => (typeof key === 'number' ? `item ${key + 1}` : `"${String(key)}"`)),
  ].join(', ');
}

const shortValue = (value: unknown) => {
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const expectedKinds: Record<string, string> = {
  array: 'a list, such as [a, b]',
  string: 'text (put it in double quotes if it looks like a number, a date or true/false)',
  boolean: 'true or false',
  number: 'a number',
  object: 'fields, written name: value',
};

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

/** The schema's issues as problems: unknown fields with the one meant, missing fields with what they hold. */
function schemaProblems(
  schema: z.ZodObject,
  data: Record<string, unknown>,
  issues: z.core.$ZodIssue[],
  shown: string,
  fieldLines: Map<string, number>,
  what: string,
): string[] {
  // The glossary is a map of words, not an object of fields.
  const fields = Object.keys(schema.shape ?? {});
  const meant = new Set<string>();
  const out: string[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const guess = nearest(
        key,
        fields.filter((field) => data[field] === undefined),
      );
      if (guess) meant.add(guess);
      out.push(
        problem(
          shown,
          fieldLines.get(key),
          `"${key}" is not a field of ${what}; ${guess ? `did you mean "${guess}"?` : `the fields are ${fields.join(', ')}`}`,
        ),
      );
    }
  }
  const reported = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    // One problem per field: the first thing wrong with it.
    const key = issue.path.join('.');
    if (reported.has(key)) continue;
    reported.add(key);
    const top = String(issue.path[0] ?? '');
    const line = fieldLines.get(top);
    const value = valueAt(data, issue.path);
    if (issue.path.length === 1 && value === undefined) {
      if (meant.has(top)) continue;
      const description = (schema.shape?.[top] as z.ZodType | undefined)?.description;
      out.push(
        problem(shown, undefined, `${fieldLabel(issue.path)} is missing${description ? `: ${description}` : ''}`),
      );
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') message = `expected ${expectedKinds[issue.expected] ?? issue.expected}`;
    if (issue.code === 'invalid_value') message = `expected one of ${issue.values.join(', ')}`;
    const got =
      value === undefined || (typeof value === 'object' && !(value instanceof Date))
        ? ''
        : ` (it is ${shortValue(value)})`;
    out.push(problem(shown, line, `${issue.path.length ? `${fieldLabel(issue.path)}: ` : ''}${message}${got}`));
  }
  return out;
}

const scriptUrl = /^(javascript|vbscript):/i;
const unsafeElements: Record<string, string> = {
  script: 'it would run code on the reader’s page',
  meta: 'it can send the reader to another site or change how the page is read',
  iframe: 'it embeds another page',
  frame: 'it embeds another page',
  object: 'it embeds a plugin or another page',
  embed: 'it embeds a plugin or another page',
  base: 'it changes where every link on the page points',
  link: 'it loads files from elsewhere into the page',
  form: 'it sends what a reader types elsewhere',
};
// As written in MDX, and as an HTML parser names them in Markdown (xLinkHref).
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'xlinkhref', 'srcset']);
/** A URL as a browser reads it: tabs, newlines and control characters inside it are ignored. */
const bareUrl = (url: string) => url.replace(/[\u0000-\u0020]/g, '');

/** What an element's name and attributes must not be: markup that runs code or sends the reader elsewhere. */
function elementProblems(name: string, attributes: { name: string; value: unknown }[], add: (message: string) => void) {
  const lower = name.toLowerCase();
  if (unsafeElements[lower])
    add(`<${name}> is not allowed in a content file: ${unsafeElements[lower]}; write Markdown instead`);
  for (const attribute of attributes) {
    if (/^on/i.test(attribute.name)) add(`the ${attribute.name} attribute on <${name}> would run code; remove it`);
    const value = Array.isArray(attribute.value) ? attribute.value.join(' ') : attribute.value;
    if (
      typeof value === 'string' &&
      urlAttributes.has(attribute.name.toLowerCase()) &&
      scriptUrl.test(bareUrl(value))
    ) {
      add(`${attribute.name}="${value}" on <${name}> would run code; link to a page instead`);
    }
  }
}

/** A link's address that would run code. */
function linkProblem(node: MdastNode, add: (message: string) => void) {
  if (
    (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
    scriptUrl.test(bareUrl(node.url))
  )
    add(`the link to "${node.url}" would run code; link to a page instead`);
}

/**
 * What a body must not hold. In both formats: markup that runs code or sends the reader elsewhere. In MDX also
 * code (expressions, import and export lines) and components the pages do not provide; Markdown (.md) has
 * neither, and a component's tag there would be printed as an unknown element. Code blocks and inline code
 * are text, so a snippet that shows a <script> is fine. Lines are the file's.
 */
export function bodyProblems(
  body: string,
  collection: string,
  format: 'mdx' | 'md' = 'mdx',
): { line?: number; message: string }[] {
  return format === 'md' ? markdownProblems(body, collection) : mdxProblems(body, collection);
}

function markdownProblems(body: string, collection: string): { line?: number; message: string }[] {
  const found: { line?: number; message: string }[] = [];
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line;
    const add = (message: string) => found.push({ line, message });
    linkProblem(node, add);
    if (node.type === 'html') {
      const component = /^<([A-Z][\w.]*)/.exec(node.value)?.[1];
      if (component) add(`<${component}> is not a component the site provides; ${collection} use none: write Markdown`);
      const elements = (tree: HastNode) => {
        if (tree.type === 'element')
          elementProblems(
            tree.tagName,
            Object.entries(tree.properties ?? {}).map(([name, value]) => ({ name, value })),
            add,
          );
        if ('children' in tree) for (const child of tree.children as HastNode[]) elements(child);
      };
      elements(htmlToHast(node.value, { fragment: true }));
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(markdownToMdast(body));
  return found;
}

function mdxProblems(body: string, collection: string): { line?: number; message: string }[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body);
  } catch (error) {
    const [, line, , reason] = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec((error as Error).message) ?? [];
    const text = reason ?? (error as Error).message;
    const hint = /after `<`|JSX/.test(text)
      ? ' (to show a < in text, write &lt; or put it in backticks)'
      : /expression|brace/.test(text)
        ? ' (to show a { in text, write \\{ or put it in backticks)'
        : '';
    return [{ line: line ? Number(line) : undefined, message: `this is not valid MDX: ${text}${hint}` }];
  }
  const found: { line?: number; message: string }[] = [];
  const components = bodyComponents[collection] ?? {};
  const allowed = Object.keys(components);
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line;
    const add = (message: string) => found.push({ line, message });
    linkProblem(node, add);
    switch (node.type) {
      case 'mdxjsEsm':
        add('import and export lines are code, and a content file holds none; remove the line');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = node.value.trim();
        if (/^\/\*[\s\S]*\*\/$/.test(code)) break; // {/* a comment */}
        add(
          `{${code}} would run as JavaScript (MDX reads what is between braces as code); to show the braces, write \\{${code}\\} or put it in backticks`,
        );
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name && /^[A-Z]|\./.test(name) && !allowed.includes(name)) {
          add(
            `<${name}> is not a component the site provides; ${
              allowed.length
                ? `${collection} can use ${allowed.map((c) => `<${c} ${components[c]!.map((a) => `${a}="…"`).join(' ')}>`).join(', ')}`
                : `${collection} use none: write Markdown`
            }`,
          );
        }
        const given = new Set<string>();
        const written: { name: string; value: unknown }[] = [];
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            add(`<${name} {${attribute.value}}> is JavaScript; write each attribute as name="text"`);
            continue;
          }
          given.add(attribute.name);
          if (attribute.value && typeof attribute.value === 'object') {
            add(
              `${attribute.name}={${attribute.value.value}} on <${name}> is JavaScript; write ${attribute.name}="text"`,
            );
          }
          written.push({ name: attribute.name, value: attribute.value });
        }
        if (name) elementProblems(name, written, add);
        for (const needed of (name && components[name]) ?? []) {
          if (!given.has(needed)) add(`<${name}> needs a ${needed}="…" attribute`);
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return found;
}

/** The checks on one file by itself; the entry when it passes them. */
export function checkFile(
  file: ContentFile,
  shown: string,
  clock?: Clock,
): { problems: string[]; entry?: CheckedEntry } {
  const problems: string[] = [];
  const place = checkPlace(file, shown, problems);
  if (!place) return { problems };
  const { collection, text } = place;
  const known = clock
    ? (byClock.get(clock.today) ?? byClock.set(clock.today, collectionsFor(clock)).get(clock.today)!)
    : collections;
  const { schema, what } = known[collection];
  const source = readSource(file.path, text);
  if (!source.ok) return { problems: [problem(shown, source.problem.line, source.problem.message)] };
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) {
    problems.push(
      ...schemaProblems(
        schema as unknown as z.ZodObject,
        source.data,
        parsed.error.issues,
        shown,
        source.fieldLines,
        what,
      ),
    );
  }
  if (collection === 'talks' && parsed.success) {
    const data = parsed.data as { title: string; slug?: string };
    const slug = data.slug ?? slugify(data.title);
    const bytes = new TextEncoder().encode(slug).length;
    if (bytes > maxSlugBytes) {
      problems.push(
        problem(
          shown,
          source.fieldLines.get(data.slug ? 'slug' : 'title'),
          `field "${data.slug ? 'slug' : 'title'}": the URL slug "${slug.slice(0, 40)}…" is ${bytes} bytes long, more than a file name holds (at most ${maxSlugBytes}); ${data.slug ? 'shorten it' : 'set a shorter "slug"'}`,
        ),
      );
    }
  }
  const format = /\.(mdx?)$/.exec(file.path)?.[1] as 'mdx' | 'md' | undefined;
  if (format) {
    for (const { line, message } of bodyProblems(source.body, collection, format))
      problems.push(problem(shown, line, message));
  }
  if (problems.length || !parsed.success) return { problems };
  const id =
    collection === 'recaps'
      ? file.path.split('/')[1]!
      : file.path.slice(file.path.indexOf('/') + 1).replace(/\.(mdx?|yaml)$/, '');
  return {
    problems,
    entry: { collection, id, filePath: shown, body: source.body, data: parsed.data as Record<string, unknown> },
  };
}
