/**
 * Builds the site in a child process for tests that need their own build (a
 * base path, a scratch content folder). Vitest puts its own variables (BASE_URL,
 * MODE, NODE_ENV, VITEST…) into the environment; a build must not inherit them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './site';

const leaked = /^(VITE|VITEST|TEST|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/;

export interface BuildResult {
  ok: boolean;
  output: string;
}

export function buildSite(env: Record<string, string>): BuildResult {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.test(key)));
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  // Astro colours its log lines even without a terminal; strip the escapes so messages can be matched.
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { ok: run.status === 0, output };
}
