/**
 * Screenshots of the built site, for looking at pages as a reader would:
 *   node scripts/screenshot.ts [outdir] [path ...]
 * Each path is shot at 320, 768 and 1440 px wide, in light and dark mode.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { requireBuiltSite, runCommand, type CommandSpec, type OptionSpec } from './cli.ts';

export const command = {
  name: 'node scripts/screenshot.ts',
  summary: 'Screenshots of the last build, each path at 320, 768 and 1440 px wide, in light and dark mode.',
  usage: ['[outdir] [path ...] [--full]'],
  positionals: [
    { name: 'outdir', help: 'where the PNG files go (default .cache/screenshots)' },
    { name: 'path...', help: 'site paths to shoot (default /)' },
  ],
  options: { full: { type: 'boolean', help: 'shoot the whole page, not the first screen (or FULL=1)' } },
  examples: ['node scripts/screenshot.ts .cache/shots / /talks/ --full'],
} satisfies CommandSpec<Record<string, OptionSpec>>;

async function main({ values, positionals }: { values: { full?: boolean }; positionals: string[] }) {
  const [outDir = '.cache/screenshots', ...pathsArg] = positionals;
  const paths = pathsArg.length ? pathsArg : ['/'];
  const dist = requireBuiltSite(command.name, process.env.KCR_OUT_DIR ?? 'dist');
  const full = values.full || process.env.FULL === '1';
  const [{ launchBrowser }, { serve }] = await Promise.all([
    import('./shared/browser.ts'),
    import('./shared/server.ts'),
  ]);
  await mkdir(outDir, { recursive: true });
  const server = await serve(dist);
  const browser = await launchBrowser();
  try {
    for (const path of paths) {
      for (const width of [320, 768, 1440]) {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          // Until nothing has been fetched for half a second: the search page draws its results from the index.
          await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
          const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${scheme}.png`;
          await page.screenshot({ path: join(outDir, name), fullPage: full });
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`screenshots in ${outDir}`);
}

if (import.meta.main) await runCommand(command, main);
