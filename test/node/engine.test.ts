/**
 * The engine behind the widget and the page's client of it, joined by a channel that clones
 * every message as postMessage does: a search the page gives up on stops before its documents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineClient } from '../../src/backends/static/engine-client.js';
import type { EngineChannel } from '../../src/backends/static/engine-channel.js';
import { Engine } from '../../src/backends/static/engine.js';
import type { FromEngine, ToEngine } from '../../src/backends/static/protocol.js';
import { buildIndex } from '../../src/core/index.js';
import { shardIndex } from '../../src/core/sharded/write.js';
import { readShippedDocuments } from '../eval/relevance.js';
import { FAMILY_STARTS, SHORT_FAMILY_START, WORD_FAMILIES } from './helpers/word-families.js';

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).buffer as ArrayBuffer;

/** A client and engine over a cloning channel; files answer after `delay` ms (or per path). */
function connect(
  delay: number | ((path: string) => number),
  documents: Parameters<typeof buildIndex>[0] = readShippedDocuments(),
) {
  const { manifest, files } = shardIndex(buildIndex(documents));
  const contents = new Map(files.map((file) => [file.name, file.content]));
  const fetched: string[] = [];
  const sent: ToEngine[] = [];
  const listeners: ((message: FromEngine) => void)[] = [];
  const engine = new Engine((message) => {
    const copy = structuredClone(message);
    setTimeout(() => listeners.forEach((listener) => listener(copy)));
  });
  const channel: EngineChannel = {
    send(message) {
      sent.push(message);
      // Throws, like postMessage, for what cannot cross to a worker (an AbortSignal).
      const copy = structuredClone(message);
      setTimeout(() => engine.handle(copy));
    },
    onMessage: (listener) => listeners.push(listener),
  };
  const client = new EngineClient(channel, async (_index, path) => {
    fetched.push(path);
    await sleep(typeof delay === 'number' ? delay : delay(path));
    const content = contents.get(path);
    if (content === undefined) throw new Error(`no file ${path}`);
    return bytes(content);
  });
  const open = client.open('/index/manifest.json', bytes(JSON.stringify(manifest)));
  return { client, open, fetched, sent };
}

describe('engine and client', () => {
  it('answer a search with a signal (the signal stays on the page)', async () => {
    const { client, open } = connect(1);
    await open;
    const results = await client.search('/index/manifest.json', 'Fußfessel', {
      limit: 3,
      signal: new AbortController().signal,
    });
    assert.ok(results.hits.length > 0 && results.hits[0]!.title);
  });

  it('stop a search the page aborted before fetching its documents', async () => {
    const { client, open, fetched, sent } = connect(20);
    await open;
    const abort = new AbortController();
    const search = client.search('/index/manifest.json', 'Fußfessel', {
      limit: 3,
      signal: abort.signal,
    });
    // The visitor types on while the word's keys are still on their way.
    await sleep(5);
    abort.abort();
    await assert.rejects(search, { name: 'AbortError' });
    assert.ok(sent.some((message) => message.type === 'cancel'));
    await sleep(200);
    assert.ok(
      fetched.some((path) => path.startsWith('terms/')),
      'its keys serve the next search',
    );
    assert.deepEqual(
      fetched.filter((path) => path.startsWith('documents/')),
      [],
      'no documents of hits nobody sees',
    );
    // The same text searched again: its keys are there, only its documents are fetched.
    const before = fetched.length;
    const results = await client.search('/index/manifest.json', 'Fußfessel', { limit: 3 });
    assert.ok(results.hits.length > 0);
    assert.ok(fetched.slice(before).every((path) => path.startsWith('documents/')));
  });

  it('load the likeliest next letter of the word being typed after answering', async () => {
    for (const { start, next } of FAMILY_STARTS) {
      const { client, open, fetched } = connect(1, WORD_FAMILIES);
      await open;
      await client.search('/index/manifest.json', start, { prefix: true, limit: 4 });
      // The engine loads ahead once the results are out: give it the time between two keys.
      await sleep(150);
      const before = fetched.length;
      const results = await client.search('/index/manifest.json', `${start}${next}`, {
        prefix: true,
        limit: 4,
      });
      assert.ok(results.hits.length > 0, `${start}${next}`);
      assert.deepEqual(fetched.slice(before), [], `${start}${next}`);
    }
  });

  it('load ahead only once the suggestions asked for with the search are answered', async () => {
    const [{ start, next }, other] = FAMILY_STARTS as [
      (typeof FAMILY_STARTS)[number],
      (typeof FAMILY_STARTS)[number],
    ];
    const options = { prefix: true, limit: 4 };
    const events: string[] = [];
    let vocabularyDelay = 1;
    const { client, open, fetched } = connect((path) => {
      events.push(path);
      return path.startsWith('vocabulary/') ? vocabularyDelay : 1;
    }, WORD_FAMILIES);
    await open;
    // The word's letter is here; the suggestions for the other word wait for theirs.
    await client.suggest('/index/manifest.json', start);
    vocabularyDelay = 80;
    await Promise.all([
      client.search('/index/manifest.json', start, options).then(() => events.push('results')),
      client.suggest('/index/manifest.json', other.start).then(() => events.push('suggestions')),
    ]);
    const between = events.slice(events.indexOf('results') + 1, events.indexOf('suggestions'));
    assert.ok(events.indexOf('results') < events.indexOf('suggestions'), events.join(', '));
    assert.deepEqual(
      between.filter((path) => !path.startsWith('vocabulary/')),
      [],
      'nothing loaded ahead before the suggestions',
    );
    // Then it loads ahead.
    await sleep(150);
    const before = fetched.length;
    await client.search('/index/manifest.json', `${start}${next}`, options);
    assert.deepEqual(fetched.slice(before), [], `${start}${next}`);
  });

  it('load the likeliest second letter after prefetching the first', async () => {
    const { start } = SHORT_FAMILY_START;
    const options = { prefix: true, limit: 4 };
    const { client, open, fetched } = connect(1, WORD_FAMILIES);
    await open;
    client.prefetch('/index/manifest.json', start.slice(0, 1), options);
    await sleep(150);
    const before = fetched.length;
    const results = await client.search('/index/manifest.json', start.slice(0, 2), options);
    assert.ok(results.hits.length > 0);
    assert.deepEqual(fetched.slice(before), []);
  });

  it('reject a search aborted before it was sent, without asking the engine', async () => {
    const { client, open, sent } = connect(1);
    await open;
    const abort = new AbortController();
    abort.abort();
    const before = sent.length;
    await assert.rejects(
      client.search('/index/manifest.json', 'Wohngeld', { signal: abort.signal }),
      {
        name: 'AbortError',
      },
    );
    assert.equal(sent.length, before);
  });
});
