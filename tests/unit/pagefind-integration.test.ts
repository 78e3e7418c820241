/** The Pagefind integration's failure paths, with Pagefind mocked: each fails the build, removes the output and closes Pagefind. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { vocabularyOf } from '../../src/lib/search';

const pagefindApi = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(async () => {}) }));
vi.mock('pagefind', () => pagefindApi);

const { default: pagefind } = await import('../../src/integrations/pagefind');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** What the search/terms.json route writes: the synonyms, and where each is defined. */
const terms = (synonyms: Record<string, string[]>) =>
  JSON.stringify({
    synonyms,
    where: Object.fromEntries(
      Object.keys(synonyms).map((word) => [word, `content/glossary.yaml: field "${word}.means"`]),
    ),
  });

/** Runs the integration's hooks as a build does, with Astro's cache folder in `cacheDir` (a fresh one by default). */
async function runBuildDone(
  synonyms: Record<string, string[]> = {},
  cacheDir = mkdtempSync(join(tmpdir(), 'kcr-cache-')),
) {
  const dir = mkdtempSync(join(tmpdir(), 'kcr-pagefind-'));
  mkdirSync(join(dir, 'talks'));
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'index.html'), '<html><body data-pagefind-body>Hi</body></html>');
  writeFileSync(join(dir, 'search', 'terms.json'), terms(synonyms));
  const { hooks } = pagefind();
  (hooks['astro:config:done'] as (options: unknown) => void)({
    config: { outDir: pathToFileURL(`${dir}/`), base: '/', cacheDir: pathToFileURL(`${cacheDir}/`) },
  });
  const result = (hooks['astro:build:done'] as (options: unknown) => Promise<void>)({
    dir: pathToFileURL(`${dir}/`),
    logger,
  });
  return { dir, result };
}

const autoscaling = {
  content: 'Horizontal Pod Autoscaler scales pods',
  meta: { title: 'Autoscaling' },
  filters: {},
  anchors: [],
};

/** Writes fragments as Pagefind does (gzipped JSON after a signature, named by a hash), for the vocabulary to read. */
function fragmentsWriter(fragments: Record<string, object | Buffer> = { 'en_1.pf_fragment': autoscaling }) {
  return ({ outputPath }: { outputPath: string }) => {
    mkdirSync(join(outputPath, 'fragment'), { recursive: true });
    for (const [name, fragment] of Object.entries(fragments)) {
      const bytes = Buffer.isBuffer(fragment) ? fragment : gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`);
      writeFileSync(join(outputPath, 'fragment', name), bytes);
    }
    return { errors: [] };
  };
}
const writeFragment = fragmentsWriter();
/** The whole vocabulary, read back from its files as the browser reads them. */
const publishedVocabulary = (dir: string) => {
  const { vocabulary } = JSON.parse(readFileSync(join(dir, 'pagefind', 'kcr-terms.json'), 'utf8'));
  return vocabularyOf(vocabulary, { min: 0, max: 100 }, async (file) =>
    JSON.parse(readFileSync(join(dir, 'pagefind', file), 'utf8')),
  );
};

function indexThat(overrides: Record<string, unknown>) {
  return {
    addDirectory: vi.fn(async () => ({ errors: [], page_count: 3 })),
    writeFiles: vi.fn(async (options: { outputPath: string }) => writeFragment(options)),
    ...overrides,
  };
}

describe('the Pagefind integration', () => {
  beforeEach(() => {
    pagefindApi.createIndex.mockReset();
    pagefindApi.close.mockClear();
  });

  it.each([
    ['Pagefind cannot start', { index: undefined, errors: ['no binary'] }, /Pagefind could not start: no binary/],
    [
      'a page cannot be indexed',
      { index: indexThat({ addDirectory: async () => ({ errors: ['bad html'], page_count: 0 }) }), errors: [] },
      /could not index the site: bad html/,
    ],
    [
      'no page is marked searchable',
      { index: indexThat({ addDirectory: async () => ({ errors: [], page_count: 0 }) }), errors: [] },
      /indexed no page: no page has a data-pagefind-body element/,
    ],
    [
      'the index cannot be written',
      { index: indexThat({ writeFiles: async () => ({ errors: ['disk full'] }) }), errors: [] },
      /could not write its index: disk full/,
    ],
  ])('fails the build when %s, removes the output and closes Pagefind', async (_case, created, message) => {
    pagefindApi.createIndex.mockResolvedValue(created);
    const { dir, result } = await runBuildDone();
    await expect(result).rejects.toThrow(message);
    expect(existsSync(dir)).toBe(false);
    expect(pagefindApi.close).toHaveBeenCalledOnce();
  });

  it('keeps the output and closes Pagefind when indexing succeeds, with the synonyms and vocabulary beside the index', async () => {
    const index = indexThat({});
    pagefindApi.createIndex.mockResolvedValue({ index, errors: [] });
    const { dir, result } = await runBuildDone({ hpa: ['Horizontal Pod Autoscaler'] });
    await expect(result).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: join(dir, 'pagefind') });
    const published = JSON.parse(readFileSync(join(dir, 'pagefind', 'kcr-terms.json'), 'utf8'));
    expect(published.synonyms).toEqual({ hpa: ['Horizontal Pod Autoscaler'] });
    // One file per length of word, each named by its content.
    expect(published.vocabulary).toEqual({
      4: expect.stringMatching(/^kcr-vocabulary-4\.[0-9a-f]{10}\.json$/),
      6: expect.stringMatching(/^kcr-vocabulary-6\.[0-9a-f]{10}\.json$/),
      10: expect.stringMatching(/^kcr-vocabulary-10\.[0-9a-f]{10}\.json$/),
      11: expect.stringMatching(/^kcr-vocabulary-11\.[0-9a-f]{10}\.json$/),
    });
    expect(readdirSync(join(dir, 'pagefind'))).toEqual(expect.arrayContaining(Object.values(published.vocabulary)));
    const vocabulary = await publishedVocabulary(dir);
    // Words of four letters or more only: "hpa" is searched through its meaning, never offered as a correction.
    expect(vocabulary.names).toEqual(['autoscaling']);
    expect(vocabulary.words).toEqual(['horizontal', 'autoscaler', 'scales', 'pods'].sort());
    // The route's output is an input to this step, not a file to publish.
    expect(existsSync(join(dir, 'search', 'terms.json'))).toBe(false);
    expect(pagefindApi.close).toHaveBeenCalledOnce();
  });

  it('fails the build when a synonym means words no page has, naming the file and field, and removes the output', async () => {
    pagefindApi.createIndex.mockResolvedValue({ index: indexThat({}), errors: [] });
    const { dir, result } = await runBuildDone({ psp: ['PodSecurityPolicy'] });
    await expect(result).rejects.toThrow(
      'content/glossary.yaml: field "psp.means": "PodSecurityPolicy" names nothing on the site',
    );
    expect(existsSync(dir)).toBe(false);
    expect(pagefindApi.close).toHaveBeenCalledOnce();
  });

  it("reads a page's words from the last build's record when its fragment has the same name, and reads new fragments", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kcr-cache-'));
    pagefindApi.createIndex.mockResolvedValue({ index: indexThat({}), errors: [] });
    await (
      await runBuildDone({}, cacheDir)
    ).result;
    // Same name, bytes that are not a fragment at all: read, they would fail the build.
    const rebuilt = fragmentsWriter({
      'en_1.pf_fragment': Buffer.from('not gzip'),
      'en_2.pf_fragment': { content: 'Karpenter provisions nodes', meta: {}, filters: {}, anchors: [] },
    });
    pagefindApi.createIndex.mockResolvedValue({ index: indexThat({ writeFiles: vi.fn(rebuilt) }), errors: [] });
    const second = await runBuildDone({}, cacheDir);
    await expect(second.result).resolves.toBeUndefined();
    expect((await publishedVocabulary(second.dir)).words).toEqual(
      ['horizontal', 'autoscaler', 'scales', 'pods', 'karpenter', 'provisions', 'nodes'].sort(),
    );
    // A page gone from the index takes its words with it.
    const third = fragmentsWriter({ 'en_2.pf_fragment': Buffer.from('not gzip either') });
    pagefindApi.createIndex.mockResolvedValue({ index: indexThat({ writeFiles: vi.fn(third) }), errors: [] });
    const last = await runBuildDone({}, cacheDir);
    await expect(last.result).resolves.toBeUndefined();
    expect(await publishedVocabulary(last.dir)).toEqual({ names: [], words: ['karpenter', 'nodes', 'provisions'] });
  });

  describe('beside a published build', () => {
    const fragment = (content: string) =>
      gzipSync(`pagefind_dcd${JSON.stringify({ content, meta: {}, filters: {}, anchors: [] })}`);
    const write = (path: string, bytes: string | Buffer) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    };
    /** A published build and the staging folder of the next one, as atomic-output lays them out. */
    function layout() {
      const root = mkdtempSync(join(tmpdir(), 'kcr-published-'));
      const published = join(root, 'site');
      const staging = join(root, '.site.next');
      write(join(published, 'pagefind', 'fragment', 'en_kept.pf_fragment'), fragment('Karpenter provisions nodes'));
      write(join(published, 'pagefind', 'fragment', 'en_gone.pf_fragment'), fragment('Removed page words'));
      write(join(published, 'pagefind', 'index', 'en_chunk.pf_index'), 'chunk');
      write(join(published, 'pagefind', 'pagefind.en_oldmeta.pf_meta'), 'old meta');
      write(join(published, 'pagefind', 'pagefind-entry.json'), '{"old":true}');
      write(join(staging, 'index.html'), '<html><body data-pagefind-body>Hi</body></html>');
      write(join(staging, 'search', 'terms.json'), terms({}));
      return { published, staging };
    }
    /**
     * Writes as Pagefind 1.x does: a hashed file only when none of its name exists, the entry file always; the
     * metadata names the pages and chunks by hash. Records the hashed files it wrote.
     */
    function pagefindWriter(pages: Record<string, string>, pageCount = Object.keys(pages).length) {
      const wrote: string[] = [];
      const writeFiles = vi.fn(async ({ outputPath }: { outputPath: string }) => {
        const hashed: Record<string, Buffer | string> = {
          'pagefind.en_newmeta.pf_meta': gzipSync(
            `pagefind_dcd${JSON.stringify(['1.6.0', Object.keys(pages), 'en_chunk'])}`,
          ),
          'index/en_chunk.pf_index': 'chunk',
          ...Object.fromEntries(
            Object.entries(pages).map(([hash, text]) => [`fragment/${hash}.pf_fragment`, fragment(text)]),
          ),
        };
        for (const [name, bytes] of Object.entries(hashed)) {
          if (existsSync(join(outputPath, name))) continue;
          write(join(outputPath, name), bytes);
          wrote.push(name);
        }
        write(
          join(outputPath, 'pagefind-entry.json'),
          JSON.stringify({
            version: '1.6.0',
            languages: { en: { hash: 'en_newmeta', wasm: 'en', page_count: pageCount } },
          }),
        );
        return { errors: [] };
      });
      return { writeFiles, wrote };
    }
    async function build(staging: string, writeFiles: ReturnType<typeof pagefindWriter>['writeFiles']) {
      pagefindApi.createIndex.mockResolvedValue({ index: indexThat({ writeFiles }), errors: [] });
      const { hooks } = pagefind();
      const cacheDir = mkdtempSync(join(tmpdir(), 'kcr-cache-'));
      (hooks['astro:config:done'] as (options: unknown) => void)({
        config: { outDir: pathToFileURL(`${staging}/`), base: '/', cacheDir: pathToFileURL(`${cacheDir}/`) },
      });
      await (hooks['astro:build:done'] as (options: unknown) => Promise<void>)({
        dir: pathToFileURL(`${staging}/`),
        logger,
      });
    }
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
        .sort();

    it('writes only the files that changed, drops the ones no longer used and leaves the published build as it was', async () => {
      const { published, staging } = layout();
      const before = files(published).map((file) => [file, readFileSync(join(published, file), 'utf8')]);
      const { writeFiles, wrote } = pagefindWriter({ en_kept: 'Karpenter provisions nodes', en_new: 'Falco rules' });
      logger.info.mockClear();
      await build(staging, writeFiles);
      // The kept fragment and the unchanged chunk came from the published build; Pagefind wrote only the rest.
      expect(wrote.sort()).toEqual(['fragment/en_new.pf_fragment', 'pagefind.en_newmeta.pf_meta']);
      expect(statSync(join(staging, 'pagefind', 'fragment', 'en_kept.pf_fragment')).ino).toBe(
        statSync(join(published, 'pagefind', 'fragment', 'en_kept.pf_fragment')).ino,
      );
      expect(files(join(staging, 'pagefind')).filter((file) => !file.startsWith('kcr-'))).toEqual([
        'fragment/en_kept.pf_fragment',
        'fragment/en_new.pf_fragment',
        'index/en_chunk.pf_index',
        'pagefind-entry.json',
        'pagefind.en_newmeta.pf_meta',
      ]);
      // The entry file is rewritten in place by Pagefind, so it is never a link to the published one.
      expect(files(published).map((file) => [file, readFileSync(join(published, file), 'utf8')])).toEqual(before);
      expect(String(logger.info.mock.calls.at(-1)?.[0])).toContain('(2 of its files kept from the published build)');
      // The removed page's words are gone from the vocabulary with its fragment.
      expect((await publishedVocabulary(staging)).words).toEqual([
        'falco',
        'karpenter',
        'nodes',
        'provisions',
        'rules',
      ]);
    });

    it('writes the index afresh when it does not read as expected', async () => {
      const { staging } = layout();
      // The entry file counts a page more than there are fragments: the linked files cannot be trusted.
      const { writeFiles, wrote } = pagefindWriter({ en_kept: 'Karpenter provisions nodes' }, 2);
      await build(staging, writeFiles);
      expect(writeFiles).toHaveBeenCalledTimes(2);
      expect(wrote).toContain('fragment/en_kept.pf_fragment');
      expect(statSync(join(staging, 'pagefind', 'fragment', 'en_kept.pf_fragment')).nlink).toBe(1);
    });
  });
});
