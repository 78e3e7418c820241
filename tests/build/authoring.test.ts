/**
 * Adding content: the scaffolder's refusals, a scaffolded talk that builds and
 * is found by search once its placeholders are filled, and drafts that never
 * reach any output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold, ScaffoldError } from '../../scripts/new';
import { runAstroBuild } from '../helpers/build';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { scratchRoot, validContent, writeContent } from '../helpers/scratch';
import { root } from '../helpers/site';

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
    expect(refusal(() => scaffold('talk', { event: 'eu-2099', title: 'X' }, content))).toMatch(
      /There is no event "eu-2099".*npm run new -- event --id eu-2099/,
    );
  });
  it('refuses an unknown theme', () => {
    expect(refusal(() => scaffold('talk', { event: 'eu-2021', title: 'X', themes: 'nope' }, content))).toMatch(
      /Unknown theme nope\. Known themes: networking/,
    );
  });
  it('refuses a duplicate talk, theme, event, project or recap', () => {
    expect(refusal(() => scaffold('talk', { event: 'eu-2021', title: 'DNS Pitfalls' }, content))).toMatch(
      /A talk with this title or slug exists: content\/talks\/eu-2021\/dns\.mdx/,
    );
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
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Missing --title: npm run new -- talk --event "…" --title "…"');
  });
  it('writes every field, the section headings and the URL the talk will get', () => {
    const { path, text, url } = scaffold('talk', { event: 'eu-2021', title: 'How We Run Karpenter' }, content);
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
      'reviewed:',
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
      .replace('  - name: ""\n    affiliation: ""', '  - name: Grace Example')
      .replace('projects: []', 'projects: [cilium]')
      .replace('recaps: []', 'recaps: [diary]')
      .replace('summary: ""', 'summary: How one team ran Karpenter for a year and what the node bills taught them.')
      .replace('draft: true', 'draft: false')
      .replace('### Attribution name of the recap (see "attribution" in content/recaps/)', '### The diary');
    const draft = files['talks/eu-2021/mesh.mdx']!.replace(
      'title: Meshes Are Awesome',
      'title: Secret Draft Talk\ndraft: true',
    );
    writeContent('authoring', {
      ...files,
      'talks/eu-2021/running-karpenter-in-anger.mdx': filled,
      'talks/eu-2021/mesh.mdx': draft,
    });
    const result = runAstroBuild({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
    if (!result.ok) throw new Error(result.output);
    pagefind = await openIndex(out);
  }, 600_000);
  afterAll(async () => {
    await pagefind?.destroy();
    rmSync(join(scratchRoot, 'authoring'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-refusals'), { recursive: true, force: true });
  });

  it('builds the scaffolded talk, lists it and finds it in search', async () => {
    expect(existsSync(join(out, 'talks/running-karpenter-in-anger/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'talks/index.html'), 'utf8')).toContain('Running Karpenter in Anger');
    const hits = await pagefind.search('Karpenter');
    expect(hits[0]?.url).toBe('/talks/running-karpenter-in-anger/');
  });

  it('leaves the draft out of every page, the index, the sitemap and the feed', async () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|txt)$/.test(f));
    for (const file of files) expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('Secret Draft Talk');
    expect(existsSync(join(out, 'talks/secret-draft-talk'))).toBe(false);
    expect(existsSync(join(out, 'og/talks/secret-draft-talk.png'))).toBe(false);
    expect(await pagefind.search('Secret Draft')).toEqual([]);
  });
});
