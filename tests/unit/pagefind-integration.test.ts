/** The Pagefind integration's failure paths, with Pagefind mocked: each fails the build, removes the output and closes Pagefind. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pagefindApi = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(async () => {}) }));
vi.mock('pagefind', () => pagefindApi);

const { default: pagefind } = await import('../../src/integrations/pagefind');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

async function runBuildDone() {
  const dir = mkdtempSync(join(tmpdir(), 'kcr-pagefind-'));
  mkdirSync(join(dir, 'talks'));
  writeFileSync(join(dir, 'index.html'), '<html><body data-pagefind-body>Hi</body></html>');
  const hook = pagefind().hooks['astro:build:done'] as (options: unknown) => Promise<void>;
  const result = hook({ dir: pathToFileURL(`${dir}/`), logger });
  return { dir, result };
}

function indexThat(overrides: Record<string, unknown>) {
  return {
    addDirectory: vi.fn(async () => ({ errors: [], page_count: 3 })),
    writeFiles: vi.fn(async () => ({ errors: [] })),
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

  it('keeps the output and closes Pagefind when indexing succeeds', async () => {
    const index = indexThat({});
    pagefindApi.createIndex.mockResolvedValue({ index, errors: [] });
    const { dir, result } = await runBuildDone();
    await expect(result).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: join(dir, 'pagefind') });
    expect(pagefindApi.close).toHaveBeenCalledOnce();
  });
});
