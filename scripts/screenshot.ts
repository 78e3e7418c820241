/**
 * Screenshots of the built site, for looking at pages as a reader would:
 *   node scripts/screenshot.ts [outdir] [path ...]
 * Each path is shot at 320, 768 and 1440 px wide, in light and dark mode.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './shared/browser.ts';
import { serve } from './shared/server.ts';

const [outDir = '.cache/screenshots', ...pathsArg] = process.argv.slice(2);
const paths = pathsArg.length ? pathsArg : ['/'];
const dist = process.env.KCR_OUT_DIR ?? 'dist';
await mkdir(outDir, { recursive: true });
const server = await serve(dist);
const browser = await launchBrowser();
try {
  for (const path of paths) {
    for (const width of [320, 768, 1440]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: process.env.FULL === '1' });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${outDir}`);
