import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPages, checkPublished, readList, recordPages } from '../../scripts/shared/published-urls';

const dirs: string[] = [];
function fakeSite(pages: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kcr-site-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), html);
  }
  writeFileSync(join(dir, '404.html'), 'not found');
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const page = '<!doctype html><title>x</title><main>talk</main>';
const stub = '<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/talks/new/">';

describe('published URLs', () => {
  it('fails for a removed page without a redirect, and tells the author what to add', () => {
    const site = fakeSite({ '': page, 'talks/new': page });
    const { broken } = checkPublished(['/', '/talks/old/'], builtPages(site));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^\/talks\/old\/ was published but no longer resolves/);
    expect(broken[0]).toContain('redirectFrom: [old]');
  });

  it('accepts a renamed page whose old URL redirects', () => {
    const site = fakeSite({ '': page, 'talks/new': page, 'talks/old': stub });
    expect(checkPublished(['/', '/talks/old/', '/talks/new/'], builtPages(site))).toEqual({
      broken: [],
      unrecorded: [],
    });
  });

  it('lists new pages that are not yet recorded, but not redirect stubs or the 404 page', () => {
    const site = fakeSite({ '': page, 'talks/new': page, 'talks/old': stub });
    expect(checkPublished(['/'], builtPages(site)).unrecorded).toEqual(['/talks/new/']);
  });

  it('records new pages and never drops an old one', () => {
    const site = fakeSite({ '': page, 'talks/new': page });
    const list = join(site, 'published.txt');
    writeFileSync(list, '# header\n/talks/gone/\n');
    recordPages(builtPages(site), list);
    expect(readList(list)).toEqual(['/', '/talks/gone/', '/talks/new/']);
  });
});
