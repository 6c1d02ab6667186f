/**
 * A small web site served on 127.0.0.1 for crawl tests: routes with status, headers, body and an
 * optional delay; ETag and Last-Modified answered with 304 when the client has the copy; every
 * request logged, so tests can count what a crawl asked for.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Milliseconds before the answer. */
  delayMs?: number;
  /** Answers for the first requests, before this route's own (e.g. one 503). */
  first?: Route[];
}

export interface LoggedRequest {
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
}

export class FixtureSite {
  readonly routes = new Map<string, Route>();
  readonly log: LoggedRequest[] = [];
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly served = new Map<string, number>();
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/';
      const count = this.served.get(path) ?? 0;
      this.served.set(path, count + 1);
      const own = this.routes.get(path);
      const route = own?.first?.[count] ?? own ?? { status: 404, body: 'Nicht gefunden' };
      const body =
        typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body ?? '');
      const status = route.status ?? 200;
      const headers: Record<string, string> = {
        'content-type': 'text/html; charset=utf-8',
        ...route.headers,
      };
      if (status === 200)
        headers['etag'] ??= `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const notModified =
        status === 200 &&
        ((request.headers['if-none-match'] !== undefined &&
          request.headers['if-none-match'] === headers['etag']) ||
          (request.headers['if-none-match'] === undefined &&
            headers['last-modified'] !== undefined &&
            request.headers['if-modified-since'] === headers['last-modified']));
      const answer = () => {
        const code = notModified ? 304 : status;
        this.log.push({ path, status: code, headers: request.headers });
        response.writeHead(code, headers);
        response.end(notModified ? undefined : body);
      };
      if (route.delayMs) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!response.destroyed) answer();
        }, route.delayMs);
        this.timers.add(timer);
      } else answer();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests for `path` (with query) since the log was last cleared. */
  requests(path: string): LoggedRequest[] {
    return this.log.filter((entry) => entry.path === path);
  }

  clearLog(): void {
    this.log.length = 0;
    this.served.clear();
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
