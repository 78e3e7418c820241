/**
 * `npm run dev` on a scratch content folder, as a writer uses it: files saved on Windows (CRLF) or with a
 * byte-order mark show no error; a talk the scaffolder wrote is served at once with its draft mark and what
 * it still lacks; a mistake saved while the server runs shows on every page, naming the file and line, until
 * it is fixed; and social cards are drawn on request. The folder is outside the repository, where the dev
 * server's watcher sees changes (it ignores tests/.tmp).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../scripts/new';
import { startDevServer } from '../helpers/build';
import { validContent } from '../helpers/scratch';

const dir = mkdtempSync(join(tmpdir(), 'kcr-dev-'));
const files = validContent();
const dns = files['talks/eu-2021/dns.mdx']!;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

let dev: Awaited<ReturnType<typeof startDevServer>>;
beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) write(path, text);
  write('talks/eu-2021/mesh.mdx', files['talks/eu-2021/mesh.mdx']!.replace(/\n/g, '\r\n'));
  write('talks/eu-2021/dns.mdx', `\uFEFF${dns}`);
  const draft = scaffold('talk', { event: 'eu-2021', title: 'Still Being Written', themes: 'networking' }, dir);
  write('talks/eu-2021/still-being-written.mdx', draft.text);
  dev = await startDevServer({ KCR_CONTENT_DIR: dir });
}, 120_000);
afterAll(async () => {
  await dev?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A dev page without the source-location attributes Astro adds in dev. */
const withoutDevAttributes = (html: string) => html.replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
const page = (path: string) => fetch(new URL(path.slice(1), dev.url), { headers: { accept: 'text/html' } });

/** Asks for a page until `done` holds for the response, as a writer reloading after a save would. */
async function until(path: string, done: (status: number, html: string) => boolean) {
  let last = { status: 0, html: '' };
  for (let tries = 0; tries < 40; tries++) {
    const response = await page(path);
    last = { status: response.status, html: withoutDevAttributes(await response.text()) };
    if (done(last.status, last.html)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${path} never showed what was expected; last status ${last.status}:\n${last.html.slice(0, 1500)}\n${dev.output()}`,
  );
}

describe('astro dev', () => {
  it('serves talks saved with Windows line endings and with a byte-order mark, with no error', async () => {
    for (const [path, title] of [
      ['/talks/meshes-are-awesome/', 'Meshes Are Awesome'],
      ['/talks/dns-pitfalls/', 'DNS Pitfalls'],
    ]) {
      const response = await page(path!);
      const html = withoutDevAttributes(await response.text());
      expect(response.status, html.slice(0, 500)).toBe(200);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).not.toContain('ErrorOverlay');
    }
    expect(dev.output()).not.toMatch(/\[ERROR\]/);
  });

  it('serves a talk as the scaffolder wrote it, with its draft mark and what it still lacks', async () => {
    const response = await page('/talks/still-being-written/');
    const html = withoutDevAttributes(await response.text());
    expect(response.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain('Draft: shown only in <code>npm run dev</code>, never published.');
    expect(html).toMatch(/<code>summary<\/code>: a summary of at least 40 characters/);
    expect(html).toMatch(/<code>notes<\/code>: no recap has a note on it yet/);
    expect((await page('/talks/')).status).toBe(200);
  });

  it('shows a mistake saved while it runs on every page, naming the file and line, until it is fixed', async () => {
    write('talks/eu-2021/dns.mdx', dns.replace('themes:', 'theme:'));
    const broken = await until('/', (status, html) => status === 500 && html.includes('dns.mdx:8'));
    expect(broken.html).toContain('\\"theme\\" is not a field of a talk; did you mean \\"themes\\"?');
    expect(broken.html).toContain('ErrorOverlay');
    expect(dev.output()).toContain('dns.mdx:8: "theme" is not a field of a talk; did you mean "themes"?');
    // A writer's next save comes later than a test's; the watcher takes a moment to settle on a file.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    write('talks/eu-2021/dns.mdx', dns);
    await until('/talks/dns-pitfalls/', (status) => status === 200);
    expect(dev.output()).toContain('The content has no problem left.');
  }, 30_000);

  it('serves a talk’s card as a 1200×630 PNG, and a 404 for a card that does not exist', async () => {
    const card = await fetch(new URL('og/talks/dns-pitfalls.png', dev.url));
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await card.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect((await fetch(new URL('og/talks/no-such-talk.png', dev.url))).status).toBe(404);
  }, 60_000);
});
