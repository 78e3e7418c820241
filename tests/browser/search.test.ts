/**
 * Search as a reader uses it, in headless Chromium against the built site:
 * the keyboard, corrections, relaxed questions, synonyms and words the site
 * does not have (in the dialog and on the search page), filters and their
 * counts, links that reproduce a search, landing on the match, the no-results
 * state, a phone's screen, and queries that try to inject markup.
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';

const site = useBuiltSite();

/** Opens a page, recording every request from before it starts loading. */
async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page & { requests: string[] }> {
  const page = Object.assign(await site.browser.newPage({ viewport }), { requests: [] as string[] });
  page.on('request', (request) => page.requests.push(new URL(request.url()).pathname));
  await page.goto(site.url(path));
  return page;
}
const titles = (page: Page, scope = '') => page.locator(`${scope} .kcr-result__title`).allInnerTexts();
const notes = (page: Page, scope = '') => page.locator(`${scope} .search-notice`).allInnerTexts();
const pageInput = (page: Page) => page.locator('#search-input');

/** Two presses of a button in one go, the second while the first one's work is under way. */
const pressTwice = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const button = document.querySelector<HTMLButtonElement>(selector)!;
    button.click();
    button.click();
  }, selector);

/** Types a query into the header's dialog, opened from the keyboard. */
async function dialogSearch(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  await page.locator('.search-dialog input').fill(query);
}

describe('the header search', { concurrent: true }, () => {
  it('opens with Ctrl+K and "/", moves with the arrows, opens with Enter, and returns focus on Escape', async ({
    expect,
  }) => {
    const page = await open('/themes/');
    const requests = page.requests;
    await page.waitForLoadState('networkidle');
    // Reading the page fetches nothing of search.
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

  it('says how many pages match, shows five, loads more on request, and says when nothing matches', async ({
    expect,
  }) => {
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
    await expect.poll(() => status.innerText()).toBe('No results for “zzzqqq”.');
    expect(await notes(page, '.search-dialog')).toEqual(['No page mentions zzzqqq.']);
    expect(await titles(page, '.search-dialog')).toEqual([]);
    await page.close();
  });

  it('loads the engine when opened, warms it with one filter file, and fetches no index chunk until the reader types', async ({
    expect,
  }) => {
    const page = await open('/');
    const requests = page.requests;
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
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
    // The vocabulary is for corrections: a query whose words the site has never fetches it.
    expect(requests.filter((path) => path.includes('kcr-vocabulary'))).toEqual([]);
    await page.close();
  });

  it('keeps the results of the last query when an earlier one finishes later', async ({ expect }) => {
    // Which result texts each query fetches, learnt on another page.
    const fragments = async (query: string) => {
      const learn = await open('/');
      await dialogSearch(learn, query);
      await learn.locator('.search-dialog .kcr-result').first().waitFor();
      await learn.waitForLoadState('networkidle');
      const fetched = learn.requests.filter((path) => path.includes('/pagefind/fragment/'));
      await learn.close();
      return fetched;
    };
    const later = await fragments('karpenter');
    const onlyFirst = new Set((await fragments('ndots')).filter((path) => !later.includes(path)));
    expect(onlyFirst.size).toBeGreaterThan(0);

    // The first query's own result texts are held back until the reader has typed another query and seen it.
    const page = await open('/');
    const held: (() => Promise<void>)[] = [];
    await page.route('**/pagefind/fragment/**', (route) =>
      onlyFirst.has(new URL(route.request().url()).pathname) ? held.push(() => route.continue()) : route.continue(),
    );
    await dialogSearch(page, 'ndots');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.locator('.search-dialog input').fill('karpenter');
    const status = page.locator('.search-dialog [role="status"]');
    await expect.poll(() => titles(page, '.search-dialog')).toContain('Groupless Autoscaling with Karpenter');
    await Promise.all(held.map((release) => release()));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    expect(await status.innerText()).toMatch(/results for “karpenter”$/);
    expect(await titles(page, '.search-dialog')).toContain('Groupless Autoscaling with Karpenter');
    await page.close();
  });

  it('corrects a misspelling, says so, and searches the word as typed on request', async ({ expect }) => {
    const page = await open('/');
    await dialogSearch(page, 'promehteus');
    await expect
      .poll(() => notes(page, '.search-dialog'))
      .toEqual(['Showing results for prometheus. Search instead for promehteus']);
    expect((await titles(page, '.search-dialog'))[0]).toBe('When Prometheus Can’t Take the Load Anymore');
    // Only the words a correction of ten letters could be, two edits away: 8 to 12 letters.
    const lengths = page.requests.flatMap((path) => /kcr-vocabulary-(\d+)\./.exec(path)?.[1] ?? []);
    expect(lengths.map(Number).sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12]);
    expect(await page.locator('.search-dialog a.search-dialog__page').getAttribute('href')).toBe(
      '/search/?q=promehteus',
    );
    await page.locator('.search-dialog').getByRole('link', { name: 'promehteus' }).click();
    await expect.poll(() => notes(page, '.search-dialog')).toEqual(['No page mentions promehteus.']);
    expect(await titles(page, '.search-dialog')).toEqual([]);
    expect(await page.locator('.search-dialog input').inputValue()).toBe('promehteus');
    expect(await page.locator('.search-dialog a.search-dialog__page').getAttribute('href')).toBe(
      '/search/?q=promehteus&verbatim=1',
    );
    await page.close();
  });

  it('answers a question no page holds whole with the pages holding most of its words, and says which', async ({
    expect,
  }) => {
    const page = await open('/');
    await dialogSearch(page, 'how do i cut dns traffic');
    await expect
      .poll(() => notes(page, '.search-dialog'))
      .toEqual(['No page has every word; these have most of them.']);
    await expect
      .poll(async () => (await titles(page, '.search-dialog'))[0])
      .toBe('How to Break your Kubernetes Cluster with Networking');
    expect(await page.locator('.search-dialog .kcr-result__holds').first().innerText()).toBe('Has: dns, traffic');
    await page.close();
  });

  it('finds a project by its shorthand, after the pages that use the shorthand itself', async ({ expect }) => {
    const page = await open('/');
    await dialogSearch(page, 'otel');
    await expect.poll(() => notes(page, '.search-dialog')).toEqual(['“otel” also finds OpenTelemetry.']);
    await page.locator('.search-dialog').getByRole('button', { name: 'More results' }).click();
    await expect.poll(() => page.locator('.search-dialog .kcr-result__holds').count()).toBeGreaterThan(0);
    const holds = await page.locator('.search-dialog .kcr-result__holds').allInnerTexts();
    expect(holds.every((line) => line === 'Has: OpenTelemetry (for otel)')).toBe(true);
    // The pages that say "OTel" come first, unmarked.
    expect(await page.locator('.search-dialog .kcr-result').first().locator('.kcr-result__holds').count()).toBe(0);
    await page.close();
  });

  it('says a word the site does not have is nowhere, and offers look-alikes as searches, not results', async ({
    expect,
  }) => {
    const page = await open('/');
    await dialogSearch(page, 'sigstore');
    await expect
      .poll(() => notes(page, '.search-dialog'))
      .toEqual([expect.stringMatching(/^No page mentions sigstore\. Words on the site that look like it: \w+/)]);
    expect(await titles(page, '.search-dialog')).toEqual([]);
    const alike = page.locator('.search-dialog .search-notice a').first();
    const word = await alike.innerText();
    await alike.click();
    await expect.poll(() => page.locator('.search-dialog input').inputValue()).toBe(word);
    await expect.poll(async () => (await titles(page, '.search-dialog')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a hostile query as text', async ({ expect }) => {
    const page = await open('/');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await dialogSearch(page, '<img src=x onerror="window.__pwned=1"> promehteus');
    await expect.poll(() => notes(page, '.search-dialog')).toContainEqual(expect.stringContaining('<img src=x'));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.search-dialog img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('returns focus to the search control when the dialog closes', async ({ expect }) => {
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

describe('the search page', { concurrent: true }, () => {
  it('opens with the query and filters in its URL, and keeps the URL in step', async ({ expect }) => {
    const page = await open('/search/?q=prometheus&event=Europe+2021');
    await expect.poll(() => pageInput(page).inputValue()).toBe('prometheus');
    await expect.poll(() => titles(page)).toContain('When Prometheus Can’t Take the Load Anymore');
    const events = await page.locator('.kcr-result__kind').allInnerTexts();
    expect(events.every((kind) => !kind.includes('Europe 2023'))).toBe(true);

    await page.locator('.search-filter input[name="type"][value="Talk"]').check();
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

  it('browses a theme with no query, and sorts by event date', async ({ expect }) => {
    const page = await open('/search/?theme=Observability&type=Talk&sort=oldest');
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(3);
    const more = page.getByRole('button', { name: 'More results' });
    while (await more.isVisible()) {
      const count = (await titles(page)).length;
      await more.click();
      // Until the whole next batch is drawn: mid-batch, the button is still there but about to hide.
      await expect.poll(async () => (await titles(page)).length === count + 5 || !(await more.isVisible())).toBe(true);
    }
    const kinds = await page.locator('.kcr-result__kind').allInnerTexts();
    expect(kinds).toHaveLength(10);
    expect(kinds[0]).toContain('Europe 2021');
    expect(kinds.at(-1)).toContain('Europe 2023');
    // Every talk of an older event before any of a newer one, in the site's order of its events.
    const order = (await page.locator('[data-search-page]').getAttribute('data-event-order'))!;
    const events: string[] = JSON.parse(order);
    const ranks = kinds.map((kind) => events.findIndex((event) => kind.endsWith(` · ${event}`)));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await page.locator('#search-sort').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await expect
      .poll(async () => (await page.locator('.kcr-result__kind').allInnerTexts())[0])
      .toContain('Europe 2023');
    await page.close();
  });

  it('draws each result once when "More results" is pressed twice in a row, on the page and in the dialog', async ({
    expect,
  }) => {
    const page = await open('/search/?theme=Observability&type=Talk');
    const more = page.getByRole('button', { name: 'More results' });
    await more.waitFor();
    await pressTwice(page, '.search-page__more');
    await expect.poll(() => more.isVisible()).toBe(false);
    const listed = await titles(page, 'main');
    expect(listed.length).toBeGreaterThan(5);
    expect(new Set(listed).size).toBe(listed.length);

    await page.close();
    const home = await open('/');
    await dialogSearch(home, 'kubernetes');
    await home.locator('.search-dialog__more').waitFor();
    await pressTwice(home, '.search-dialog__more');
    await expect.poll(async () => (await titles(home, '.search-dialog')).length).toBeGreaterThan(5);
    await home.waitForTimeout(300);
    const inDialog = await titles(home, '.search-dialog');
    expect(new Set(inDialog).size).toBe(inDialog.length);
    await home.close();
  });

  it('says when nothing matches, and offers to remove filters', async ({ expect }) => {
    const page = await open('/search/?q=ndots&event=Europe+2023');
    const empty = page.locator('[data-search-empty]');
    await expect.poll(() => empty.isVisible()).toBe(true);
    await empty.getByRole('button', { name: 'Remove filter event: Europe 2023' }).click();
    await expect.poll(() => titles(page)).toContain('How to Break your Kubernetes Cluster with Networking');
    expect(await empty.isVisible()).toBe(false);
    await page.close();
  });

  it('corrects a misspelling, and the link reproduces the corrected search and the search as typed', async ({
    expect,
  }) => {
    const page = await open('/search/?q=promehteus');
    await expect.poll(() => notes(page)).toEqual(['Showing results for prometheus. Search instead for promehteus']);
    await expect.poll(async () => (await titles(page))[0]).toBe('When Prometheus Can’t Take the Load Anymore');
    expect(await page.locator('.search-page__status').innerText()).toMatch(/^\d+ results for “prometheus”$/);
    await page.getByRole('link', { name: 'promehteus' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('verbatim')).toBe('1');
    await expect.poll(() => notes(page)).toEqual(['No page mentions promehteus.']);
    expect(await titles(page)).toEqual([]);
    await page.goBack();
    await expect.poll(() => notes(page)).toEqual(['Showing results for prometheus. Search instead for promehteus']);
    const pasted = await open('/search/?q=promehteus&verbatim=1');
    await expect.poll(() => notes(pasted)).toEqual(['No page mentions promehteus.']);
    await pasted.close();
    await page.close();
  });

  it('relaxes a question, shows a synonym match, and says which word the site does not have', async ({ expect }) => {
    const page = await open('/search/?q=how+do+i+cut+dns+traffic');
    await expect.poll(() => notes(page)).toEqual(['No page has every word; these have most of them.']);
    await expect.poll(async () => (await titles(page))[0]).toBe('How to Break your Kubernetes Cluster with Networking');
    expect(await page.locator('.kcr-result__holds').first().innerText()).toBe('Has: dns, traffic');

    await pageInput(page).fill('psp');
    await expect.poll(() => notes(page)).toEqual(['“psp” also finds PodSecurityPolicy, pod security policy.']);
    await expect
      .poll(() => page.locator('.kcr-result__holds').allInnerTexts())
      .toContain('Has: pod security policy (for psp)');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('psp');

    await pageInput(page).fill('sigstore');
    await expect.poll(() => notes(page)).toEqual([expect.stringMatching(/^No page mentions sigstore\./)]);
    expect(await titles(page)).toEqual([]);
    await page.close();
  });

  it('shows the no-results help within the first screen when filters are on', async ({ expect }) => {
    const page = await open('/search/?q=rbac&theme=Security&event=Europe+2023');
    const empty = page.locator('[data-search-empty]');
    await expect.poll(() => empty.isVisible()).toBe(true);
    const remove = empty.getByRole('button', { name: 'Remove filter event: Europe 2023' });
    const box = (await remove.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900);
    await page.close();
  });

  it('counts, for each filter, the results a reader will see', async ({ expect }) => {
    const page = await open('/search/?q=prometheus');
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(0);
    // The filters are counted once the first results are on screen.
    await expect.poll(() => page.locator('.search-filter input[name="type"]').count()).toBeGreaterThan(0);
    const count = async (group: string, value: string) =>
      Number(
        await page
          .locator('.search-filter__option', { has: page.locator(`input[name="${group}"][value="${value}"]`) })
          .locator('.search-filter__count')
          .innerText(),
      );
    const shown = async () => Number((await page.locator('.search-page__status').innerText()).split(' ')[0]);
    const types = await page
      .locator('.search-filter input[name="type"]')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    let sum = 0;
    for (const type of types) sum += await count('type', type);
    expect(sum).toBe(await shown());
    for (const [group, value] of [
      ['type', 'Talk'],
      ['event', 'Europe 2021'],
    ]) {
      const expected = await count(group!, value!);
      await page.locator(`.search-filter input[name="${group}"][value="${value}"]`).check();
      await expect.poll(shown).toBe(expected);
      // A ticked filter still counts what is shown.
      expect(await count(group!, value!)).toBe(expected);
      await expect.poll(async () => (await titles(page)).length).toBe(Math.min(expected, 5));
    }
    // The event's own page is not counted as one of its talks: the event filter counts talks, as the site does.
    const all = await open('/search/?event=Europe+2023');
    await expect
      .poll(async () => Number((await all.locator('.search-page__status').innerText()).split(' ')[0]))
      .toBe(10);
    await all.close();
    await page.close();
  });

  it('on a phone, keeps the first result on the first screen and the filters behind “Filters (n)”', async ({
    expect,
  }) => {
    const page = await open('/search/', { width: 390, height: 844 });
    await pageInput(page).click();
    await page.keyboard.type('karpenter');
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(0);
    const first = (await page.locator('.kcr-result__title').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThan(844);
    expect(await page.locator('.search-filters').isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Filters (0)' });
    await toggle.click();
    await page.locator('.search-filter input[name="type"][value="Talk"]').check();
    await expect.poll(() => page.getByRole('button', { name: 'Filters (1)' }).isVisible()).toBe(true);
    const chip = page.getByRole('button', { name: 'Remove filter Type: Talk' });
    expect(await chip.isVisible()).toBe(true);
    await chip.click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual([]);
    await page.close();
  });

  it('focuses its own input on Ctrl+K and "/"', async ({ expect }) => {
    const page = await open('/search/?q=ndots');
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(0);
    await page.locator('h1').click();
    for (const key of ['Control+k', '/']) {
      await page.locator('h1').click();
      await page.keyboard.press(key);
      await expect.poll(() => pageInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('dialog.search-dialog').count()).toBe(0);
    }
    await page.close();
  });

  it('shows hostile and unusual queries as text and runs nothing', async ({ expect }) => {
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
      await expect.poll(() => pageInput(page).inputValue()).toBe(query);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('main img[src="x"], main script:not([src]):not([type])').count()).toBe(0);
      expect(errors).toEqual([]);
      await expect.poll(() => page.locator('h1').innerText()).toBe('Search');
      await page.close();
    }
  });

  it('tells a reader without JavaScript that search needs it, with a way to browse', async ({ expect }) => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/search/'));
    const notice = page.locator('main .notice', { hasText: 'Search needs JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('a[href="/talks/"]').count()).toBe(1);
    await context.close();
  });
});

describe('landing on a result', { concurrent: true }, () => {
  it('highlights the matched words, scrolls to the section, and leaves a clean link', async ({ expect }) => {
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
