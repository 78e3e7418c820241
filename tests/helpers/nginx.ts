/**
 * Runs the container's nginx configuration (deploy/nginx/nginx.conf) against a built
 * site on 127.0.0.1, as CI does: the same file with only the port, the folders and
 * (as root) the worker user changed, beside the site.conf and headers.conf the build
 * wrote into _nginx/. nginx is Debian's package; .ci/run installs it when missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './build';
import { root } from './site';

export const nginxConfFile = join(root, 'deploy/nginx/nginx.conf');

export function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'nginx is not installed: apt-get install nginx-light libnginx-mod-http-brotli-static (.ci/run does this in CI)',
    );
  }
  return found;
}

/** Replaces text that must occur in the configuration, so a changed nginx.conf fails loudly here. */
function replace(conf: string, from: string, to: string): string {
  if (!conf.includes(from))
    throw new Error(`${nginxConfFile} no longer contains "${from}"; update tests/helpers/nginx.ts`);
  return conf.split(from).join(to);
}

export interface NginxSetup {
  dir: string;
  conf: string;
  port: number;
}

/** Writes the configuration for serving `site` on a free port into a fresh temporary folder. */
export async function prepareNginx(site: string): Promise<NginxSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'kcr-nginx-'));
  const generated = join(site, '_nginx');
  for (const file of readdirSync(generated)) copyFileSync(join(generated, file), join(dir, file));
  const port = await freePort();
  let conf = readFileSync(nginxConfFile, 'utf8');
  conf = replace(conf, 'listen 8080;', `listen 127.0.0.1:${port};`);
  // Before the root goes in: a site that lives under /tmp/ keeps its own path.
  conf = replace(conf, '/tmp/', `${dir}/`);
  conf = replace(conf, 'root /srv/site;', `root ${site};`);
  // As root (CI), nginx would run its workers as "nobody"; the container runs all of it as one non-root user.
  if (process.getuid?.() === 0) conf = `user root;\n${conf}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  return { dir, conf: join(dir, 'nginx.conf'), port };
}

/** `nginx -t` on a prepared configuration. */
export function testConf(setup: NginxSetup): { ok: boolean; output: string } {
  // nginx opens /dev/stdout for its access log, which cannot be Node's socket pair; it reports on stderr.
  const run = spawnSync(nginxBinary(), ['-t', '-p', setup.dir, '-c', setup.conf], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { ok: run.status === 0, output: run.stderr };
}

export interface RunningNginx {
  url: (path: string) => string;
  origin: string;
  close(): Promise<void>;
}

/** Serves `site` with nginx until close(); resolves once it answers. */
export async function startNginx(site: string): Promise<RunningNginx> {
  const setup = await prepareNginx(site);
  const child = spawn(nginxBinary(), ['-p', setup.dir, '-c', setup.conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const origin = `http://127.0.0.1:${setup.port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(setup.dir, { recursive: true, force: true });
  };
  for (let tries = 0; tries < 50; tries++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${origin}/`, { method: 'HEAD' });
      return { url: (path) => new URL(path, origin).href, origin, close };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await close();
  throw new Error(`nginx did not start:\n${stderr}`);
}
