/**
 * How the search page loads, in headless Chromium against the built site: it asks for everything its results
 * certainly need at once (integrations/pagefind.ts preloads it), and each file it preloads is the one the page
 * then uses, fetched once.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site';

const site = useBuiltSite();

describe('the search page', () => {
  it('preloads Pagefind’s engine, entry, metadata and WebAssembly, and fetches each of them once', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const warnings: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
      });
      await page.goto(site.url('/search/?q=karpenter'));
      await page.locator('.kcr-result').first().waitFor();
      await page.waitForLoadState('networkidle');

      const preloaded = await page
        .locator('link[rel="preload"], link[rel="modulepreload"]')
        .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
      const files = (pattern: RegExp) => preloaded.filter((href) => pattern.test(href));
      for (const pattern of [/\/pagefind\.js$/, /pagefind-entry\.json\?ts=/, /\.pf_meta$/, /\/wasm\.en\.pagefind$/]) {
        expect(files(pattern), String(pattern)).toHaveLength(1);
      }
      for (const href of preloaded)
        expect(
          requests.filter((url) => url === href),
          href,
        ).toHaveLength(1);
      // Pagefind's own fetch of its entry file is the preloaded one, not a second one tagged with the time.
      expect(requests.filter((url) => url.includes('pagefind-entry.json'))).toEqual(files(/pagefind-entry/));
      expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
