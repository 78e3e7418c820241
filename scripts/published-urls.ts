/**
 * npm run urls:record: adds every page of the last build to the list of published URLs
 * (tests/published-urls.txt); nothing is ever removed.
 */
import { join, relative } from 'node:path';
import { requireBuiltSite, runCommand, type CommandSpec, type OptionSpec } from './cli.ts';
import { builtPages, listFile, readList, recordPages } from './shared/published-urls.ts';

export const command = {
  name: 'npm run urls:record',
  summary: `Adds every page of the last build (KCR_OUT_DIR, default dist/) to ${relative(process.cwd(), listFile)}; nothing is ever removed.`,
  usage: [''],
  options: {},
} satisfies CommandSpec<Record<string, OptionSpec>>;

if (import.meta.main) {
  await runCommand(command, () => {
    const dist = requireBuiltSite(command.name, process.env.KCR_OUT_DIR ?? join(import.meta.dirname, '..', 'dist'));
    const before = readList().length;
    const count = recordPages(builtPages(dist));
    console.log(`${relative(process.cwd(), listFile)}: ${count} published URLs (${count - before} new)`);
  });
}
