/**
 * Builds the site in a child process for tests that need their own build (a
 * base path, a scratch content folder). Vitest puts its own variables (BASE_URL,
 * MODE, NODE_ENV, VITEST…) into the environment; a build must not inherit them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './site';

const leaked = /^(VITE|VITEST|TEST|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/;

export interface BuildResult {
  ok: boolean;
  /** The exit code. */
  status: number | null;
  output: string;
}

const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.test(key)));

export function runAstroBuild(env: Record<string, string>): BuildResult {
  const clean = cleanEnv();
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  // Astro colours its log lines even without a terminal; strip the escapes so messages can be matched.
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { ok: run.status === 0, status: run.status, output };
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs `astro dev` on 127.0.0.1 until close() is called; resolves once it answers. `env` adds settings
 * (KCR_CONTENT_DIR, say); `output()` is what the server printed so far.
 */
export async function startDevServer(
  env: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void>; output(): string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const output = () => printed;
  const url = `http://127.0.0.1:${port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  for (let tries = 0; tries < 120; tries++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return { url, close, output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await close();
  throw new Error('astro dev did not start within a minute');
}
