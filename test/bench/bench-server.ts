/**
 * The static server of the browser benchmark, on 127.0.0.1: serves folders with gzip (level 6,
 * as nginx or Apache would for text; compressed once per file and kept), ETags and 304s, and the
 * cross-origin-isolation headers (COOP/COEP) that `performance.measureUserAgentSpecificMemory`
 * needs. Records every response with the bytes it sent (the body as transferred, headers not
 * counted) and when, so the benchmark can count bytes and requests between two moments.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Served {
  path: string;
  status: number;
  /** Body bytes sent (gzipped where the type is compressible). */
  bytes: number;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface BenchServer {
  readonly origin: string;
  readonly log: readonly Served[];
  /** Replaces the inline pages (path → HTML). */
  setPages(pages: Record<string, string>): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};
/** Pagefind's index files are already gzipped by Pagefind itself. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.css', '.wasm']);

interface Prepared {
  body: Buffer;
  gzipped: boolean;
  etag: string;
  type: string;
}

export async function startBenchServer(dirs: Record<string, string>): Promise<BenchServer> {
  const log: Served[] = [];
  const prepared = new Map<string, Prepared>();
  let pages: Record<string, string> = {};

  const prepare = (key: string, raw: Buffer, ext: string): Prepared => {
    let entry = prepared.get(key);
    if (!entry) {
      const gzipped = COMPRESSIBLE.has(ext);
      const body = gzipped ? gzipSync(raw, { level: 6 }) : raw;
      entry = {
        body,
        gzipped,
        etag: `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"`,
        type: TYPES[ext] ?? 'application/octet-stream',
      };
      prepared.set(key, entry);
    }
    return entry;
  };

  const find = (path: string): Prepared | undefined => {
    const page = pages[path];
    if (page !== undefined) return prepare(`page:${path}:${page}`, Buffer.from(page), '.html');
    for (const [prefix, dir] of Object.entries(dirs)) {
      if (!path.startsWith(prefix)) continue;
      const root = normalize(dir + sep);
      const file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root)) continue;
      try {
        if (!statSync(file).isFile()) continue;
      } catch {
        continue;
      }
      return prepare(`file:${file}`, readFileSync(file), extname(file));
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    const at = Date.now();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const entry = find(path);
    const headers: Record<string, string> = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-cache',
    };
    if (!entry) {
      log.push({ path, status: 404, bytes: 0, at });
      response.writeHead(404, headers).end();
      return;
    }
    headers['etag'] = entry.etag;
    if (request.headers['if-none-match'] === entry.etag) {
      log.push({ path, status: 304, bytes: 0, at });
      response.writeHead(304, headers).end();
      return;
    }
    headers['content-type'] = entry.type;
    if (entry.gzipped) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(entry.body.length);
    log.push({ path, status: 200, bytes: entry.body.length, at });
    response.writeHead(200, headers).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    setPages(next) {
      pages = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
