/**
 * The output swap: a finished build takes the output folder's place whole, and the site it replaced is deleted
 * by the next build, not at the end of this one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import atomicOutput, { moveIntoPlace, replacedDir, stagingDir } from '../../src/integrations/atomic-output';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(dir: string, text: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}
const page = (dir: string) => readFileSync(join(dir, 'index.html'), 'utf8');

/** Runs the integration's two hooks as `astro build` does, with a build written between them. */
async function build(outDir: string, text: string, whileBuilding: () => Promise<unknown> = async () => {}) {
  const hooks = atomicOutput().hooks;
  let staged = '';
  await hooks['astro:config:setup']!({
    command: 'build',
    config: { outDir: pathToFileURL(`${outDir}/`) },
    updateConfig: (config: { outDir: URL }) => (staged = config.outDir.pathname),
  } as never);
  site(staged, text);
  await whileBuilding();
  await hooks['astro:build:done']!({ logger: { info() {} } as unknown as AstroIntegrationLogger } as never);
}

describe('moveIntoPlace', () => {
  it('puts the new site in the output folder and sets the old one aside', () => {
    root = mkdtempSync(join(tmpdir(), 'kcr-atomic-'));
    const out = join(root, 'dist');
    site(out, 'old');
    site(stagingDir(out), 'new');
    moveIntoPlace(stagingDir(out), out);
    expect(page(out)).toBe('new');
    expect(page(replacedDir(out))).toBe('old');
    expect(existsSync(stagingDir(out))).toBe(false);
  });

  it('works when there is no output folder yet', () => {
    root = mkdtempSync(join(tmpdir(), 'kcr-atomic-'));
    const out = join(root, 'dist');
    site(stagingDir(out), 'first');
    moveIntoPlace(stagingDir(out), out);
    expect(page(out)).toBe('first');
    expect(existsSync(replacedDir(out))).toBe(false);
  });
});

describe('a build', () => {
  it('deletes the site the build before it replaced while it builds, and sets aside the one it replaces', async () => {
    root = mkdtempSync(join(tmpdir(), 'kcr-atomic-'));
    const out = join(root, 'dist');
    await build(out, 'one');
    await build(out, 'two');
    expect(page(replacedDir(out))).toBe('one');
    await build(out, 'three', () => vi.waitUntil(() => !existsSync(replacedDir(out)), { timeout: 5000 }));
    expect(page(out)).toBe('three');
    expect(page(replacedDir(out))).toBe('two');
    expect(existsSync(stagingDir(out))).toBe(false);
  });
});
