/** In `astro dev`, an attendee saving their note sees it on the talk page and on their recap page without a restart. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../helpers/build';
import { noteFile, validContent } from '../helpers/scratch';

let dev: Awaited<ReturnType<typeof startDevServer>>;
let content: string;
beforeAll(async () => {
  // Outside the project: the dev server's watcher ignores the tests' own scratch folders.
  content = mkdtempSync(join(tmpdir(), 'kcr-dev-notes-'));
  for (const [path, text] of Object.entries(validContent())) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  dev = await startDevServer({ KCR_CONTENT_DIR: content });
}, 90_000);
afterAll(async () => {
  await dev?.close();
  rmSync(content, { recursive: true, force: true });
});

const page = async (path: string) => (await fetch(new URL(path.replace(/^\//, ''), dev.url))).text();

async function eventually(check: () => Promise<boolean>) {
  for (let tries = 0; tries < 40; tries++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('a note saved in astro dev', () => {
  it('shows on the talk page and on the recap page', async () => {
    expect(await page('/talks/dns-pitfalls/')).toContain('It liked it.');
    writeFileSync(join(content, 'recaps/diary/dns.md'), noteFile('eu-2021/dns', 'The ndots demo changed our minds.'));
    expect(await eventually(async () => (await page('/talks/dns-pitfalls/')).includes('changed our minds'))).toBe(true);
    expect(await page('/recaps/diary/')).toContain('The ndots demo changed our minds.');
  }, 60_000);
});
