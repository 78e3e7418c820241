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
import { collections } from '../../src/lib/content-checks';
import { runAstroBuild } from '../helpers/build';
import { thrownBy } from '../helpers/fixtures';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { scratchRoot, validContent, writeContent } from '../helpers/scratch';
import { root } from '../helpers/site';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const refusal = (fn: () => unknown) => thrownBy(fn, ScaffoldError).message;

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
      'summary:',
      'draft:',
      'reviewed:',
      'redirectFrom:',
    ]) {
      expect(text).toContain(`\n${field}`);
    }
    expect(text).toContain('\n# comparison: |');
    for (const heading of ['## What the talk covered', '## Takeaways', '## Tools and projects']) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain('## What the recaps said');
  });
  it('writes a recap as a folder with its index.mdx', () => {
    const { path, text, url } = scaffold('recap', { event: 'eu-2021', title: 'Our Notes' }, content);
    expect(path).toMatch(/recaps\/our-notes\/index\.mdx$/);
    expect(url).toBe('/recaps/our-notes/');
    for (const field of ['title:', 'author:', 'attribution:', 'event: eu-2021', 'scope:']) {
      expect(text).toContain(`\n${field}`);
    }
  });
  it('writes a note on a talk, by slug or by path, with every field commented', () => {
    const withBlog = writeContent('scaffold-other-event', {
      ...validContent(),
      'recaps/blog/index.mdx': '---\ntitle: B\nauthor: A\nattribution: The blog\nevent: eu-2021\nscope: S.\n---\n',
    });
    const bySlug = scaffold('note', { recap: 'blog', talk: 'meshes-are-awesome' }, withBlog);
    expect(bySlug.path).toMatch(/recaps\/blog\/meshes-are-awesome\.md$/);
    expect(bySlug.text).toContain('\ntalk: eu-2021/mesh\n');
    expect(bySlug.text).toContain('\n# verdict:');
    expect(bySlug.text).toContain('\n# order:');
    expect(scaffold('note', { recap: 'blog', talk: 'eu-2021/mesh' }, withBlog).path).toBe(bySlug.path);
  });
  it('refuses a note for an unknown recap or talk, a talk of another event, and a second note on a talk', () => {
    expect(refusal(() => scaffold('note', { recap: 'blog', talk: 'dns-pitfalls' }, content))).toMatch(
      /There is no recap "blog"\. Known recaps: diary\. Add yours first: npm run new -- recap/,
    );
    expect(refusal(() => scaffold('note', { recap: 'diary', talk: 'dns-pitfals' }, content))).toMatch(
      /There is no talk "dns-pitfals"/,
    );
    expect(refusal(() => scaffold('note', { recap: 'diary', talk: 'dns-pitfalls' }, content))).toMatch(
      /content\/recaps\/diary\/dns\.md is already this recap's note on eu-2021\/dns/,
    );
    const other = writeContent('scaffold-other-event', {
      ...validContent(),
      'events/eu-2023.yaml': validContent()['events/eu-2021.yaml']!,
      'recaps/report/index.mdx': '---\ntitle: R\nauthor: A\nattribution: The report\nevent: eu-2023\nscope: S.\n---\n',
    });
    expect(refusal(() => scaffold('note', { recap: 'report', talk: 'dns-pitfalls' }, other))).toMatch(
      /"eu-2021\/dns" was given at eu-2021, but recap "report" reports on eu-2023/,
    );
  });
  it('explains each field with its schema’s own description', () => {
    const files = {
      talk: scaffold('talk', { event: 'eu-2021', title: 'A New Talk', themes: 'networking' }, content).text,
      theme: scaffold('theme', { title: 'Sustainability' }, content).text,
      event: scaffold('event', { id: 'eu-2024', name: 'Example Con 2024' }, content).text,
      project: scaffold('project', { name: 'OpenCost' }, content).text,
      recap: scaffold('recap', { event: 'eu-2021', title: 'Our notes' }, content).text,
      note: scaffold(
        'note',
        { recap: 'blog', talk: 'eu-2021/mesh' },
        writeContent('scaffold-other-event', {
          ...validContent(),
          'recaps/blog/index.mdx': '---\ntitle: B\nauthor: A\nattribution: The blog\nevent: eu-2021\nscope: S.\n---\n',
        }),
      ).text,
    };
    for (const [kind, text] of Object.entries(files)) {
      const shape = collections[`${kind as keyof typeof files}s`].schema.shape as Record<
        string,
        { description?: string }
      >;
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

describe('two attendees’ notes on one talk, scaffolded and built', () => {
  const out = join(scratchRoot, 'two-notes', 'dist');
  let dir: string;
  let files: Record<string, string>;
  const fill = (text: string, values: Record<string, string>) =>
    Object.entries(values).reduce((t, [from, to]) => t.replace(from, to), text);
  beforeAll(() => {
    dir = writeContent('two-notes', validContent());
    files = { ...validContent() };
    const write = (
      kind: Parameters<typeof scaffold>[0],
      values: Record<string, string>,
      filled: Record<string, string>,
    ) => {
      const { path, text } = scaffold(kind, values, dir);
      files[path.slice(dir.length + 1)] = fill(text, filled);
      writeContent('two-notes', files);
    };
    for (const [title, author] of [
      ['Team A at KubeCon', 'Ann'],
      ['Team B at KubeCon', 'Bob'],
    ] as const) {
      write(
        'recap',
        { event: 'eu-2021', title },
        {
          'author: ""': `author: ${author}`,
          'attribution: ""': `attribution: ${author}'s team`,
          'publisher: ""\n': '',
          'published: ""\n': '',
          'scope: ""': 'scope: What we saw.',
        },
      );
    }
    write(
      'note',
      { recap: 'team-a-at-kubecon', talk: 'dns-pitfalls' },
      { '---\n\n': '---\n\nAnn found the ndots demo eye-opening.\n' },
    );
    write(
      'note',
      { recap: 'team-b-at-kubecon', talk: 'dns-pitfalls' },
      { '---\n\n': '---\n\nBob doubted the DNS advice.\n' },
    );
  });
  afterAll(() => rmSync(join(scratchRoot, 'two-notes'), { recursive: true, force: true }));

  it('refuses the talk until someone writes where the notes agree and differ', () => {
    const result = runAstroBuild({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/talks\/eu-2021\/dns\.mdx: field "comparison": 3 recaps have notes on this talk/);
    expect(existsSync(join(out, 'talks/dns-pitfalls/index.html'))).toBe(false);
  });

  it('then builds both notes into the talk page and each into its recap page', () => {
    files['talks/eu-2021/dns.mdx'] = files['talks/eu-2021/dns.mdx']!.replace(
      '\n---\n',
      '\ncomparison: Ann liked the demo that Bob doubted.\n---\n',
    );
    writeContent('two-notes', files);
    const result = runAstroBuild({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
    if (!result.ok) throw new Error(result.output);
    const talk = readFileSync(join(out, 'talks/dns-pitfalls/index.html'), 'utf8');
    for (const text of [
      'Ann&#39;s team',
      'Ann found the ndots demo eye-opening.',
      'Bob&#39;s team',
      'Bob doubted the DNS advice.',
    ]) {
      expect(talk).toContain(text);
    }
    expect(talk).toContain('<h3 id="where-they-agree-and-differ"');
    expect(talk).toContain('Ann liked the demo that Bob doubted.');
    expect(talk).toContain('href="/recaps/team-a-at-kubecon/#dns-pitfalls"');
    for (const [recap, text] of [
      ['team-a-at-kubecon', 'Ann found the ndots demo eye-opening.'],
      ['team-b-at-kubecon', 'Bob doubted the DNS advice.'],
    ]) {
      const page = readFileSync(join(out, `recaps/${recap}/index.html`), 'utf8');
      expect(page).toContain('<h2 id="dns-pitfalls"');
      expect(page).toContain(text);
      expect(page).toContain('href="/talks/dns-pitfalls/"');
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
      .replace('projects: []', 'projects: [cilium]')
      .replace('summary: ""', 'summary: How one team ran Karpenter for a year and what the node bills taught them.')
      .replace('speakers: []', 'speakers:\n  - name: Grace Example')
      .replace('draft: true', 'draft: false');
    const draft = files['talks/eu-2021/mesh.mdx']!.replace(
      'title: Meshes Are Awesome',
      'title: Secret Draft Talk\ndraft: true',
    );
    // And one as the scaffolder writes it, every gap still open: a draft must build as it is.
    const asWritten = scaffold('talk', { event: 'eu-2021', title: 'Still Being Written', themes: 'networking' }, dir);
    writeContent('authoring', {
      ...files,
      'talks/eu-2021/running-karpenter-in-anger.mdx': filled,
      'recaps/diary/running-karpenter-in-anger.md':
        '---\ntalk: eu-2021/running-karpenter-in-anger\n---\n\nIt liked it.\n',
      'talks/eu-2021/mesh.mdx': draft,
      'talks/eu-2021/still-being-written.mdx': asWritten.text,
    });
    const result = runAstroBuild({ KCR_CONTENT_DIR: dir, KCR_OUT_DIR: out });
    if (!result.ok) throw new Error(result.output);
    pagefind = await openIndex(out);
  }, 600_000);
  afterAll(async () => {
    await pagefind?.destroy();
    rmSync(join(scratchRoot, 'authoring'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-refusals'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-crlf'), { recursive: true, force: true });
    rmSync(join(scratchRoot, 'scaffold-other-event'), { recursive: true, force: true });
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
