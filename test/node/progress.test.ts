/** Build progress on stderr: one line redrawn in place on a terminal, few lines in a log. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const out = { text: '', isTTY, write: (text: string) => (out.text += text) };
  return out;
}

describe('build progress', () => {
  it('on a terminal redraws one line, at most every 100 ms, and clears it at the end', () => {
    const stderr = stream(true);
    let now = 0;
    const progress = new BuildProgress(stderr, () => now);
    for (let i = 0; i < 2000; i++) {
      now += 1;
      progress.documentRead();
    }
    assert.equal(stderr.text.includes('\n'), false);
    const draws = stderr.text.split('\r').filter(Boolean);
    assert.ok(draws.length >= 10 && draws.length <= 16, `${draws.length} redraws`);
    assert.equal(draws.at(-1), 'read 1,901 · 1,000 docs/s\x1b[K');
    now += 500;
    progress.indexing(1000, 2000);
    assert.ok(stderr.text.endsWith('\rread 2,000 · indexed 1,000\x1b[K'));
    now += 200;
    progress.shardWritten();
    assert.match(stderr.text, /\rread 2,000 · indexed 2,000 · written 1 shards\x1b\[K$/);
    progress.finish();
    assert.ok(stderr.text.endsWith('\r\x1b[K'));
  });

  it('in a log prints a line per tenth of the indexing and every 10 s while reading', () => {
    const stderr = stream(false);
    let now = 0;
    const progress = new BuildProgress(stderr, () => now);
    for (let i = 0; i < 1000; i++) {
      now += 25;
      progress.documentRead();
    }
    assert.equal(stderr.text.split('\n').filter(Boolean).length, 2, stderr.text);
    stderr.text = '';
    for (let done = 50; done <= 1000; done += 50) progress.indexing(done, 1000);
    const lines = stderr.text.trim().split('\n');
    assert.equal(lines.length, 10);
    assert.match(lines.at(-1)!, /^read 1,000 · indexed 1,000$/);
  });
});
