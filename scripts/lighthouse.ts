/**
 * Lighthouse's mobile audit of each page type of the built site, served on
 * 127.0.0.1, printing the four scores. Not a test (the scores move with the
 * machine's load); the README records the latest run.
 *
 *   npm run build && npm run lighthouse
 */
import { requireBuiltSite, runCommand, type CommandSpec, type OptionSpec } from './cli.ts';

export const command = {
  name: 'npm run lighthouse',
  summary: 'Lighthouse’s mobile scores for one page of each type of the last build (KCR_OUT_DIR, default dist/).',
  usage: [''],
  options: {},
  examples: ['npm run build && npm run lighthouse'],
} satisfies CommandSpec<Record<string, OptionSpec>>;

async function main() {
  const dist = requireBuiltSite(command.name, process.env.KCR_OUT_DIR ?? 'dist');
  // Loaded only once there is a site to audit: Lighthouse takes seconds to load.
  const [chromeLauncher, { default: lighthouse }, { chromiumFlags, chromiumPath, samplePages: pages }, { serve }] =
    await Promise.all([
      import('chrome-launcher'),
      import('lighthouse'),
      import('./shared/browser.ts'),
      import('./shared/server.ts'),
    ]);
  // Compressed and over HTTP/2, as the deploy serves it (the ingress or static host in front of it speaks
  // HTTP/2): Lighthouse's simulated slow network makes every byte and every connection count. Its certificate
  // is the server's own, which Chromium is told to accept.
  const server = await serve(dist, '/', { compressed: true, secure: true });
  const chrome = await chromeLauncher.launch({
    chromePath: await chromiumPath(),
    chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...chromiumFlags],
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
}

if (import.meta.main) await runCommand(command, main);
