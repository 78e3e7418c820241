/**
 * axe-core finds no WCAG 2.2 A/AA violation on each page type, in light and dark
 * mode, at a phone width and a desktop width.
 */
import { createRequire } from 'node:module';
import { describe, it } from 'vitest';
import { samplePages } from '../../scripts/shared/browser';
import { useBuiltSite } from '../helpers/built-site';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const site = useBuiltSite();

// The header's search dialog, open with results, is audited on top of the home page; the indexes and a 404
// with suggestions besides the sample pages.
const pages = [
  ...samplePages,
  ['search dialog', '/#search-dialog'],
  ['events', '/events/'],
  ['projects', '/projects/'],
  ['recaps', '/recaps/'],
  ['talks', '/talks/'],
  ['changes', '/changes/'],
  ['talk a change superseded', '/talks/kubernetes-release-cadence-and-podsecuritypolicy-deprecation/'],
  ['404 with suggestions', '/talks/karpenter-autoscalin/'],
] as const;

// Concurrent: most of each audit is waiting for the page to settle, which several pages can do at once.
describe.concurrent.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  // Two widths, each a page load and a full audit, alongside other audits: a minute each.
  it.for(pages)('the %s page has no accessibility violation', { timeout: 60_000 }, async ([, path], { expect }) => {
    for (const width of [360, 1280]) {
      // axe is injected as a script, which the site's CSP rightly forbids; bypass it for the audit only.
      const context = await site.browser.newContext({
        colorScheme,
        viewport: { width, height: 900 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      if (path.startsWith('/search/')) await page.locator('.kcr-result').first().waitFor();
      if (path.includes('autoscalin')) await page.locator('[data-suggestions-list] a').first().waitFor();
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
