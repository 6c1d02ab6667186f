/**
 * A stand-in for a Solr collection on 127.0.0.1: records every request (path and parameters)
 * and answers with what the test's handler returns, as Solr 9 would send it (JSON with
 * `responseHeader`). Answers that no Solr sends (HTML pages, cut-off bodies, silence) are the
 * handler's to produce.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  params: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export type FakeAnswer =
  | { json: unknown; status?: number }
  | { text: string; status?: number; type?: string }
  | { hang: true };

export interface FakeSolr {
  /** The collection URL, ending in `/`. */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeSolr(
  handler: (request: FakeRequest) => FakeAnswer,
): Promise<FakeSolr> {
  const requests: FakeRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = { path: url.pathname, params: url.searchParams, headers: req.headers };
    requests.push(request);
    const answer = handler(request);
    if ('hang' in answer) {
      hanging.add(res);
      return;
    }
    if ('json' in answer) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(answer.json));
      return;
    }
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.type ?? 'text/html;charset=utf-8',
    });
    res.end(answer.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/solr/portal/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Solr 9's `responseHeader`. */
export const HEADER = { zkConnected: true, status: 0, QTime: 4 };

/** A /hzd/select answer in Solr 9's shape (`json.nl=flat`). */
export function selectAnswer(parts: {
  numFound?: number;
  docs: Record<string, unknown>[];
  highlighting?: Record<string, Record<string, string[]>>;
  facets?: Record<string, (string | number)[]>;
  spellcheck?: unknown;
}): { json: unknown } {
  const json: Record<string, unknown> = {
    responseHeader: HEADER,
    response: {
      numFound: parts.numFound ?? parts.docs.length,
      start: 0,
      maxScore: 3.2,
      numFoundExact: true,
      docs: parts.docs,
    },
  };
  if (parts.facets) {
    json.facet_counts = {
      facet_queries: {},
      facet_fields: parts.facets,
      facet_ranges: {},
      facet_intervals: {},
      facet_heatmaps: {},
    };
  }
  json.highlighting = parts.highlighting ?? {};
  if (parts.spellcheck) json.spellcheck = parts.spellcheck;
  return { json };
}

/** A /hzd/suggest answer for `q` in Solr 9's shape. */
export function suggestAnswer(q: string, terms: string[]): { json: unknown } {
  return {
    json: {
      responseHeader: HEADER,
      suggest: {
        hzd: {
          [q]: {
            numFound: terms.length,
            suggestions: terms.map((term) => ({ term, weight: 0, payload: '' })),
          },
        },
      },
    },
  };
}

/** Solr's error JSON, as it sends it with an HTTP error status. */
export function solrError(status: number, msg: string): { json: unknown; status: number } {
  return {
    status,
    json: {
      responseHeader: { zkConnected: true, status, QTime: 1 },
      error: {
        metadata: [
          'error-class',
          'org.apache.solr.common.SolrException',
          'root-error-class',
          'org.apache.solr.common.SolrException',
        ],
        msg,
        code: status,
      },
    },
  };
}
