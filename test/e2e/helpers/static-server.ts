/**
 * A tiny static HTTP server for the e2e pages, on 127.0.0.1 and a random port. It serves single
 * files, inline bodies and whole folders, lets a test add response headers per path (a
 * Content-Security-Policy, say) and records every request, so tests can assert what the browser
 * asked for and when.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A file on disk, or a body given inline (the test pages). */
export type Route = string | { body: string; type?: string };

export interface StaticServerOptions {
  /** URL path (`/page.html`) → what to serve. */
  files?: Record<string, Route>;
  /** URL prefix (`/` or `/assets/`) → a folder served below it. */
  dirs?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request so far, in order of arrival. */
  readonly requests: readonly RecordedRequest[];
  url(path: string): string;
  /** Adds headers to the responses for `path` (replacing earlier ones for that path). */
  setHeaders(path: string, headers: Record<string, string>): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function typeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file for a path below a mounted folder; never anything outside that folder. */
function fromDirs(dirs: Record<string, string>, path: string): string | undefined {
  for (const [prefix, dir] of Object.entries(dirs)) {
    if (!path.startsWith(prefix)) continue;
    const root = normalize(dir + sep);
    const file = normalize(join(root, path.slice(prefix.length)));
    if (file.startsWith(root) && isFile(file)) return file;
  }
  return undefined;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const files = options.files ?? {};
  const dirs = options.dirs ?? {};
  const extraHeaders = new Map<string, Record<string, string>>();
  const requests: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    // No caching: every test (and every browser context) must see its own requests.
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      ...extraHeaders.get(path),
    };
    const route = files[path] ?? fromDirs(dirs, path);
    if (route === undefined || (typeof route === 'string' && !isFile(route))) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    } else if (typeof route === 'string') {
      response.writeHead(200, { 'content-type': typeOf(route), ...headers });
      createReadStream(route).pipe(response);
    } else {
      response.writeHead(200, { 'content-type': route.type ?? typeOf(path), ...headers });
      response.end(route.body);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    requests,
    url: (path) => new URL(path, origin).href,
    setHeaders: (path, headers) => void extraHeaders.set(path, headers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
