/**
 * Serves a built site on 127.0.0.1 for browser tests: files from the output
 * folder, directory URLs to their index.html, and the 404 page for the rest,
 * the way a static host does. Each caller closes what it started.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The build's compressed copies (integrations/hosting.ts), in the order a host prefers them. */
const encodings = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * `compressed`: send a file's Brotli or gzip copy to a browser that accepts it, as the nginx deploy does
 * (brotli_static, gzip_static), for measures of what readers download (Lighthouse). Tests read files as they are.
 */
export async function serve(dir: string, base = '/', { compressed = false } = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    let file = join(dir, normalize(pathname.slice(base.length - 1)));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
      const accepted = String(request.headers['accept-encoding'] ?? '');
      let body: Buffer | undefined;
      for (const [encoding, suffix] of compressed ? encodings : []) {
        if (!accepted.includes(encoding)) continue;
        body = await readFile(file + suffix).catch(() => undefined);
        if (body) {
          Object.assign(headers, { 'content-encoding': encoding, vary: 'Accept-Encoding' });
          break;
        }
      }
      body ??= await readFile(file);
      response.writeHead(200, headers).end(body);
    } catch {
      const notFound = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
      response.writeHead(404, { 'content-type': types['.html']! }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
