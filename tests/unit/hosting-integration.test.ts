/**
 * The hosting integration's compressed copies: what a gzip or Brotli reader is sent must always be the page as
 * this build wrote it, whether the copy was made now or kept from the build before.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedDirOf, stagingDir } from '../../src/integrations/atomic-output';
import hosting, { copiesOf, precompress } from '../../src/integrations/hosting';

const page = (words: string) => `<!doctype html><title>${words}</title><p>${`${words} `.repeat(200)}</p>`;

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A previous output and a new one beside it, as atomic-output stages a build. */
function folders(previous: Record<string, string>, next: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'kcr-hosting-'));
  const published = join(root, 'dist');
  const staging = stagingDir(published);
  for (const [dir, files] of [
    [published, previous],
    [staging, next],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  }
  return { published, staging };
}

const gunzipped = (dir: string, file: string) => gunzipSync(readFileSync(join(dir, `${file}.gz`))).toString();
const unbrotlied = (dir: string, file: string) =>
  brotliDecompressSync(readFileSync(join(dir, `${file}.br`))).toString();

describe('precompress', () => {
  it('writes a gzip and a Brotli copy of each text file, and none of a file too small to gain', async () => {
    const { staging } = folders({}, { 'index.html': page('kubernetes'), 'tiny.txt': 'ok' });
    const sizes = await precompress(staging, ['index.html', 'tiny.txt']);
    expect(gunzipped(staging, 'index.html')).toBe(page('kubernetes'));
    expect(unbrotlied(staging, 'index.html')).toBe(page('kubernetes'));
    expect(existsSync(join(staging, 'tiny.txt.gz'))).toBe(false);
    expect(sizes).toMatchObject({ files: 1, reused: 0 });
  });

  it('keeps the previous build’s copies of an unchanged file, and compresses a changed one afresh', async () => {
    const { published, staging } = folders(
      { 'same.html': page('karpenter'), 'changed.html': page('old words') },
      { 'same.html': page('karpenter'), 'changed.html': page('new words'), 'added.html': page('falco') },
    );
    // The previous copies, made with other settings, so a kept copy can be told from a fresh one.
    const keptGzip = gzipSync(page('karpenter'), { level: 1 });
    const keptBrotli = brotliCompressSync(page('karpenter'));
    writeFileSync(join(published, 'same.html.gz'), keptGzip);
    writeFileSync(join(published, 'same.html.br'), keptBrotli);
    writeFileSync(join(published, 'changed.html.gz'), gzipSync(page('old words')));
    writeFileSync(join(published, 'changed.html.br'), brotliCompressSync(page('old words')));

    const sizes = await precompress(staging, ['same.html', 'changed.html', 'added.html'], publishedDirOf(staging));

    expect(readFileSync(join(staging, 'same.html.gz')).equals(keptGzip)).toBe(true);
    expect(readFileSync(join(staging, 'same.html.br')).equals(keptBrotli)).toBe(true);
    for (const file of ['changed.html', 'added.html']) {
      const text = readFileSync(join(staging, file), 'utf8');
      expect(gunzipped(staging, file)).toBe(text);
      expect(unbrotlied(staging, file)).toBe(text);
    }
    expect(sizes).toMatchObject({ files: 3, reused: 1 });
  });

  it('judges afresh an unchanged file the previous build left without copies', async () => {
    // A build made before a rule changed (here: a file too small to gain, and a page it did not compress).
    const { staging } = folders(
      { 'tiny.txt': 'ok', 'page.html': page('cilium') },
      { 'tiny.txt': 'ok', 'page.html': page('cilium') },
    );
    const sizes = await precompress(staging, ['tiny.txt', 'page.html'], publishedDirOf(staging));
    expect(existsSync(join(staging, 'tiny.txt.gz'))).toBe(false);
    expect(gunzipped(staging, 'page.html')).toBe(page('cilium'));
    expect(sizes).toMatchObject({ files: 1, reused: 0 });
  });
});

describe('Pagefind’s own files', () => {
  // As Pagefind writes them: gzipped, with a signature it checks once the bytes are decoded.
  const packed = (words: string) => gzipSync(`pagefind_dcd${words.repeat(300)}`);

  it('are their own gzip copies, and where every first search fetches them get a Brotli copy of what they hold', async () => {
    const engine = 'pagefind/wasm.en.pagefind';
    const meta = 'pagefind/pagefind.en_0a1b2c.pf_meta';
    const filter = 'pagefind/filter/en_3d4e5f.pf_filter';
    const chunk = 'pagefind/index/en_0a1b2c.pf_index';
    const fragment = 'pagefind/fragment/en_4d5e6f.pf_fragment';
    for (const file of [engine, meta, filter]) expect(copiesOf(file), file).toBe('pagefind+brotli');
    for (const file of [chunk, fragment]) expect(copiesOf(file), file).toBe('pagefind');
    expect(copiesOf('logo.png')).toBeUndefined();
    expect(copiesOf(`${chunk}.gz`)).toBeUndefined();
    expect(copiesOf('pagefind/pagefind.js')).toBe('text');

    root = mkdtempSync(join(tmpdir(), 'kcr-hosting-'));
    for (const dir of ['filter', 'index', 'fragment']) mkdirSync(join(root, 'pagefind', dir), { recursive: true });
    const held: Record<string, string> = {
      [engine]: 'engine ',
      [meta]: 'metadata ',
      [filter]: 'karpenter falco ',
      [chunk]: 'cilium ',
      [fragment]: 'gatekeeper ',
    };
    for (const [file, words] of Object.entries(held)) writeFileSync(join(root, file), packed(words));
    const sizes = await precompress(root, Object.keys(held));

    for (const [file, words] of Object.entries(held)) {
      // Sent marked as the gzip it is, the browser decodes it to what Pagefind would have gunzipped itself.
      expect(gunzipped(root, file), file).toBe(`pagefind_dcd${words.repeat(300)}`);
      // The file itself, not a second copy of its bytes.
      expect(statSync(join(root, `${file}.gz`)).ino, file).toBe(statSync(join(root, file)).ino);
    }
    for (const file of [engine, meta, filter]) {
      expect(unbrotlied(root, file), file).toBe(`pagefind_dcd${held[file]!.repeat(300)}`);
    }
    for (const file of [chunk, fragment]) expect(existsSync(join(root, `${file}.br`)), file).toBe(false);
    expect(sizes).toMatchObject({ files: 3, reused: 0, gzipped: 5 });
  });

  it('keep the previous build’s copy when unchanged', async () => {
    const file = 'pagefind/wasm.en.pagefind';
    const { published, staging } = folders({}, {});
    for (const dir of [published, staging]) {
      mkdirSync(join(dir, 'pagefind'));
      writeFileSync(join(dir, file), packed('engine '));
    }
    const kept = brotliCompressSync('made by an earlier build');
    writeFileSync(join(published, `${file}.br`), kept);
    const sizes = await precompress(staging, [file], publishedDirOf(staging));
    expect(readFileSync(join(staging, `${file}.br`)).equals(kept)).toBe(true);
    // Its gzip copy is still this build's file itself.
    expect(statSync(join(staging, `${file}.gz`)).ino).toBe(statSync(join(staging, file)).ino);
    expect(sizes).toMatchObject({ files: 1, reused: 1, gzipped: 1 });
  });
});

describe('the headers file', () => {
  it('merges the pages’ policies in the pages’ order, however long each takes to read', async () => {
    const policy = (hash: string) => `default-src 'self'; script-src 'self' 'sha256-${hash}'`;
    const meta = (hash: string) => `<meta http-equiv="content-security-policy" content="${policy(hash)}">`;
    const { staging } = folders(
      {},
      {
        // The first page is the slowest to read, so its read finishes last.
        'a.html': `<!doctype html>${meta('AAA')}<p>${'x'.repeat(8_000_000)}</p>`,
        'b.html': `<!doctype html>${meta('BBB')}<p>b</p>`,
        _redirects: '',
      },
    );
    const done = hosting().hooks['astro:build:done'] as (options: unknown) => Promise<void>;
    await done({ dir: pathToFileURL(`${staging}/`), logger: { info() {} } });
    const headers = readFileSync(join(staging, '_headers'), 'utf8');
    expect(headers).toMatch(/script-src 'self' 'sha256-AAA' 'sha256-BBB'/);
  });
});

describe('publishedDirOf', () => {
  it('is the folder a staging folder replaces, and nothing for any other folder', () => {
    expect(publishedDirOf(stagingDir('/site/dist'))).toBe('/site/dist');
    expect(publishedDirOf('/site/.dist.next/')).toBe('/site/dist');
    expect(publishedDirOf('/site/dist')).toBeUndefined();
  });
});
