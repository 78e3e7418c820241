/**
 * Scaffolds a new content file with every field present and explained. Each field's comment is its
 * description in the collection's schema (src/schemas/), so the file and the rules never say different things.
 * A talk or theme starts as a draft that builds and shows in `npm run dev` with its gaps marked.
 *
 * In a terminal, missing values are asked for; without one, the missing arguments are listed. It refuses
 * duplicates, unknown events and themes, and titles that make no URL, and never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { z } from 'astro/zod';
import { checkFile, collections, missingContentFolder } from '../src/lib/content-checks.ts';
import { readSource } from '../src/lib/frontmatter.ts';
import { maxSlugBytes, slugify } from '../src/lib/slugs.ts';
import { nearest } from '../src/lib/suggest.ts';
import { maxTitleLength } from '../src/schemas/talk.ts';
import { Refusal, runCommand, UsageError, type CommandSpec, type OptionSpec } from './cli.ts';

const kinds = ['talk', 'theme', 'event', 'project', 'recap', 'note'] as const;
type Kind = (typeof kinds)[number];
const required: Record<Kind, string[]> = {
  talk: ['event', 'title', 'themes'],
  theme: ['title'],
  event: ['id', 'name'],
  project: ['name'],
  recap: ['event', 'title'],
  note: ['recap', 'talk'],
};

export const command = {
  name: 'npm run new',
  summary: 'Writes a new content file with every field present and explained, and says where it will be served.',
  usage: [
    '-- talk --event <event> --title <title> --themes <theme,theme>',
    '-- theme --title <title>',
    '-- event --id <id> --name <name>',
    '-- project --name <name>',
    '-- recap --event <event> --title <title>',
    '-- note --recap <recap> --talk <talk>',
  ],
  positionals: [{ name: 'kind', help: kinds.join(', ') }],
  options: {
    event: { type: 'string', value: 'id', help: 'the event, a file name in content/events/ (talk, recap)' },
    title: { type: 'string', value: 'title', help: 'the title (talk, theme, recap)' },
    themes: { type: 'string', value: 'ids', help: 'one to three themes, comma-separated (talk)' },
    id: { type: 'string', value: 'id', help: 'the event’s id, e.g. eu-2024 (event)' },
    name: { type: 'string', value: 'name', help: 'the name (event, project)' },
    recap: { type: 'string', value: 'recap', help: 'the recap, a folder name in content/recaps/ (note)' },
    talk: { type: 'string', value: 'talk', help: 'the talk, its slug or its path under content/talks/ (note)' },
  },
  examples: [
    'npm run new -- talk --event eu-2024 --title "How We Run Karpenter" --themes autoscaling-resources',
    'npm run new -- event --id eu-2024 --name "KubeCon + CloudNativeCon Europe 2024"',
  ],
} satisfies CommandSpec<Record<string, OptionSpec>>;

/** A refusal of the values given: printed as one line, exit 1. */
export class ScaffoldError extends Refusal {}

interface Existing {
  events: string[];
  themes: string[];
  talks: { id: string; file: string; slug: string; title: string; event: string }[];
  /** Recap folders that have an index.mdx, with their event and the talk each of their notes is about. */
  recaps: { id: string; event: string; notes: { file: string; talk: string }[] }[];
}

/** A file's fields, read as the build reads them; none when it cannot be read. */
function fieldsOf(file: string): Record<string, unknown> {
  const source = readSource(file, readFileSync(file, 'utf8'));
  return source.ok ? source.data : {};
}

function names(dir: string, extension: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(extension))
        .map((name) => name.slice(0, -extension.length))
    : [];
}

/** What the content folder holds already, read as the build reads it (CRLF and a byte-order mark included). */
function existing(contentDir: string): Existing {
  const talksDir = join(contentDir, 'talks');
  const talks = existsSync(talksDir)
    ? readdirSync(talksDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .map((file) => {
          const data = fieldsOf(join(talksDir, file));
          const title = String(data.title ?? '');
          const id = file
            .replace(/\.mdx$/, '')
            .split('\\')
            .join('/');
          return { id, file, title, event: String(data.event ?? ''), slug: String(data.slug ?? slugify(title)) };
        })
    : [];
  const recapsDir = join(contentDir, 'recaps');
  const recaps = (existsSync(recapsDir) ? readdirSync(recapsDir) : [])
    .filter((id) => !id.startsWith('.') && existsSync(join(recapsDir, id, 'index.mdx')))
    .map((id) => ({
      id,
      event: String(fieldsOf(join(recapsDir, id, 'index.mdx')).event ?? ''),
      notes: names(join(recapsDir, id), '.md').map((name) => ({
        file: relative(process.cwd(), join(recapsDir, id, `${name}.md`)),
        talk: String(fieldsOf(join(recapsDir, id, `${name}.md`)).talk ?? ''),
      })),
    }));
  return {
    events: names(join(contentDir, 'events'), '.yaml'),
    themes: names(join(contentDir, 'themes'), '.mdx'),
    talks,
    recaps,
  };
}

const quote = (text: string) => JSON.stringify(text);

/** A comment of at most 110 characters a line. */
function comment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > 110 && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/**
 * One field with its schema's description above it. `value` follows "name:" (a block value starts with a line
 * break); an optional field the writer may not have is written commented out.
 */
function field(kind: Kind, name: string, value: string, { commented = false, hint = '', example = '' } = {}): string {
  const description = (collections[`${kind}s`].schema.shape as Record<string, z.ZodType>)[name]?.description;
  if (!description) throw new Error(`the ${kind} schema has no field "${name}" with a description`);
  const line = `${name}:${value.startsWith('\n') ? '' : ' '}${value}`;
  return [
    comment(`${description}${hint ? ` ${hint}` : ''}`),
    commented ? line.replace(/^/gm, '# ') : line,
    ...(example ? [example.replace(/^/gm, '# ')] : []),
  ].join('\n');
}
const fields = (kind: Kind, list: [string, string, { commented?: boolean; hint?: string; example?: string }?][]) =>
  list.map(([name, value, options]) => field(kind, name, value, options)).join('\n');

/** The slug of a title, or a ScaffoldError saying why it cannot be one. */
function slugOf(title: string, what: string): string {
  const slug = slugify(title);
  if (!slug) {
    throw new ScaffoldError(
      `The ${what} "${title}" has no letters or digits, so it makes no URL; give it words, e.g. --${what === 'name' ? 'name' : 'title'} "Multi-cluster Linkerd"`,
    );
  }
  if (new TextEncoder().encode(slug).length > maxSlugBytes) {
    throw new ScaffoldError(
      `The ${what} is too long to make a URL (a file name holds ${maxSlugBytes} bytes); shorten it`,
    );
  }
  return slug;
}

/** The file to write for a kind and its values, and where. Throws ScaffoldError with what to do. */
export function scaffold(
  kind: Kind,
  values: Record<string, string>,
  contentDir: string,
): { path: string; text: string; url?: string; next?: string } {
  for (const key of required[kind]) {
    if (!values[key]?.trim()) {
      throw new ScaffoldError(`--${key} is empty: give the ${kind} a ${key}, e.g. --${key} "…"`);
    }
  }
  const missingFolder = missingContentFolder(contentDir);
  if (missingFolder) throw new ScaffoldError(missingFolder);
  const known = existing(contentDir);
  const needEvent = () => {
    if (!known.events.includes(values.event!)) {
      const guess = nearest(values.event!, known.events);
      throw new ScaffoldError(
        `There is no event "${values.event}"${guess ? ` (did you mean "${guess}"?)` : ''}. Known events: ${known.events.join(', ') || 'none'}. Add it first: npm run new -- event --id ${values.event} --name "…"`,
      );
    }
  };
  const refuseExisting = (path: string) => {
    if (existsSync(path)) {
      throw new ScaffoldError(`${relative(process.cwd(), path)} already exists; pick another name or edit that file.`);
    }
  };
  const title = values.title?.trim() ?? '';

  if (kind === 'talk') {
    needEvent();
    if (title.length > maxTitleLength) {
      throw new ScaffoldError(
        `The title has ${title.length} characters; a talk's title has at most ${maxTitleLength}.`,
      );
    }
    const themes = values
      .themes!.split(',')
      .map((theme) => theme.trim())
      .filter(Boolean);
    const unknown = themes.filter((theme) => !known.themes.includes(theme));
    if (unknown.length) {
      const guess = nearest(unknown[0]!, known.themes);
      throw new ScaffoldError(
        `Unknown theme ${unknown.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}. Known themes: ${known.themes.join(', ')}. Or add one: npm run new -- theme --title "…"`,
      );
    }
    if (themes.length > 3) throw new ScaffoldError(`A talk has one to three themes; --themes lists ${themes.length}.`);
    const slug = slugOf(title, 'title');
    const taken = known.talks.find(
      (talk) => talk.slug === slug || (talk.event === values.event && talk.title.toLowerCase() === title.toLowerCase()),
    );
    if (taken) {
      throw new ScaffoldError(
        `A talk with this title or slug exists: ${relative(process.cwd(), join(contentDir, 'talks', taken.file))}. Edit it, or give this talk a different title.`,
      );
    }
    const path = join(contentDir, 'talks', values.event!, `${slug}.mdx`);
    refuseExisting(path);
    const text = `---
${fields('talk', [
  ['title', quote(title)],
  ['untitled', 'false'],
  ['event', values.event!],
  ['speakers', '[]', { hint: 'For example:', example: '  - name: Ada Example\n    affiliation: Example Corp' }],
  ['format', 'talk'],
  ['themes', `[${themes.join(', ')}]`],
  ['projects', '[]', { hint: 'Add a project with: npm run new -- project --name "…"' }],
  ['summary', '""'],
  ['comparison', '|\n  …', { commented: true }],
  ['redirectFrom', '[]', { hint: `This talk will be served at /talks/${slug}/.` }],
  ['draft', 'true', { hint: 'Set it to false once every field is filled in.' }],
  ['reviewed', new Date().toISOString().slice(0, 7)],
])}
---

## What the talk covered

What was presented, from the recaps' facts, in your own words. Put general background in a
\`<Background title="What X is">\` block, apart from what the talk said.

## Takeaways

- Something a reader can act on, starting with a verb.

## Tools and projects

- [Project name](/projects/project-id/): the role it played in this talk.
`;
    return {
      path,
      text,
      url: `/talks/${slug}/`,
      next: `Each recap that covered it gets a note: npm run new -- note --recap <recap> --talk ${slug}`,
    };
  }

  if (kind === 'note') {
    const recapIds = known.recaps.map((candidate) => candidate.id);
    const recap = known.recaps.find((candidate) => candidate.id === values.recap!.trim());
    if (!recap) {
      const guess = nearest(values.recap!.trim(), recapIds);
      throw new ScaffoldError(
        `There is no recap "${values.recap}"${guess ? ` (did you mean "${guess}"?)` : ''}. Known recaps: ${recapIds.join(', ') || 'none'}. Add yours first: npm run new -- recap --event … --title "…"`,
      );
    }
    const wanted = values.talk!.trim().replace(/\.mdx$/, '');
    const talk = known.talks.find((candidate) => candidate.slug === wanted || candidate.id === wanted);
    if (!talk) {
      throw new ScaffoldError(
        `There is no talk "${wanted}" (give its slug, as in /talks/<slug>/, or its path under content/talks/). Add it first: npm run new -- talk --event ${recap.event} --title "…" --themes …`,
      );
    }
    if (talk.event !== recap.event) {
      throw new ScaffoldError(
        `"${talk.id}" was given at ${talk.event}, but recap "${recap.id}" reports on ${recap.event}; a recap's notes are on its own event's talks.`,
      );
    }
    const other = recap.notes.find((note) => note.talk === talk.id);
    if (other) throw new ScaffoldError(`${other.file} is already this recap's note on ${talk.id}; edit that file.`);
    const path = join(contentDir, 'recaps', recap.id, `${talk.slug}.md`);
    refuseExisting(path);
    return {
      path,
      url: `/talks/${talk.slug}/`,
      text: `---
${fields('note', [
  ['talk', talk.id],
  ['verdict', '""', { commented: true }],
  ['order', '1', { commented: true }],
])}
---

`,
      next: 'Write below the frontmatter what you saw, liked, recommended or doubted, in your own words; an empty note shows in npm run dev only.',
    };
  }

  if (kind === 'theme') {
    const id = slugOf(title, 'title');
    const path = join(contentDir, 'themes', `${id}.mdx`);
    refuseExisting(path);
    return {
      path,
      url: `/themes/${id}/`,
      text: `---
${fields('theme', [
  ['title', quote(title)],
  ['description', '""'],
  ['order', String(known.themes.length + 1)],
  ['startHere', '[]'],
  ['draft', 'true', { hint: 'Set it to false once every field is filled in.' }],
  ['reviewed', new Date().toISOString().slice(0, 7)],
])}
---

An opening paragraph that says what this theme is about across the talks.

## Where the talks agree

## What changed between events

## What to do next
`,
    };
  }

  if (kind === 'event') {
    const id = values.id!.trim();
    if (slugify(id) !== id) {
      throw new ScaffoldError(
        `--id is the event's file name, in lower-case words and hyphens: --id ${slugOf(id, 'id')}`,
      );
    }
    const path = join(contentDir, 'events', `${id}.yaml`);
    refuseExisting(path);
    return {
      path,
      url: `/events/${id}/`,
      text: `${fields('event', [
        ['name', quote(values.name!.trim())],
        ['shortName', '""'],
        ['location', '""'],
        ['venue', '""', { commented: true }],
        ['start', '""'],
        ['end', '""'],
        ['colocated', '[]'],
        ['about', '|\n  …'],
      ])}\n`,
    };
  }

  if (kind === 'project') {
    const id = slugOf(values.name!, 'name');
    const path = join(contentDir, 'projects', `${id}.yaml`);
    refuseExisting(path);
    return {
      path,
      url: `/projects/${id}/`,
      text: `${fields('project', [
        ['name', quote(values.name!.trim())],
        ['description', '""'],
        ['category', '""'],
        ['homepage', 'https://…', { commented: true }],
        ['parent', '…', { commented: true }],
        ['aliases', '[…]', { commented: true }],
      ])}\n`,
    };
  }

  needEvent();
  const id = slugOf(title, 'title');
  const path = join(contentDir, 'recaps', id, 'index.mdx');
  refuseExisting(path);
  return {
    path,
    url: `/recaps/${id}/`,
    next: `Add a note for each talk you covered: npm run new -- note --recap ${id} --talk <talk-slug>`,
    text: `---
${fields('recap', [
  ['title', quote(title)],
  ['untitled', 'false'],
  ['author', '""'],
  ['attribution', '""'],
  ['publisher', '""', { commented: true }],
  ['published', '""', { commented: true }],
  ['event', values.event!],
  ['scope', '""'],
  ['url', 'https://…', { commented: true }],
  ['picks', '[]', { commented: true }],
])}
---

{/* Optional: an intro shown at the top of the recap's page (what you set out to do, what the event felt like). */}
`,
  };
}

async function main({ values, positionals }: { values: Record<string, string | undefined>; positionals: string[] }) {
  const contentDir = resolve(process.env.KCR_CONTENT_DIR?.trim() || 'content');
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    let kind = positionals[0];
    if (!kind && rl) kind = (await rl.question(`What do you want to add? (${kinds.join(', ')}) `)).trim();
    if (!kind || !kinds.includes(kind as Kind)) {
      const guess = kind ? nearest(kind, kinds) : undefined;
      throw new UsageError(
        `${command.name}: say what to add: npm run new -- <${kinds.join('|')}> …${kind ? ` ("${kind}" is not one of them${guess ? `; did you mean ${guess}?` : ''})` : ''}`,
      );
    }
    const chosen = kind as Kind;
    const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    const foreign = Object.keys(given).filter((key) => !required[chosen].includes(key));
    if (foreign.length) {
      throw new UsageError(
        `${command.name}: --${foreign[0]} is not an option of ${chosen}, which takes ${required[chosen].map((key) => `--${key}`).join(', ')}`,
      );
    }
    const missing = required[chosen].filter((key) => given[key] === undefined);
    if (missing.length && !rl) {
      throw new UsageError(
        `${command.name}: missing ${missing.map((key) => `--${key}`).join(' and ')}: npm run new -- ${chosen} ${required[chosen].map((key) => `--${key} "…"`).join(' ')}`,
      );
    }
    for (const key of missing) given[key] = (await rl!.question(`${chosen} ${key}: `)).trim();
    const { path, text, url, next } = scaffold(chosen, given, contentDir);
    if (chosen === 'talk' || chosen === 'theme' || chosen === 'note') {
      // The draft must build as it is written; a problem here is the scaffolder's, not the writer's.
      const shown = relative(process.cwd(), path);
      const { problems } = checkFile(
        { path: relative(contentDir, path), bytes: new TextEncoder().encode(text) },
        shown,
      );
      if (problems.length) throw new Error(`the scaffolded file would not build:\n${problems.join('\n')}`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
    console.log(`Wrote ${relative(process.cwd(), path)}${url ? `; it will be served at ${url}` : ''}.`);
    console.log(
      chosen === 'talk' || chosen === 'theme'
        ? 'It is a draft: npm run dev shows it with what is still to fill in. Set draft: false to publish it.'
        : 'Fill in every field, then check it with: npm test',
    );
    if (next) console.log(next);
  } finally {
    rl?.close();
  }
}

if (import.meta.main) await runCommand(command, main);
