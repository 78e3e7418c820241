/**
 * Bad content stops a real build with the problem alone: no stack trace, no other error before it, and the
 * output folder exactly as the last good build left it. Every kind of mistake is a unit test on the checks the
 * build runs (tests/unit/content-checks.test.ts); these are the cases a build is the point of: a schema error, an
 * MDX error and a link between files, all caught before anything is written; a content folder that does not
 * exist; a failure after the pages are written; and valid input that must survive a build end to end.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstroBuild } from '../helpers/build';
import { noteFile, scratchRoot, talkFile, validContent } from '../helpers/scratch';
import { checkSite } from '../helpers/site-check';

const name = 'bad-content';
const out = join(scratchRoot, name, 'dist');
const staging = join(scratchRoot, name, '.dist.next');
const talk = 'talks/eu-2021/dns.mdx';
const japanese = '複数クラスタにまたがるLinkerd';

/** The valid folder, with input that must work end to end: a Japanese title with old slugs in other scripts, a
 * talk saved with Windows line endings, an event with a byte-order mark. */
function goodContent(): Record<string, string> {
  const files = validContent();
  return {
    ...files,
    'talks/eu-2021/linkerd.mdx': talkFile(japanese, 'redirectFrom: [сетевые-политики, 古いタイトル]\n'),
    'recaps/diary/linkerd.md': noteFile('eu-2021/linkerd'),
    'talks/eu-2021/mesh.mdx': files['talks/eu-2021/mesh.mdx']!.replace(/\n/g, '\r\n'),
    'events/eu-2021.yaml': `\uFEFF${files['events/eu-2021.yaml']}`,
  };
}

/** Every file of the output folder and a hash of its bytes. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [relative(out, file), createHash('sha1').update(readFileSync(file)).digest('hex')];
      }),
  );
}

/** Builds the files (path → text) into the one output folder, as a writer rebuilding after an edit would. */
function build(files: Record<string, string>, env: Record<string, string> = {}) {
  const content = join(scratchRoot, name, 'content');
  rmSync(content, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return runAstroBuild({ KCR_CONTENT_DIR: content, KCR_OUT_DIR: out, ...env });
}

let previous: Record<string, string>;
beforeAll(() => {
  rmSync(join(scratchRoot, name), { recursive: true, force: true });
  const result = build(goodContent());
  if (!result.ok) throw new Error(result.output);
  previous = snapshot();
}, 600_000);
afterAll(() => rmSync(join(scratchRoot, name), { recursive: true, force: true }));

describe('a build of good content', () => {
  it('publishes a Japanese title under the name its links use, and redirects its old slugs', () => {
    const slug = '複数クラスタにまたがるlinkerd';
    expect(existsSync(join(out, 'talks', slug, 'index.html'))).toBe(true);
    expect(readFileSync(join(out, 'talks/index.html'), 'utf8')).toContain(`href="/talks/${slug}/"`);
    for (const old of ['сетевые-политики', '古いタイトル']) {
      expect(readFileSync(join(out, 'talks', old, 'index.html'), 'utf8')).toContain(
        `url=${encodeURI(`/talks/${slug}/`)}`,
      );
    }
    expect(checkSite(out).problems).toEqual([]);
  });
  it('reads files saved with Windows line endings or a byte-order mark', () => {
    expect(readFileSync(join(out, 'talks/meshes-are-awesome/index.html'), 'utf8')).toContain('Meshes Are Awesome');
    expect(readFileSync(join(out, 'events/eu-2021/index.html'), 'utf8')).toContain('Example Con 2021');
  });
});

describe('a build of bad content', () => {
  const edit = (from: string, to: string) => ({ ...goodContent(), [talk]: validContent()[talk]!.replace(from, to) });

  it.each([
    [
      'a schema error',
      edit('themes:', 'theme:'),
      'tests/.tmp/scratch/bad-content/content/talks/eu-2021/dns.mdx:8: "theme" is not a field of a talk; did you mean "themes"?',
    ],
    [
      'an MDX error',
      edit('It covered', 'It covered <Unclosed'),
      'tests/.tmp/scratch/bad-content/content/talks/eu-2021/dns.mdx:15: this is not valid MDX: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) (to show a < in text, write &lt; or put it in backticks)',
    ],
    [
      'a link to a theme that does not exist',
      edit('themes: [networking]', 'themes: [networkin]'),
      'tests/.tmp/scratch/bad-content/content/talks/eu-2021/dns.mdx: field "themes": there is no theme "networkin" (expected a file name in content/themes/, one of: networking)',
    ],
  ])('stops on %s with the message alone, before anything is written', (_case, files, problem) => {
    const result = build(files);
    expect(result.status).toBe(1);
    expect(result.output.trim()).toBe(`The content has a problem; fix it and build again:\n  - ${problem}`);
    expect(snapshot()).toEqual(previous);
    expect(existsSync(staging)).toBe(false);
  });

  const scratch = 'tests/.tmp/scratch/bad-content/content';
  it.each([
    [
      'a malformed glossary entry',
      { ...goodContent(), 'glossary.yaml': 'HPA: [Horizontal Pod Autoscaler]\n' },
      `${scratch}/glossary.yaml:1: field "HPA": expected fields, written name: value`,
    ],
    [
      'a word both a project alias and a glossary entry',
      {
        ...goodContent(),
        'projects/cilium.yaml': validContent()['projects/cilium.yaml']!.replace(
          'description:',
          'aliases: [ebpfcni]\ndescription:',
        ),
        'glossary.yaml': 'ebpfcni:\n  means: [Cilium]\n',
      },
      `${scratch}/glossary.yaml: field "ebpfcni.means": "ebpfcni" is also defined in ${scratch}/projects/cilium.yaml: field "aliases"; keep one`,
    ],
  ])('stops on %s, naming the file and field, before anything is written', (_case, files, problem) => {
    const result = build(files);
    expect(result.status).toBe(1);
    expect(result.output.trim()).toBe(`The content has a problem; fix it and build again:\n  - ${problem}`);
    expect(snapshot()).toEqual(previous);
  });

  it('stops on a glossary meaning no page has, naming the file and field, once the index shows it', () => {
    const result = build({ ...goodContent(), 'glossary.yaml': 'HPA:\n  means: [Horizontal Pod Autoscaler]\n' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      `${scratch}/glossary.yaml: field "HPA.means": "Horizontal Pod Autoscaler" names nothing on the site: no page has the words "Horizontal Pod Autoscaler"`,
    );
    expect(snapshot()).toEqual(previous);
    expect(existsSync(staging)).toBe(false);
  });

  it('stops when KCR_CONTENT_DIR points nowhere, in one line', () => {
    const result = runAstroBuild({ KCR_CONTENT_DIR: '/nonexistent/content', KCR_OUT_DIR: out });
    expect(result.status).toBe(1);
    expect(result.output.trim()).toBe(
      'The content has a problem; fix it and build again:\n  - KCR_CONTENT_DIR points to /nonexistent/content, which does not exist; point it at a folder holding talks/, themes/, events/, projects/, recaps/, changes/, or leave it unset to use ./content',
    );
    expect(snapshot()).toEqual(previous);
  });

  it('shows the stack after the message, and only with DEBUG', () => {
    const result = build(edit('themes:', 'theme:'), { DEBUG: '1' });
    expect(result.status).toBe(1);
    expect(result.output.trimStart()).toMatch(
      /^The content has a problem; fix it and build again:\n {2}- .*dns\.mdx:8: [^\n]*\n[\s\S]*Stack trace:/,
    );
  });

  it('leaves the previous build in place when it fails after writing the pages', () => {
    // A card cache under a regular file cannot be written: the cards fail once every page is written.
    const blocker = join(scratchRoot, name, 'not-a-folder');
    writeFileSync(blocker, '');
    const result = build(edit('It covered', 'It covered, in a new build,'), { KCR_CARD_CACHE: join(blocker, 'cards') });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/ENOTDIR|not a directory/);
    expect(snapshot()).toEqual(previous);
    expect(existsSync(staging)).toBe(false);
  });
});
