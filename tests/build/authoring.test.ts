/**
 * Adding content: the scaffolder's refusals, a scaffolded talk that builds and
 * is found by search once its placeholders are filled, and drafts that never
 * reach any output.
 */
import { z } from 'astro/zod';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold, ScaffoldError } from '../../scripts/new';
import { eventSchema } from '../../src/schemas/event';
import { projectSchema } from '../../src/schemas/project';
import { recapSchema } from '../../src/schemas/recap';
import { talkSchema } from '../../src/schemas/talk';
import { themeSchema } from '../../src/schemas/theme';
import { buildSite } from '../helpers/build';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { scratchRoot, validContent, writeContent } from '../helpers/scratch';
import { root } from '../helpers/site';

const ref = z.string().transform((id) => ({ id, collection: '' }));
const refs = { event: ref, theme: ref, project: ref, recap: ref, talk: ref };
const schemas = {
  talk: talkSchema(refs),
  theme: themeSchema(refs),
  event: eventSchema,
  project: projectSchema(refs),
  recap: recapSchema(refs),
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScaffoldError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('npm run new', () => {
  const content = writeContent('scaffold-refusals', validContent());

  it('refuses an empty title', () => {
    expect(refusal(() => scaffold('talk', { event: 'eu-2021', title: '  ' }, content))).toMatch(/--title is empty/);
  });
  it('refuses an unknown event, and says how to add it', () => {
    expect(refusal(() => scaffold('talk', { event: 'eu-2099', title: 'X', themes: 'networking' }, content))).toMatch(
      /There is no event "eu-2099".*npm run new -- event --id eu-2099/,
    );
  });
  it('refuses an unknown theme', () => {
    expect(refusal(() => scaffold('talk', { event: 'eu-2021', title: 'X', themes: 'networkin' }, content))).toMatch(
      /Unknown theme networkin \(did you mean "networking"\?\)\. Known themes: networking/,
    );
  });
  it('refuses a title that makes no URL, or one too long for a page', () => {
    expect(
      refusal(() => scaffold('talk', { event: 'eu-2021', title: '🚀 🚀', themes: 'networking' }, content)),
    ).toMatch(/The title "🚀 🚀" has no letters or digits, so it makes no URL/);
    expect(refusal(() => scaffold('theme', { title: '✨' }, content))).toMatch(/makes no URL/);
    expect(
      refusal(() => scaffold('talk', { event: 'eu-2021', title: 'Long '.repeat(400), themes: 'networking' }, content)),
    ).toMatch(/a talk's title has at most 120/);
  });
  it('sees an existing talk saved with Windows line endings or a byte-order mark', () => {
    const dir = writeContent('scaffold-crlf', {
      ...validContent(),
      'talks/eu-2021/dns.mdx': `\uFEFF${validContent()['talks/eu-2021/dns.mdx']!.replace(/\n/g, '\r\n')}`,
    });
    expect(
      refusal(() => scaffold('talk', { event: 'eu-2021', title: 'DNS Pitfalls', themes: 'networking' }, dir)),
    ).toMatch(/A talk with this title or slug exists/);
  });
  it('refuses a duplicate talk, theme, event, project or recap', () => {
    expect(
      refusal(() => scaffold('talk', { event: 'eu-2021', title: 'DNS Pitfalls', themes: 'networking' }, content)),
    ).toMatch(/A talk with this title or slug exists: \S*content\/talks\/eu-2021\/dns\.mdx\./);
    expect(refusal(() => scaffold('theme', { title: 'Networking' }, content))).toMatch(/already exists/);
    expect(refusal(() => scaffold('event', { id: 'eu-2021', name: 'X' }, content))).toMatch(/already exists/);
    expect(refusal(() => scaffold('project', { name: 'Cilium' }, content))).toMatch(/already exists/);
  });
  it('without a terminal, says which arguments are missing', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/new.ts'), 'talk', '--event', 'eu-2021'], {
      env: { ...process.env, KCR_CONTENT_DIR: content },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'npm run new: missing --title and --themes: npm run new -- talk --event "…" --title "…" --themes "…"',
    );
  });
  it('writes every field, the section headings and the URL the talk will get', () => {
    const { path, text, url } = scaffold(
      'talk',
      { event: 'eu-2021', title: 'How We Run Karpenter', themes: 'networking' },
      content,
    );
    expect(path).toMatch(/talks\/eu-2021\/how-we-run-karpenter\.mdx$/);
    expect(url).toBe('/talks/how-we-run-karpenter/');
    for (const field of [
      'title:',
      'untitled:',
      'event:',
      'speakers:',
      'format:',
      'themes:',
      'projects:',
      'recaps:',
      'summary:',
      'draft:',
      'redirectFrom:',
    ]) {
      expect(text).toContain(`\n${field}`);
    }
    for (const heading of [
      '## What the talk covered',
      '## Takeaways',
      '## Tools and projects',
      '## What the recaps said',
    ]) {
      expect(text).toContain(heading);
    }
  });
  it('explains each field with its schema’s own description', () => {
    const files = {
      talk: scaffold('talk', { event: 'eu-2021', title: 'A New Talk', themes: 'networking' }, content).text,
      theme: scaffold('theme', { title: 'Sustainability' }, content).text,
      event: scaffold('event', { id: 'eu-2024', name: 'Example Con 2024' }, content).text,
      project: scaffold('project', { name: 'OpenCost' }, content).text,
      recap: scaffold('recap', { event: 'eu-2021', title: 'Our notes' }, content).text,
    };
    for (const [kind, text] of Object.entries(files)) {
      const shape = schemas[kind as keyof typeof schemas].shape as Record<string, { description?: string }>;
      for (const [field, schema] of Object.entries(shape)) {
        if (field === 'slug') continue; // a talk's slug is set only to keep a URL (CONTRIBUTING.md)
        const comment = new RegExp(
          `# ${escape(schema.description!.split(' ').slice(0, 6).join(' '))}[^]*?\\n(# )?${field}:`,
        );
        expect(text, `${kind}: ${field}`).toMatch(comment);
      }
    }
    expect(files.theme).toContain('# One to five talks to read first');
  });
});

describe('a scaffolded talk and a draft, built', () => {
  const out = join(scratchRoot, 'authoring', 'dist');
  let pagefind: PagefindApi;
  beforeAll(async () => {
    const files = validContent();
    const dir = writeContent('authoring', files);
    const { text } = scaffold(
      'talk',
      { event: 'eu-2021', title: 'Running Karpenter in Anger', themes: 'networking' },
      dir,
    );
    const filled = text
      .replace('projects: []', 'projects: [cilium]')
      .replace('recaps: []', 'recaps: [diary]')
      .replace('summary: ""', 'summary: How one team ran Karpenter for a year and what the node bills taught them.')
      .replace('speakers: []', 'speakers:\n  - name: Grace Example')
      .replace('draft: true', 'draft: false')
      .replace('### Attribution name of the recap (see "attribution" in content/recaps/)', '### The diary');
    const draft = files['talks/eu-2021/mesh.mdx']!.replace(
      'title: Meshes Are Awesome',
      'title: Secret Draft Talk\ndraft: true',
    );
    // And one as the scaffolder writes it, every gap still open: a draft must build as it is.
    const asWritten = scaffold('talk', { event: 'eu-2021', title: 'Still Being Written', themes: 'networking' }, dir);
    writeContent('authoring', {
      ...files,
      'talks/eu-2021/running-karpenter-in-anger.mdx': filled,
      'talks/eu-2021/mesh.mdx': draft,
      'talks/eu-2021/still-being-written.mdx': asWritten.text,
    });
    const result = buildSite({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
    if (!result.ok) throw new Error(result.output);
    pagefind = await openIndex(out);
  }, 600_000);
  afterAll(async () => {
    await pagefind?.destroy();
    rmSync(join(scratchRoot, 'authoring'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-refusals'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-crlf'), { recursive: true, force: true });
  });

  it('builds the scaffolded talk, lists it and finds it in search', async () => {
    expect(existsSync(join(out, 'talks/running-karpenter-in-anger/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'talks/index.html'), 'utf8')).toContain('Running Karpenter in Anger');
    const hits = await pagefind.search('Karpenter');
    expect(hits[0]?.url).toBe('/talks/running-karpenter-in-anger/');
  });

  it('leaves the draft out of every page, the index, the sitemap and the feed', async () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|txt)$/.test(f));
    for (const file of files) {
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('Secret Draft Talk');
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('Still Being Written');
    }
    expect(existsSync(join(out, 'talks/secret-draft-talk'))).toBe(false);
    expect(existsSync(join(out, 'og/talks/secret-draft-talk.png'))).toBe(false);
    expect(await pagefind.search('Secret Draft')).toEqual([]);
  });
});
