/**
 * Scaffolds a new content file with every field present and explained:
 *
 *   npm run new -- talk --event eu-2024 --title "How We Run Karpenter" [--themes autoscaling-resources,gitops]
 *   npm run new -- theme --title "Sustainability"
 *   npm run new -- event --id eu-2024 --name "KubeCon + CloudNativeCon Europe 2024"
 *   npm run new -- project --name "OpenCost"
 *   npm run new -- recap --event eu-2024 --title "Our KubeCon 2024 notes"
 *   npm run new -- note --recap our-kubecon-2024-notes --talk how-we-run-karpenter
 *
 * In a terminal, missing values are asked for; without one, the missing
 * arguments are listed. It refuses duplicates, unknown events and themes, and
 * empty titles, and never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { slugify } from '../src/lib/slugs.ts';

const kinds = ['talk', 'theme', 'event', 'project', 'recap', 'note'] as const;
type Kind = (typeof kinds)[number];
const required: Record<Kind, string[]> = {
  talk: ['event', 'title'],
  theme: ['title'],
  event: ['id', 'name'],
  project: ['name'],
  recap: ['event', 'title'],
  note: ['recap', 'talk'],
};

export class ScaffoldError extends Error {}

interface Existing {
  events: string[];
  themes: string[];
  talks: { id: string; file: string; slug: string; title: string; event: string }[];
  /** Recap folders that have an index.mdx, with their event and the talk each of their notes is about. */
  recaps: { id: string; event: string; notes: { file: string; talk: string }[] }[];
}

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = file.endsWith('.mdx') ? /^---\n([\s\S]*?)\n---/.exec(text)?.[1] : text;
  try {
    return (parseYaml(match ?? '') as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
}

function names(dir: string, ext: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => ext.test(n))
        .map((n) => n.replace(ext, ''))
    : [];
}

function existing(contentDir: string): Existing {
  const talksDir = join(contentDir, 'talks');
  const talks = existsSync(talksDir)
    ? readdirSync(talksDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => {
          const data = frontmatter(join(talksDir, f));
          const title = String(data.title ?? '');
          const id = f
            .replace(/\.mdx$/, '')
            .split('\\')
            .join('/');
          return { id, file: f, title, event: String(data.event ?? ''), slug: String(data.slug ?? slugify(title)) };
        })
    : [];
  const recapsDir = join(contentDir, 'recaps');
  const recaps = names(recapsDir, /^(?!\.)/)
    .filter((id) => existsSync(join(recapsDir, id, 'index.mdx')))
    .map((id) => ({
      id,
      event: String(frontmatter(join(recapsDir, id, 'index.mdx')).event ?? ''),
      notes: names(join(recapsDir, id), /\.mdx$/)
        .filter((name) => name !== 'index')
        .map((name) => ({
          file: `content/recaps/${id}/${name}.mdx`,
          talk: String(frontmatter(join(recapsDir, id, `${name}.mdx`)).talk ?? ''),
        })),
    }));
  return {
    events: names(join(contentDir, 'events'), /\.ya?ml$/),
    themes: names(join(contentDir, 'themes'), /\.mdx$/),
    talks,
    recaps,
  };
}

const quote = (text: string) => JSON.stringify(text);

/** The file to write for a kind and its values, and where. Throws ScaffoldError with what to do. */
export function scaffold(
  kind: Kind,
  values: Record<string, string>,
  contentDir: string,
): { path: string; text: string; url?: string; next?: string } {
  for (const key of required[kind]) {
    if (!values[key]?.trim())
      throw new ScaffoldError(`--${key} is empty: give the ${kind} a ${key}, e.g. --${key} "…"`);
  }
  const known = existing(contentDir);
  const needEvent = () => {
    if (!known.events.includes(values.event!)) {
      throw new ScaffoldError(
        `There is no event "${values.event}". Known events: ${known.events.join(', ') || 'none'}. Add it first: npm run new -- event --id ${values.event} --name "…"`,
      );
    }
  };
  const refuseExisting = (path: string) => {
    if (existsSync(path))
      throw new ScaffoldError(`${relative(process.cwd(), path)} already exists; pick another name or edit that file.`);
  };

  if (kind === 'talk') {
    needEvent();
    const title = values.title!.trim();
    const themes = (values.themes ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const unknown = themes.filter((t) => !known.themes.includes(t));
    if (unknown.length) {
      throw new ScaffoldError(
        `Unknown theme ${unknown.join(', ')}. Known themes: ${known.themes.join(', ')}. Or add one: npm run new -- theme --title "…"`,
      );
    }
    const slug = slugify(title);
    const taken = known.talks.find(
      (t) => t.slug === slug || (t.event === values.event && t.title.toLowerCase() === title.toLowerCase()),
    );
    if (taken)
      throw new ScaffoldError(
        `A talk with this title or slug exists: content/talks/${taken.file}. Edit it, or give this talk a different title.`,
      );
    const path = join(contentDir, 'talks', values.event!, `${slug}.mdx`);
    refuseExisting(path);
    const text = `---
# The title exactly as the recaps give it. For a session they describe without a title, describe it and set untitled: true.
title: ${quote(title)}
# true when no recap gives this session's title
untitled: false
# A file name in content/events/
event: ${values.event}
# As the recaps name them; a recap may give only a first name or only a company. Remove a field you do not have.
speakers:
  - name: ""
    affiliation: ""
# keynote, talk, tutorial, panel, lightning or co-located
format: talk
# One to three file names in content/themes/
themes: [${themes.join(', ')}]
# File names in content/projects/ (add one with: npm run new -- project --name "…")
projects: []
# One sentence in your own words: shown on cards, in link previews and in search results.
summary: ""
# Set true while writing: the page shows in npm run dev only.
draft: true
# The month you last checked the page against today's releases, YYYY-MM; npm run review lists pages due again.
reviewed: ${new Date().toISOString().slice(0, 7)}
# This talk's URL will be /talks/${slug}/ . To keep an old URL working after a rename, list old slugs here.
redirectFrom: []
# Once two or more recaps have a note on this talk: where they agree and differ, in Markdown paragraphs.
# comparison: |
#   …
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
    const recap = known.recaps.find((r) => r.id === values.recap!.trim());
    if (!recap) {
      throw new ScaffoldError(
        `There is no recap "${values.recap}". Known recaps: ${known.recaps.map((r) => r.id).join(', ') || 'none'}. Add yours first: npm run new -- recap --event … --title "…"`,
      );
    }
    const wanted = values.talk!.trim().replace(/\.mdx$/, '');
    const talk = known.talks.find((t) => t.slug === wanted || t.id === wanted);
    if (!talk) {
      throw new ScaffoldError(
        `There is no talk "${wanted}" (give its slug, as in /talks/<slug>/, or its path under content/talks/). Add it first: npm run new -- talk --event ${recap.event} --title "…"`,
      );
    }
    if (talk.event !== recap.event) {
      throw new ScaffoldError(
        `"${talk.id}" was given at ${talk.event}, but recap "${recap.id}" reports on ${recap.event}; a recap's notes are on its own event's talks.`,
      );
    }
    const other = recap.notes.find((n) => n.talk === talk.id);
    if (other) throw new ScaffoldError(`${other.file} is already this recap's note on ${talk.id}; edit that file.`);
    const path = join(contentDir, 'recaps', recap.id, `${talk.slug}.mdx`);
    refuseExisting(path);
    return {
      path,
      url: `/talks/${talk.slug}/`,
      text: `---
# The talk this note is about (its path under content/talks/ without .mdx)
talk: ${talk.id}
# The writer's own one-line verdict, only where the recap gives one, e.g. "would watch again" (remove otherwise)
# verdict: ""
# Where this note stands in your recap (1 first); without it, the event's talk order
# order: 1
---

`,
      next: 'Write below the frontmatter what you saw, liked, recommended or doubted, in your own words; an empty note shows in npm run dev only.',
    };
  }

  if (kind === 'theme') {
    const id = slugify(values.title!);
    const path = join(contentDir, 'themes', `${id}.mdx`);
    refuseExisting(path);
    return {
      path,
      url: `/themes/${id}/`,
      text: `---
# The theme's name, as shown in navigation
title: ${quote(values.title!.trim())}
# One line saying what the theme covers (at most 200 characters)
description: ""
# Position in theme lists, lowest first
order: ${known.themes.length + 1}
# Three to five talks to read first, as paths under content/talks/ without .mdx, e.g. eu-2023/my-talk
startHere: []
# true while writing: shown in npm run dev only
draft: true
# The month you last checked the overview against today's releases, YYYY-MM; npm run review lists pages due again.
reviewed: ${new Date().toISOString().slice(0, 7)}
---

An opening paragraph that says what this theme is about across the talks.

## Where the talks agree

## What changed between events

## What to do next
`,
    };
  }

  if (kind === 'event') {
    const id = slugify(values.id!);
    const path = join(contentDir, 'events', `${id}.yaml`);
    refuseExisting(path);
    return {
      path,
      url: `/events/${id}/`,
      text: `# The conference's full name
name: ${quote(values.name!.trim())}
# A short name for chips and breadcrumbs, e.g. "Europe 2024"
shortName: ""
# The host city, or "virtual"
location: ""
# The venue, if the recaps name it (remove the line otherwise)
venue: ""
# First and last day, YYYY-MM-DD, or YYYY-MM when the recaps do not give the day
start: ""
end: ""
# Events held alongside it, as the recaps mention them
colocated: []
# What the recaps say of the event's format and feel, in your own words
about: |
  …
`,
    };
  }

  if (kind === 'project') {
    const id = slugify(values.name!);
    const path = join(contentDir, 'projects', `${id}.yaml`);
    refuseExisting(path);
    return {
      path,
      url: `/projects/${id}/`,
      text: `# The name as its maintainers write it
name: ${quote(values.name!.trim())}
# What it is, in one line of your own words (at most 200 characters)
description: ""
# Its home page, only if you are certain (https); remove the line otherwise
# homepage: https://…
# The umbrella project it belongs to, a file name in content/projects/ (remove the line if none)
# parent: …
`,
    };
  }

  needEvent();
  const id = slugify(values.title!);
  const path = join(contentDir, 'recaps', id, 'index.mdx');
  refuseExisting(path);
  return {
    path,
    url: `/recaps/${id}/`,
    next: `Add a note for each talk you covered: npm run new -- note --recap ${id} --talk <talk-slug>`,
    text: `---
# The recap's title, or a description of it when it has none (then set untitled: true)
title: ${quote(values.title!.trim())}
untitled: false
# Who wrote it, as the recap says ("Not named in the text" when it does not)
author: ""
# How talk pages name the writer in prose, e.g. "The Deezer platform team"
attribution: ""
# The company or site that published it, if known (remove the line otherwise)
publisher: ""
# When it was published, YYYY-MM-DD or YYYY-MM, if it says (remove the line otherwise)
published: ""
# The event it reports on
event: ${values.event}
# What kind of write-up it is and what it focuses on, in one line
scope: ""
---

{/* Optional: an intro shown at the top of the recap's page (what you set out to do, what the event felt like). */}
`,
  };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      title: { type: 'string' },
      themes: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      recap: { type: 'string' },
      talk: { type: 'string' },
    },
  });
  const contentDir = resolve(process.env.KCR_CONTENT_DIR ?? 'content');
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    let kind = positionals[0] as Kind | undefined;
    if (!kind && rl) kind = (await rl.question(`What do you want to add? (${kinds.join(', ')}) `)).trim() as Kind;
    if (!kind || !kinds.includes(kind)) {
      throw new ScaffoldError(
        `Say what to add: npm run new -- <${kinds.join('|')}> …${kind ? ` ("${kind}" is not one of them)` : ''}`,
      );
    }
    const given: Record<string, string> = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const missing = required[kind].filter((key) => given[key] === undefined);
    if (missing.length && !rl) {
      throw new ScaffoldError(
        `Missing ${missing.map((key) => `--${key}`).join(' and ')}: npm run new -- ${kind} ${required[kind].map((key) => `--${key} "…"`).join(' ')}`,
      );
    }
    for (const key of missing) given[key] = (await rl!.question(`${kind} ${key}: `)).trim();
    const { path, text, url, next } = scaffold(kind, given, contentDir);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
    console.log(`Wrote ${relative(process.cwd(), path)}${url ? `; it will be served at ${url}` : ''}.`);
    console.log('Fill in every field, then check it with: npm test');
    if (next) console.log(next);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    rl?.close();
  }
}

if (import.meta.main) await main();
