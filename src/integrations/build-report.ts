/**
 * Figures a build reports about itself, for `npm run bench`: when KCR_BUILD_REPORT names a file, each
 * integration merges its figures into that JSON file, so the benchmark reads numbers, not log lines.
 */
import { readFile, writeFile } from 'node:fs/promises';

export async function reportFigures(figures: Record<string, number>): Promise<void> {
  const file = process.env.KCR_BUILD_REPORT;
  if (!file) return;
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, number>,
    () => ({}),
  );
  await writeFile(file, JSON.stringify({ ...existing, ...figures }, null, 2));
}
