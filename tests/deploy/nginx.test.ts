/**
 * The built site behind the container's nginx configuration, over HTTP on 127.0.0.1:
 * the headers every page type gets, the 404, caching, precompressed files, search in
 * Chromium under the headers, and framing from another origin refused.
 */
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/shared/browser';
import { expectCaching, expectSecurityHeaders, metaPolicy, sampleAssets } from '../helpers/hosting';
import { prepareNginx, startNginx, testConf, type RunningNginx } from '../helpers/nginx';
import { serve, type StaticServer } from '../../scripts/shared/server';
import { distDir, requireBuild } from '../helpers/site';

/** A page of each kind, and the built file whose <meta> policy it carries. */
const pages: [path: string, file: string][] = [
  ['/', 'index.html'],
  [
    '/talks/how-to-break-your-kubernetes-cluster-with-networking/',
    'talks/how-to-break-your-kubernetes-cluster-with-networking/index.html',
  ],
  ['/themes/security/', 'themes/security/index.html'],
  ['/events/eu-2021/', 'events/eu-2021/index.html'],
  ['/projects/cilium/', 'projects/cilium/index.html'],
  ['/recaps/diary-2021/', 'recaps/diary-2021/index.html'],
  ['/search/?q=karpenter', 'search/index.html'],
  ['/no-such-page/', '404.html'],
];

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}
const header = (response: RawResponse) => (name: string) => {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
};

let nginx: RunningNginx;
let browser: Browser;
beforeAll(async () => {
  requireBuild();
  nginx = await startNginx(distDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

describe('the configuration', () => {
  it('passes nginx -t with the files this build wrote', async () => {
    const setup = await prepareNginx(distDir);
    try {
      const result = testConf(setup);
      expect(result.output).toContain('syntax is ok');
      expect(result.ok, result.output).toBe(true);
    } finally {
      rmSync(setup.dir, { recursive: true, force: true });
    }
  });
});

describe('every page type', () => {
  it.each(pages)('%s carries the security headers, its own policy and a revalidated cache', async (path, file) => {
    const response = await get(nginx.url(path));
    expect(response.status).toBe(file === '404.html' ? 404 : 200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(header(response), path, metaPolicy(distDir, file));
    expectCaching(path, header(response)('cache-control'));
  });

  it('answers an unknown URL with 404 and the site’s own 404 page', async () => {
    const response = await get(nginx.url('/talks/no-such-talk/'));
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe(readFileSync(join(distDir, '404.html'), 'utf8'));
    expect(response.body.toString()).toContain('<h1');
  });

  it('sends a folder without its slash to the folder, by path only', async () => {
    const response = await get(nginx.url('/talks'));
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/talks/');
  });

  it('does not serve the static hosts’ files or its own configuration', async () => {
    for (const path of ['/_headers', '/_redirects', '/_nginx/site.conf']) {
      expect((await get(nginx.url(path))).status, path).toBe(404);
    }
  });
});

describe('caching', () => {
  it('keeps hashed bundles and index chunks a year, immutable, and revalidates the rest', async () => {
    const assets = sampleAssets(distDir);
    for (const path of assets) {
      const response = await get(nginx.url(path));
      expect(response.status, path).toBe(200);
      expectCaching(path, header(response)('cache-control'));
      expectSecurityHeaders(header(response), path, metaPolicy(distDir, 'index.html'));
    }
    expect(assets.filter((path) => path.startsWith('/_astro/') || path.endsWith('.pf_meta'))).toHaveLength(3);
    expect(assets.filter((path) => path.includes('/kcr-vocabulary-'))).toHaveLength(1);
  });
});

describe('compression', () => {
  const css = () => sampleAssets(distDir)[0]!;
  it.each([
    ['gzip', 'gzip', '.gz'],
    ['br', 'br, gzip', '.br'],
  ])('a %s client gets the file compressed at build, byte for byte', async (encoding, accept, suffix) => {
    for (const [path, file] of [
      ['/talks/', 'talks/index.html'],
      [css(), css().slice(1)],
    ] as const) {
      const response = await get(nginx.url(path), { 'accept-encoding': accept });
      expect(response.headers['content-encoding'], path).toBe(encoding);
      expect(response.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(response.body.equals(readFileSync(join(distDir, `${file}${suffix}`))), path).toBe(true);
    }
  });
  it('a Brotli client gets what Pagefind’s engine file holds, Brotli-compressed; a gzip one gets Pagefind’s gzip, marked so', async () => {
    const path = '/pagefind/wasm.en.pagefind';
    const file = join(distDir, path.slice(1));
    const brotli = await get(nginx.url(path), { 'accept-encoding': 'br, gzip' });
    expect(brotli.headers['content-encoding']).toBe('br');
    // A shared cache must not hand the Brotli copy to a reader that cannot decode it.
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    // Decoded by the browser, it is what Pagefind would have gunzipped itself.
    expect(brotliDecompressSync(brotli.body).equals(gunzipSync(readFileSync(file)))).toBe(true);
    expect(brotli.body.length).toBeLessThan(readFileSync(file).length * 0.9);
    const gzip = await get(nginx.url(path), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(readFileSync(file))).toBe(true);
  });
  it('Pagefind’s index chunks and fragments go as Pagefind gzipped them, marked as gzip for a client that accepts it', async () => {
    const paths = sampleAssets(distDir).filter((p) => /\.pf_(index|fragment)$/.test(p));
    expect(paths).toHaveLength(2);
    for (const path of paths) {
      const file = readFileSync(join(distDir, path.slice(1)));
      for (const accept of ['br, gzip', 'gzip']) {
        const response = await get(nginx.url(path), { 'accept-encoding': accept });
        expect(response.headers['content-encoding'], `${path} (${accept})`).toBe('gzip');
        expect(response.headers.vary, path).toMatch(/Accept-Encoding/i);
        expect(response.body.equals(file), path).toBe(true);
      }
      const plain = await get(nginx.url(path));
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(file), path).toBe(true);
    }
  });
  it('a client that accepts neither gets the file as it is', async () => {
    const response = await get(nginx.url('/talks/'));
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(readFileSync(join(distDir, 'talks/index.html')))).toBe(true);
  });
});

describe('in Chromium, under these headers', () => {
  /** Opens a page, recording every CSP violation and every console error or warning. */
  async function open(url: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    await page.goto(url, { waitUntil: 'networkidle' });
    return { page, problems };
  }

  // Landing from a search result also runs Pagefind's highlighter.
  const landing = '/talks/how-to-break-your-kubernetes-cluster-with-networking/?highlight=ndots';
  it.each([...pages.map(([path]) => path), landing])('%s shows no CSP violation and no console error', async (path) => {
    const { page, problems } = await open(nginx.url(path));
    if (path === landing)
      await expect.poll(() => page.locator('main mark.pagefind-highlight').count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ebpf');
    await page.waitForLoadState('networkidle');
    // The unknown URL's own 404 is the one error the browser may report.
    const expected = path === '/no-such-page/' ? [/status of 404/] : [];
    expect(problems, problems.join(' | ')).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(problems[i]).toMatch(pattern));
    await page.close();
  });

  it('finds a talk from the header search and on the search page', async () => {
    const { page, problems } = await open(nginx.url('/'));
    await page.keyboard.press('/');
    await page.keyboard.type('karpenter');
    await expect
      .poll(() => page.locator('.search-dialog .kcr-result__title').allInnerTexts())
      .toContain('Groupless Autoscaling with Karpenter');
    await page.goto(nginx.url('/search/?q=karpenter'), { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('main .kcr-result__title').allInnerTexts())
      .toContain('Groupless Autoscaling with Karpenter');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('applies a remembered dark choice before the page paints (the inline script is allowed by its hash)', async () => {
    const { page, problems } = await open(nginx.url('/themes/'));
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('colours code with Shiki’s style attributes', async () => {
    const { page, problems } = await open(nginx.url('/talks/groupless-autoscaling-with-karpenter/'));
    const colours = await page
      .locator('pre.astro-code span[style]')
      .evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size);
    expect(colours).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  describe('framed by a page on another origin', () => {
    let parent: StaticServer;
    let unprotected: StaticServer;
    let dir: string;
    beforeAll(async () => {
      // The same site served without headers shows that only the header refuses framing, not the <meta>.
      unprotected = await serve(distDir);
      dir = mkdtempSync(join(tmpdir(), 'kcr-framer-'));
      const frame = (src: string) => `<!doctype html><title>Framer</title><iframe src="${src}"></iframe>`;
      writeFileSync(join(dir, 'nginx.html'), frame(nginx.url('/talks/')));
      writeFileSync(join(dir, 'plain.html'), frame(new URL('talks/', unprotected.url).href));
      parent = await serve(dir);
    });
    afterAll(async () => {
      await parent?.close();
      await unprotected?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const framed = async (page: Page) => {
      await expect.poll(() => page.frames().length).toBe(2);
      const child = page.frames()[1]!;
      await child.waitForLoadState();
      return child;
    };

    it('is refused by nginx’s frame-ancestors header', async () => {
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      await page.goto(new URL('nginx.html', parent.url).href, { waitUntil: 'networkidle' });
      const child = await framed(page);
      expect(child.url()).toMatch(/^chrome-error:/);
      expect(messages.join('\n')).toMatch(/frame-ancestors 'none'/);
      await page.close();
    });

    it('is shown when the same pages come without the header', async () => {
      const page = await browser.newPage();
      await page.goto(new URL('plain.html', parent.url).href, { waitUntil: 'networkidle' });
      const child = await framed(page);
      expect(await child.locator('h1').innerText()).toBe('All talks');
      await page.close();
    });
  });
});
