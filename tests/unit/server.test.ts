/**
 * scripts/shared/server.ts: the static server the browser tests and measures use. Over TLS it speaks HTTP/2,
 * as the hosts in front of the deploy do, so Lighthouse sees one connection, not six.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/shared/server';

const dir = mkdtempSync(join(tmpdir(), 'kcr-serve-'));
writeFileSync(join(dir, 'index.html'), '<p>home</p>');
writeFileSync(join(dir, 'index.html.br'), brotliCompressSync('<p>home</p>'));
writeFileSync(join(dir, '404.html'), '<p>not here</p>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One HTTP/2 request: its status, headers and body. */
function get(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    // The certificate is the server's own: trusted here as Lighthouse's browser is told to trust it.
    const session = connect(url, { rejectUnauthorized: false });
    session.on('error', reject);
    const request = session.request({ ':path': path, ...headers });
    const chunks: Buffer[] = [];
    let head: Record<string, unknown> = {};
    request.on('response', (received) => (head = received));
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      session.close();
      resolve({ status: Number(head[':status']), headers: head, body: Buffer.concat(chunks) });
    });
    request.on('error', reject);
  });
}

describe('the static server over TLS', () => {
  it('serves pages over HTTP/2, with the Brotli copy to a browser that accepts it, and the 404 page', async () => {
    const server = await serve(dir, '/', { compressed: true, secure: true });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await get(server.url, '/', { 'accept-encoding': 'br, gzip' });
      expect(page.status).toBe(200);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.body).toEqual(brotliCompressSync('<p>home</p>'));
      const missing = await get(server.url, '/nowhere/');
      expect(missing.status).toBe(404);
      expect(missing.body.toString()).toBe('<p>not here</p>');
    } finally {
      await server.close();
    }
  });
});
