/**
 * axe-core finds no WCAG 2.2 A/AA violation on each page type, in light and dark
 * mode, at a phone width and a desktop width.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { samplePages } from '../../scripts/shared/browser';
import { useBuiltSite } from '../helpers/built-site';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const site = useBuiltSite();

// The header's search dialog, open with results, is audited on top of the home page.
const pages = [...samplePages, ['search dialog', '/#search-dialog'] as const];

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it.each(pages)('the %s page has no accessibility violation', async (_name, path) => {
    for (const width of [360, 1280]) {
      // axe is injected as a script, which the site's CSP rightly forbids; bypass it for the audit only.
      const context = await site.browser.newContext({ colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      if (path.startsWith('/search/')) await page.locator('.kcr-result').first().waitFor();
      if (path.endsWith('#search-dialog')) {
        await page.keyboard.press('Control+k');
        await page.keyboard.type('karpenter');
        await page.locator('.search-dialog .kcr-result').first().waitFor();
      }
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<any> } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return result.violations.map(
          (v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
      });
      expect(violations, `${path} at ${width}px`).toEqual([]);
      await context.close();
    }
  });
});
