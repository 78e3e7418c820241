/**
 * Lighthouse's mobile audit of each page type of the built site, served on
 * 127.0.0.1, printing the four scores. Not a test (the scores move with the
 * machine's load); the README records the latest run.
 *
 *   npm run build && npm run lighthouse
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath, samplePages } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/server.ts';

const pages = samplePages;

const server = await serve(process.env.KCR_OUT_DIR ?? 'dist');
const chrome = await chromeLauncher.launch({
  chromePath: await chromiumPath(),
  chromeFlags: ['--headless=new', ...chromiumFlags],
});
const rows: string[] = [
  '| page | performance | accessibility | best practices | SEO |',
  '| --- | --- | --- | --- | --- |',
];
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(new URL(path.slice(1), server.url).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    });
    const categories = result!.lhr.categories;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    rows.push(
      `| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
    const failing = Object.values(result!.lhr.audits).filter(
      (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
    );
    if (failing.length) console.error(`${name}: ${failing.map((audit) => audit.id).join(', ')}`);
    if (score('performance') < 100) {
      const metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ];
      console.error(`${name}: ${metrics.map((id) => `${id} ${result!.lhr.audits[id]?.displayValue}`).join(', ')}`);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(rows.join('\n'));
