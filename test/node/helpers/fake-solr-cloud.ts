/**
 * A stand-in for SolrCloud's HTTP API, as much of it as the CLI push uses: Collections API
 * (LIST, LISTALIASES, CREATE, DELETE, CREATEALIAS), Configsets LIST, /update and a count on
 * /hzd/select. Failures are injected per call, so retries and error paths can be checked without
 * Java; the real thing is tested in test/solr.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  path: string;
  params: URLSearchParams;
  body: string;
}

/** What to answer instead of the normal response; undefined: answer normally. */
export type Fault = { status: number; msg?: string; raw?: string } | 'drop' | undefined;

export interface FakeSolr {
  url: string;
  calls: FakeCall[];
  collections: Map<string, { pending: number; committed: number; ids: Set<string> }>;
  aliases: Record<string, string>;
  configsets: string[];
  /** Called for each request; return a fault to inject it. */
  fault: (call: FakeCall) => Fault;
  /** Documents the next commit loses (for a count mismatch). */
  loseOnCommit: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeSolr(): Promise<FakeSolr> {
  const fake: FakeSolr = {
    url: '',
    calls: [],
    collections: new Map(),
    aliases: {},
    configsets: ['_default', 'hzd-de'],
    fault: () => undefined,
    loseOnCommit: 0,
    close: async () => {},
  };

  const handle = (call: FakeCall, res: ServerResponse) => {
    const { path, params } = call;
    if (path === '/solr/admin/configs') return send(res, 200, { configSets: fake.configsets });
    if (path === '/solr/admin/collections') {
      const name = params.get('name') ?? '';
      switch (params.get('action')) {
        case 'LIST':
          return send(res, 200, { collections: [...fake.collections.keys()] });
        case 'LISTALIASES':
          return send(res, 200, { aliases: fake.aliases });
        case 'CREATE':
          if (fake.collections.has(name))
            return send(res, 400, { error: { msg: `collection already exists: ${name}` } });
          if (!fake.configsets.includes(params.get('collection.configName') ?? ''))
            return send(res, 400, { error: { msg: 'Can not find the specified config set' } });
          fake.collections.set(name, { pending: 0, committed: 0, ids: new Set() });
          return send(res, 200, { success: {} });
        case 'DELETE':
          fake.collections.delete(name);
          return send(res, 200, { success: {} });
        case 'CREATEALIAS':
          fake.aliases[name] = params.get('collections') ?? '';
          return send(res, 200, {});
      }
      return send(res, 400, { error: { msg: `unknown action ${params.get('action')}` } });
    }
    const match = /^\/solr\/([^/]+)\/(update|hzd\/select)$/.exec(path);
    const collection = match && fake.collections.get(match[1]!);
    if (!match || !collection) return send(res, 404, { error: { msg: `no such path ${path}` } });
    if (match[2] === 'update') {
      const body = JSON.parse(call.body) as unknown;
      if (Array.isArray(body)) {
        for (const doc of body as { id: string }[]) collection.ids.add(doc.id);
      } else if ((body as { commit?: unknown }).commit) {
        collection.committed = collection.ids.size - fake.loseOnCommit;
      }
      return send(res, 200, { responseHeader: { status: 0 } });
    }
    return send(res, 200, { response: { numFound: collection.committed, docs: [] } });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const call: FakeCall = {
        method: req.method ?? 'GET',
        path: url.pathname,
        params: url.searchParams,
        body,
      };
      fake.calls.push(call);
      const fault = fake.fault(call);
      if (fault === 'drop') return req.socket.destroy();
      if (fault) {
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        return res.end(fault.raw ?? JSON.stringify({ error: { msg: fault.msg ?? 'fault' } }));
      }
      handle(call, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/solr`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
