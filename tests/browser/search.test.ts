/**
 * Search as a reader uses it, in headless Chromium against the built site:
 * the keyboard, filters, links that reproduce a search, landing on the match,
 * the no-results state, and queries that try to inject markup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';

const site = useBuiltSite();

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site.url(path));
  return page;
}
const titles = (page: Page, scope = '') => page.locator(`${scope} .kcr-result__title`).allInnerTexts();

describe('the header search', () => {
  it('opens with Ctrl+K and "/", moves with the arrows, opens with Enter, and returns focus on Escape', async () => {
    const page = await open('/themes/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);

    await page.keyboard.press('Control+k');
    const input = page.locator('.search-dialog input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('karpenter');
    await expect.poll(() => titles(page, '.search-dialog')).toContain('Groupless Autoscaling with Karpenter');
    // The quick search uses Pagefind's engine alone: no Component UI, no worker, and of the filter data only
    // the file it warms up with.
    expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(requests.filter((url) => /pagefind-component-ui|pagefind-worker/.test(url))).toEqual([]);
    expect(requests.filter((url) => url.includes('/filter/')).length).toBeLessThanOrEqual(1);

    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open))
      .toBe(false);

    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => titles(page, '.search-dialog')).toContain('Groupless Autoscaling with Karpenter');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Groupless Autoscaling with Karpenter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/talks\/groupless-autoscaling-with-karpenter\//);
    await page.close();
  });

  it('says how many pages match, shows five, loads more on request, and says when nothing matches', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await page.keyboard.type('kubernetes');
    const status = page.locator('.search-dialog [role="status"]');
    await expect.poll(() => status.innerText()).toMatch(/^\d+ results for “kubernetes”$/);
    const total = Number((await status.innerText()).split(' ')[0]);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => titles(page, '.search-dialog')).toHaveLength(5);
    await page.locator('.search-dialog').getByRole('button', { name: 'More results' }).click();
    await expect.poll(() => titles(page, '.search-dialog')).toHaveLength(10);
    expect(new Set(await titles(page, '.search-dialog')).size).toBe(10);
    expect(await page.locator('.search-dialog a.search-dialog__page').getAttribute('href')).toBe(
      '/search/?q=kubernetes',
    );

    await page.locator('.search-dialog input').fill('zzzqqq');
    await expect.poll(() => status.innerText()).toBe('No results for “zzzqqq”. Try fewer or different words.');
    expect(await titles(page, '.search-dialog')).toEqual([]);
    await page.close();
  });

  it('loads the engine when opened, warms it with one filter file, and fetches no index chunk until the reader types', async () => {
    const page = await open('/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.keyboard.press('Control+k');
    await expect.poll(() => requests.filter((path) => path.endsWith('.pf_meta'))).toHaveLength(1);
    // Once the page is idle the dialog warms Pagefind up by listing the talks: one filter file, no index chunk.
    await expect.poll(() => requests.filter((path) => path.includes('/pagefind/filter/'))).toHaveLength(1);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(requests.filter((path) => /\/pagefind\/(index|fragment|filter)\//.test(path))).toHaveLength(1);
    await page.keyboard.type('ndots');
    await expect.poll(() => titles(page, '.search-dialog')).not.toEqual([]);
    expect(requests.some((path) => path.includes('/pagefind/index/'))).toBe(true);
    await page.close();
  });

  it('returns focus to the search control when the dialog closes', async () => {
    const page = await open('/');
    await page.locator('[data-search-trigger]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-search-trigger')))
      .toBe(true);
    await page.close();
  });
});

describe('the search page', () => {
  it('opens with the query and filters in its URL, and keeps the URL in step', async () => {
    const page = await open('/search/?q=prometheus&event=Europe+2021');
    await expect.poll(() => page.locator('pagefind-input input').inputValue()).toBe('prometheus');
    await expect.poll(() => titles(page)).toContain('When Prometheus Can’t Take the Load Anymore');
    const events = await page.locator('.kcr-result__kind').allInnerTexts();
    expect(events.every((kind) => !kind.includes('Europe 2023'))).toBe(true);

    await page.locator('pagefind-filter-pane input[name="type"][value="Talk"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual(['Talk']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('prometheus');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual([]);
    await page.goForward();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual(['Talk']);

    // The same link, pasted in a new tab, shows the same results.
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect.poll(() => titles(shared)).toEqual(await titles(page));
    await shared.close();
    await page.close();
  });

  it('browses a theme with no query, and sorts by event date', async () => {
    const page = await open('/search/?theme=Observability&type=Talk&sort=oldest');
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(3);
    const kinds = await page.locator('.kcr-result__kind').allInnerTexts();
    expect(kinds[0]).toContain('Europe 2021');
    expect(kinds.at(-1)).toContain('Europe 2023');
    await page.locator('#search-sort').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await expect
      .poll(async () => (await page.locator('.kcr-result__kind').allInnerTexts())[0])
      .toContain('Europe 2023');
    await page.close();
  });

  it('says when nothing matches, and offers to remove filters', async () => {
    const page = await open('/search/?q=ndots&event=Europe+2023');
    const empty = page.locator('[data-search-empty]');
    await expect.poll(() => empty.isVisible()).toBe(true);
    await empty.getByRole('button', { name: 'Remove filter event: Europe 2023' }).click();
    await expect.poll(() => titles(page)).toContain('How to Break your Kubernetes Cluster with Networking');
    expect(await empty.isVisible()).toBe(false);
    await page.close();
  });

  it('shows hostile and unusual queries as text and runs nothing', async () => {
    const queries = [
      '<img src=x onerror="window.__pwned=1">',
      '"><script>window.__pwned=1</script>',
      "' OR 1=1 --",
      'ネットワーク 网络 сеть',
      'a'.repeat(2000),
    ];
    for (const query of queries) {
      const page = await open(`/search/?q=${encodeURIComponent(query)}`);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await expect.poll(() => page.locator('pagefind-input input').inputValue()).toBe(query);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('main img[src="x"], main script:not([src]):not([type])').count()).toBe(0);
      expect(errors).toEqual([]);
      await expect.poll(() => page.locator('h1').innerText()).toBe('Search');
      await page.close();
    }
  });

  it('tells a reader without JavaScript that search needs it, with a way to browse', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/search/'));
    const notice = page.locator('main .notice', { hasText: 'Search needs JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('a[href="/talks/"]').count()).toBe(1);
    await context.close();
  });
});

describe('landing on a result', () => {
  it('highlights the matched words, scrolls to the section, and leaves a clean link', async () => {
    const page = await open('/search/?q=ndots');
    await expect.poll(() => titles(page)).toContain('How to Break your Kubernetes Cluster with Networking');
    await page.locator('.kcr-result__sections a[href*="#takeaways"]').first().click();
    await page.waitForURL(/how-to-break-your-kubernetes-cluster-with-networking/);
    await expect.poll(() => page.locator('main mark.pagefind-highlight').count()).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#takeaways');
    const top = await page.locator('#takeaways').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(200);
    await page.close();
  });
});
