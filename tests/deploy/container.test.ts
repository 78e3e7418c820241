/**
 * The container's files agree with each other (Docker cannot run on the machines
 * that test this project): the Dockerfile, the nginx configuration and the
 * Kubernetes example name the same port, user and writable folder; and the deploy
 * build refuses to run without a public address.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { scratchRoot } from '../helpers/scratch';
import { root } from '../helpers/site';

const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the container', () => {
  const dockerfile = read('Dockerfile');
  const nginx = read('deploy/nginx/nginx.conf');
  const [deployment, service] = yaml.loadAll(read('deploy/kubernetes.yaml')) as any[];

  it('builds with npm run build:deploy and runs nginx as a non-root user on 8080', () => {
    expect(dockerfile).toMatch(/RUN .*npm run build:deploy/);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).toMatch(/^EXPOSE 8080$/m);
    expect(nginx).toMatch(/^\s*listen 8080;$/m);
    const conf = /^CMD \["nginx", "-c", "([^"]+)"\]$/m.exec(dockerfile)?.[1];
    expect(dockerfile).toContain(`COPY deploy/nginx/nginx.conf ${conf}`);
  });

  it('writes only under /tmp, which the Kubernetes example mounts on a read-only root', () => {
    const paths = [...nginx.matchAll(/^\s*(?:pid|\w+_temp_path) (\S+);$/gm)].map((m) => m[1]!);
    expect(paths.length).toBe(6);
    for (const path of paths) expect(path).toMatch(/^\/tmp\//);
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(container.ports).toContainEqual({ name: 'http', containerPort: 8080 });
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  });
});

describe('npm run build:deploy', () => {
  it('refuses to build without SITE_URL, and says how to give it', () => {
    const run = spawnSync('npm', ['run', 'build:deploy'], {
      cwd: root,
      env: { ...process.env, SITE_URL: '', KCR_OUT_DIR: join(scratchRoot, 'deploy-refused') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'npm run build:deploy needs SITE_URL, the address readers will use: SITE_URL=https://recaps.example.org npm run build:deploy',
    );
  });
});
