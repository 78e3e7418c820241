/**
 * Serves a built site on 127.0.0.1 for browser tests: files from the output
 * folder, directory URLs to their index.html, and the 404 page for the rest,
 * the way a static host does. Each caller closes what it started.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
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
 *
 * `secure`: HTTP/2 over TLS, with a certificate made for this server alone (the browser must be told to accept
 * it), as readers reach the site through an ingress or a static host. Over plain HTTP a browser speaks
 * HTTP/1.1: six connections, each opened with its own handshake, where HTTP/2 sends every file over one.
 */
export async function serve(
  dir: string,
  base = '/',
  { compressed = false, secure = false } = {},
): Promise<StaticServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
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
  };
  const server = secure
    ? // HTTP/2's compatibility API answers with the same calls.
      createSecureServer({ allowHTTP1: true, ...(await certificate()) }, (request, response) =>
        handle(request as unknown as IncomingMessage, response as unknown as ServerResponse),
      )
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A self-signed certificate for 127.0.0.1, valid for a day. */
async function certificate() {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}
