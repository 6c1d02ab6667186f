/**
 * Progress of a build on stderr: documents read, indexed, shards written, and the current rate,
 * e.g. "read 12,000 · indexed 12,000 · written 3 shards · 1,850 docs/s". On a terminal one line
 * is updated in place; in logs (CI) a line is printed at each tenth of the indexing and at most
 * every 10 s otherwise, so the log stays short.
 */

/** Inputs with fewer documents show no progress: their build takes a moment. */
export const PROGRESS_THRESHOLD = 500;
/** Most time between two lines in a log while something is going on. */
const LOG_INTERVAL_MS = 10_000;
/** Least time between two redraws of the terminal line. */
const TTY_INTERVAL_MS = 100;

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

type Phase = 'read' | 'index' | 'write';

const count = (n: number) => n.toLocaleString('en-US');

export class BuildProgress {
  private phase: Phase = 'read';
  private phaseStarted: number;
  private read = 0;
  private indexed = 0;
  private written = 0;
  private total = 0;
  private lastOutput: number;
  private lastTenth = 0;
  private shown = false;

  constructor(
    private readonly stderr: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.phaseStarted = this.lastOutput = now();
  }

  /** One more document read from the input. */
  documentRead(): void {
    this.read++;
    if (this.read > PROGRESS_THRESHOLD) this.update(false);
  }

  /** Indexing of one build: `done` of `total` documents (called now and then). */
  indexing(done: number, total: number): void {
    this.enter('index');
    this.indexed = done;
    this.total = total;
    const tenth = Math.floor((done / total) * 10);
    const step = tenth > this.lastTenth;
    if (step) this.lastTenth = tenth;
    this.update(step);
  }

  /** One more shard file written. */
  shardWritten(): void {
    this.enter('write');
    this.written++;
    this.update(false);
  }

  /**
   * Clears the terminal line (the summary follows); a log keeps its lines and gets one with the
   * shards written, if any were.
   */
  finish(): void {
    if (this.stderr.isTTY) {
      if (this.shown) this.stderr.write('\r\x1b[K');
    } else if (this.phase === 'write') {
      this.stderr.write(`${this.line()}\n`);
    }
    this.shown = false;
  }

  private enter(phase: Phase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.phaseStarted = this.now();
    this.lastTenth = 0;
    if (phase === 'index') this.indexed = 0;
    // The last call of the indexing may come a few documents before its end.
    if (phase === 'write') this.indexed = this.total;
  }

  line(): string {
    const parts = [`read ${count(this.read)}`];
    if (this.phase !== 'read') parts.push(`indexed ${count(this.indexed)}`);
    if (this.phase === 'write') parts.push(`written ${count(this.written)} shards`);
    const seconds = (this.now() - this.phaseStarted) / 1000;
    const done = this.phase === 'read' ? this.read : this.phase === 'index' ? this.indexed : 0;
    if (done > 0 && seconds > 0) parts.push(`${count(Math.round(done / seconds))} docs/s`);
    return parts.join(' · ');
  }

  private update(step: boolean): void {
    const now = this.now();
    const since = now - this.lastOutput;
    if (this.stderr.isTTY) {
      if (since < TTY_INTERVAL_MS && !step) return;
      this.stderr.write(`\r${this.line()}\x1b[K`);
    } else {
      if (!step && since < LOG_INTERVAL_MS) return;
      this.stderr.write(`${this.line()}\n`);
    }
    this.lastOutput = now;
    this.shown = true;
  }
}
