/**
 * A build never leaves half a site: `astro build` writes into a staging folder next to the output folder
 * (`.dist.next` beside `dist`), and only once every page, card, sitemap and search index is written does the
 * staging folder take the output folder's place. A build that fails at any point, or is interrupted, leaves
 * the output folder exactly as it was and removes the staging folder. Must be the last integration, so its
 * build-done hook runs after everyone else's has written into the staging folder.
 *
 * The output a build replaces is set aside (`.dist.previous`) rather than deleted, and the next build deletes it
 * while Vite compiles: deleting 13,000 files at the end of a build of 2,000 talks took 0.6 to 1.1 s, all of it
 * after the site was complete. The deletion runs on a thread of its own: Node's asynchronous `rm` fills the
 * file-system thread pool with thousands of small calls, and the content layer's and Vite's reads waited
 * behind them (the build's first steps took 1 s longer).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A hidden folder beside the output folder, named for what it holds (`.dist.next` beside `dist`). */
const beside = (outDir: string, role: 'next' | 'previous') => join(dirname(outDir), `.${basename(outDir)}.${role}`);

/** Where a build of `outDir` is written until it is complete. */
export function stagingDir(outDir: string): string {
  return beside(outDir, 'next');
}

/** The output folder a staging folder will replace (stagingDir's inverse), or undefined for any other folder. */
export function publishedDirOf(dir: string): string | undefined {
  const name = /^\.(.+)\.next$/.exec(basename(dir.replace(/\/+$/, '')))?.[1];
  return name === undefined ? undefined : join(dirname(dir.replace(/\/+$/, '')), name);
}

/** Where the output a build replaced waits for the next build to delete it. */
export function replacedDir(outDir: string): string {
  return beside(outDir, 'previous');
}

/** Puts a complete build in place of the output folder (which may not exist yet), setting the old one aside. */
export function moveIntoPlace(staging: string, outDir: string) {
  const replaced = replacedDir(outDir);
  rmSync(replaced, { recursive: true, force: true }); // gone already, unless its deletion failed
  if (existsSync(outDir)) renameSync(outDir, replaced);
  renameSync(staging, outDir);
}

/** Deletes a folder on a thread of its own; resolves when it is gone, or when deleting it failed. */
function removeAside(dir: string): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(
      "require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true })",
      { eval: true, workerData: dir },
    );
    worker.once('error', () => {});
    worker.once('exit', () => resolve());
  });
}

export default function atomicOutput(): AstroIntegration {
  let outDir: string | undefined;
  let staging: string | undefined;
  let placed = false;
  let clearing: Promise<void> | undefined;
  const removeStaging = () => {
    if (staging && !placed) rmSync(staging, { recursive: true, force: true });
  };
  return {
    name: 'kubecon-recaps:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        staging = stagingDir(outDir);
        rmSync(staging, { recursive: true, force: true }); // left by a build that was killed
        // A failure here is retried, and reported, when the build is put in place.
        clearing = existsSync(replacedDir(outDir)) ? removeAside(replacedDir(outDir)) : undefined;
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        process.once('exit', removeStaging);
        for (const [signal, code] of [
          ['SIGINT', 130],
          ['SIGTERM', 143],
        ] as const) {
          process.once(signal, () => {
            removeStaging();
            process.exit(code);
          });
        }
      },
      'astro:build:done': async ({ logger }) => {
        if (!outDir || !staging) return;
        await clearing;
        moveIntoPlace(staging, outDir);
        placed = true;
        logger.info(`the complete site is now in ${relative(process.cwd(), outDir) || '.'}/`);
      },
    },
  };
}
