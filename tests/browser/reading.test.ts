/**
 * Reading the site on a phone (390 px, touch) and a desktop (1280 px), in headless Chromium: what is on the first
 * screen, tap targets, the header, the table of contents, copy controls, the colour toggle, the home page's
 * search and the 404 page's suggestions.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';
import { contentFiles, talkPath } from '../helpers/site';

const site = useBuiltSite();
const talk = '/talks/how-to-break-your-kubernetes-cluster-with-networking/';
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const desktop = { viewport: { width: 1280, height: 900 } };

/** Every page type a reader lands on; the search page's own controls are tested with search. */
const pages = [
  ['home', '/'],
  ['talk', talk],
  ['theme', '/themes/security/'],
  ['event', '/events/eu-2021/'],
  ['events', '/events/'],
  ['project', '/projects/cilium/'],
  ['projects', '/projects/'],
  ['recap', '/recaps/diary-2021/'],
  ['recaps', '/recaps/'],
  ['talks', '/talks/'],
  ['talk a change superseded', '/talks/kubernetes-release-cadence-and-podsecuritypolicy-deprecation/'],
  ['changes', '/changes/'],
  ['change', '/changes/podsecuritypolicy-removed/'],
  ['404', '/talks/karpenter-autoscalin/'],
] as const;

const contexts: BrowserContext[] = [];
async function open(path: string, device: object = phone, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ ...device, colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  return page;
}
afterAll(async () => {
  for (const context of contexts) await context.close();
});

/**
 * Interactive elements smaller than 44 × 44 px, with where they are. A link inside running text is exempt, as in
 * WCAG 2.5.5: it is inline and its block has other words around it.
 */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const inRunningText = (el: Element) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement!;
      while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
      return (block.textContent ?? '').replace(/\s+/g, '') !== (el.textContent ?? '').replace(/\s+/g, '');
    };
    return [...document.querySelectorAll('a[href], button, summary, input, select, textarea, [tabindex]')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // Not on screen at all: inside a folded menu, hidden until JavaScript runs, or the visually hidden.
        if (!el.checkVisibility({ visibilityProperty: true }) || box.width <= 1 || box.height <= 1) return false;
        if (el.closest('.visually-hidden')) return false;
        return (box.width < 43.5 || box.height < 43.5) && !inRunningText(el);
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}.${el.className || '-'} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  });
}

describe('on a phone', () => {
  it('starts every talk’s first section on the first screen, under a one-row header', async () => {
    const page = await open(talk);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(60);
    // Every talk, since what stands above the first section (a note, the changes since, long titles) differs.
    const talks = contentFiles('talks').map(talkPath);
    expect(talks.length).toBeGreaterThan(1);
    const below: string[] = [];
    for (const path of talks) {
      await page.goto(site.url(path));
      const first = await page.locator('.prose h2').first().boundingBox();
      if (!first || first.y + first.height > 844)
        below.push(`${path} ${first ? Math.round(first.y + first.height) : 'no section'}`);
    }
    expect(below, 'talks whose first section heading is below the first screen').toEqual([]);
    await page.goto(site.url(talk), { waitUntil: 'networkidle' });
    // The table of contents is folded, so it costs one row.
    const toc = page.locator('.toc details');
    expect(await toc.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect((await page.locator('.toc').boundingBox())!.height).toBeLessThanOrEqual(48);
  });

  it('reaches the sections from a menu that opens over the page, not above it', async () => {
    const page = await open(talk);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    const before = (await page.locator('main').boundingBox())!.y;
    await page.getByRole('button', { name: 'Menu' }).or(page.locator('.site-menu summary')).first().click();
    const recaps = page.locator('.site-menu__panel').getByRole('link', { name: 'Recaps' });
    expect(await recaps.isVisible()).toBe(true);
    expect((await page.locator('main').boundingBox())!.y).toBe(before);
    await page.keyboard.press('Escape');
    expect(await recaps.isVisible()).toBe(false);
  });

  it('keeps search and the table of contents at hand at the end of a long page, and marks where the reader is', async () => {
    const page = await open(talk);
    await page.locator('#takeaways').evaluate((el) => el.scrollIntoView());
    await expect.poll(() => page.locator('.toc [data-toc-current]').innerText()).toBe('Takeaways');
    expect(await page.locator('.toc a[aria-current]').getAttribute('href')).toBe('#takeaways');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const trigger = (await page.locator('[data-search-trigger]').boundingBox())!;
    expect(trigger.y).toBeGreaterThanOrEqual(0);
    expect(trigger.y).toBeLessThan(60);
    // Jump back up to a section from the bar: the heading lands below the header and the bar, not under them.
    await page.locator('.toc summary').click();
    await page.locator('.toc').getByRole('link', { name: 'What the talk covered' }).click();
    await expect
      .poll(() => page.locator('#what-the-talk-covered').evaluate((el) => el.getBoundingClientRect().top))
      .toBeGreaterThan(100);
    const top = await page.locator('#what-the-talk-covered').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(300);
    expect(await page.locator('.toc details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
  });

  it('shows no keyboard hints on a touch screen', async () => {
    const page = await open('/themes/');
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
    expect(await page.locator('.search-trigger__key').isVisible()).toBe(false);
    await page.locator('[data-search-trigger]').click();
    await page.locator('.search-dialog input').waitFor();
    expect(await page.locator('.search-dialog__hints').isVisible()).toBe(false);
    const close = page.locator('.search-dialog__close');
    expect(await close.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Close"');
    const box = (await close.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  });

  it('never leaves a breadcrumb separator on a line of its own', async () => {
    const page = await open('/talks/kubernetes-release-cadence-and-podsecuritypolicy-deprecation/');
    const rows = await page
      .locator('.breadcrumbs li')
      .evaluateAll((items) =>
        items.filter((li) => li.getBoundingClientRect().height > 1).map((li) => li.getBoundingClientRect().height),
      );
    expect(rows.length).toBe(2);
    for (const height of rows) expect(height).toBeLessThanOrEqual(48);
    // The page's own title is the heading right below; the trail keeps it for screen readers only.
    expect(await page.locator('.breadcrumbs [aria-current="page"]').count()).toBe(1);
    expect(await page.locator('.breadcrumbs [aria-current="page"]').isVisible()).toBe(false);
  });
});

// The per-page checks below mostly wait for pages to settle, which several pages can do at once.
describe('on a phone, every page', { concurrent: true }, () => {
  it.for(pages)('fits the %s page to the width of the screen', async ([, path], { expect }) => {
    const page = await open(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  });
});

describe.concurrent.each([
  ['phone', phone],
  ['desktop', desktop],
] as const)('on a %s', (_name, device) => {
  it.for(pages)('makes every control on the %s page at least 44 × 44 px', async ([, path], { expect }) => {
    const page = await open(path, device);
    if (path.includes('karpenter-autoscalin')) await page.locator('[data-suggestions-list] a').first().waitFor();
    expect(await smallTargets(page), path).toEqual([]);
  });
});

describe('on a desktop', () => {
  it('unfolds the table of contents beside the text, and marks where the reader is', async () => {
    const page = await open(talk, desktop);
    expect(await page.locator('.toc details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const toc = (await page.locator('.toc').boundingBox())!;
    const prose = (await page.locator('.talk .prose').boundingBox())!;
    expect(toc.x).toBeGreaterThan(prose.x + prose.width);
    await page.locator('#takeaways').evaluate((el) => el.scrollIntoView());
    await expect.poll(() => page.locator('.toc a[aria-current]').getAttribute('href')).toBe('#takeaways');
    expect(await page.locator('.toc a[aria-current]').isVisible()).toBe(true);
  });

  it('shows a theme’s "Start here", inside the reading measure, on the first screen', async () => {
    const page = await open('/themes/security/', desktop);
    const heading = (await page.locator('#start-here').boundingBox())!;
    const first = (await page.locator('.start-here__list li').first().boundingBox())!;
    expect(heading.y).toBeLessThan(900);
    expect(first.y + first.height).toBeLessThanOrEqual(900);
    const prose = (await page.locator('.theme .prose').boundingBox())!;
    expect(first.x + first.width).toBeLessThanOrEqual(prose.x + prose.width + 1);
    // About 70 characters a line, not the full width of the window.
    expect(prose.width).toBeLessThan(800);
  });

  it('lists a theme’s talks again without the summaries "Start here" already gave', async () => {
    const page = await open('/themes/security/', desktop);
    const summaries = await page.locator('.start-here__summary').allInnerTexts();
    const listed = await page.locator('.all-talks .talk-card__summary').allInnerTexts();
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(listed).not.toContain(summary);
    expect(await page.locator('.all-talks .talk-card__badge', { hasText: 'Start here' }).count()).toBe(
      summaries.length,
    );
  });
});

describe('copy-link controls', () => {
  it.each([
    ['phone', phone],
    ['desktop', desktop],
  ] as const)('never overlap the words or bullets of a list, before or after copying (%s)', async (_name, device) => {
    const page = await open(talk, device);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(site.url('/')).origin,
    });
    const overlaps = () =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const control of document.querySelectorAll<HTMLElement>('li > a.anchor-link')) {
          const list = control.closest('ul, ol')!;
          const box = control.getBoundingClientRect();
          const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim() || control.contains(node)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
              const x = Math.min(box.right, rect.right) - Math.max(box.left, rect.left);
              const y = Math.min(box.bottom, rect.bottom) - Math.max(box.top, rect.top);
              if (x > 0.5 && y > 0.5)
                found.push(`${control.getAttribute('href')} covers "${node.textContent.trim().slice(0, 20)}"`);
            }
          }
          // No bullet drawn under the control either.
          if (getComputedStyle(control.parentElement!).listStyleType !== 'none')
            found.push(`${control.getAttribute('href')} sits on a bullet`);
        }
        return found;
      });
    expect(await page.locator('li > a.anchor-link').count()).toBeGreaterThan(2);
    expect(await overlaps()).toEqual([]);
    const control = page.locator('li > a.anchor-link').nth(1);
    await control.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    const box = await control.boundingBox();
    await control.click();
    await expect.poll(() => control.getAttribute('data-copied')).toBe('');
    // The tick replaces the icon where it stands: nothing covers the text, and the page did not move.
    expect(await overlaps()).toEqual([]);
    expect(await control.boundingBox()).toEqual(box);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    // Visible, not faint.
    expect(Number(await control.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
  });
});

describe('the colour toggle', () => {
  it.each(['light', 'dark'] as const)(
    'changes what the reader sees on the first click, and its icon shows the scheme (system %s)',
    async (system) => {
      const page = await open('/themes/', desktop, system);
      const other = system === 'light' ? 'dark' : 'light';
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const icon = () => page.locator('.scheme-toggle svg:visible').getAttribute('class');
      const toggle = page.locator('[data-scheme-toggle]');
      const start = await background();
      expect(await icon()).toBe(system === 'light' ? 'scheme-toggle__sun' : 'scheme-toggle__moon');
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(system === 'dark'));
      await toggle.click();
      expect(await background()).not.toBe(start);
      expect(await icon()).toBe(other === 'light' ? 'scheme-toggle__sun' : 'scheme-toggle__moon');
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(other === 'dark'));
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe(other);
      // Remembered on the next page.
      await page.goto(site.url('/events/'));
      expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe(other);
      // Back to the system's scheme: the choice is forgotten, and the page follows the system again.
      await page.locator('[data-scheme-toggle]').click();
      expect(await background()).toBe(start);
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
    },
  );
});

describe('the home page', () => {
  it('opens the search dialog from its search field, with what was typed, and from its examples', async () => {
    const page = await open('/', desktop);
    await page.locator('#hero-search').focus();
    await page.keyboard.type('ndots');
    const input = page.locator('.search-dialog input');
    await expect.poll(() => input.inputValue()).toBe('ndots');
    await expect
      .poll(() => page.locator('.search-dialog .kcr-result__title').allInnerTexts())
      .toContain('How to Break your Kubernetes Cluster with Networking');
    await page.keyboard.press('Escape');
    await page.locator('.hero__example', { hasText: 'Karpenter' }).click();
    await expect.poll(() => input.inputValue()).toBe('Karpenter');
    await expect
      .poll(() => page.locator('.search-dialog .kcr-result__title').allInnerTexts())
      .toContain('Groupless Autoscaling with Karpenter');
  });

  it('starts readers with the talks the recaps picked, and makes each theme card one link', async () => {
    const page = await open('/', desktop);
    const picks = await page.locator('.pick__title').allInnerTexts();
    expect(picks.length).toBeGreaterThanOrEqual(4);
    expect(picks).toContain('Hacking into Kubernetes Security for Beginners');
    const card = page.locator('.theme-card').first();
    const link = card.locator('a');
    expect(await card.locator('a').count()).toBe(1);
    expect(await link.boundingBox()).toEqual(await card.boundingBox());
    expect(await page.locator('.site-nav').getByRole('link', { name: 'Recaps' }).isVisible()).toBe(true);
  });
});

describe('a page that does not exist', () => {
  it('suggests pages from the words of the address', async () => {
    const page = await open('/talks/karpenter-autoscalin/', desktop);
    await page.locator('[data-suggestions-list] a').first().waitFor();
    expect(await page.locator('[data-suggestions-list] a').allInnerTexts()).toContain(
      'Groupless Autoscaling with Karpenter',
    );
    expect(await page.locator('#q').inputValue()).toBe('karpenter autoscalin');
  });
});

describe('printing', () => {
  it('prints dark-mode pages as black on white, chips as plain labels, with page margins', async () => {
    const page = await open(talk, desktop, 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const chip = page.locator('.talk-header .chip').first();
    expect(await chip.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(await chip.evaluate((el) => getComputedStyle(el, '::before').backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(
      /^rgba?\(255, 255, 255|^rgba\(0, 0, 0, 0\)$/,
    );
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const margins = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules]
          .filter((rule) => rule instanceof CSSPageRule)
          .map((rule) => (rule as CSSPageRule).style.margin),
      ),
    );
    expect(margins).toEqual(['2cm 1.8cm']);
  });
});
