/**
 * A real SolrCloud for `npm run test:solr`: ZooKeeper and two Solr nodes on 127.0.0.1 in one JVM
 * (test/solr/harness, MiniSolrCloudCluster), with the configset solr/hzd-de/ uploaded.
 *
 * The harness is built with Maven (offline first, so a warm ~/.m2 needs no network) and driven
 * by a line protocol on its stdin (see SolrCloudHarness.java). It is stopped on `close()`, when
 * this process exits or is interrupted, and by itself when its stdin closes, so a failed or
 * killed test run leaves no Solr behind.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const HARNESS = join(ROOT, 'test/solr/harness');
export const CONFIGSET_DIR = join(ROOT, 'solr/hzd-de');
export const CONFIGSET_NAME = 'hzd-de';
/** Starting ZooKeeper and two nodes takes about 20 s on an idle 2-core machine. */
const START_TIMEOUT_MS = 240_000;
const COMMAND_TIMEOUT_MS = 180_000;

export interface SolrCloud {
  /** Base URLs of the nodes, e.g. http://127.0.0.1:41011/solr. */
  urls: string[];
  /** Creates a collection from the configset and waits until all its replicas are active. */
  createCollection(name: string, shards?: number, replicas?: number): Promise<void>;
  /** Stops node `i` (from 0); its replicas go down, the others keep serving. */
  stopNode(i: number): Promise<void>;
  /** Starts node `i` again; resolves with its base URL. */
  startNode(i: number): Promise<string>;
  /** Shuts the cluster down and removes its files. */
  close(): Promise<void>;
}

/** Builds the harness (once per run) and returns the java classpath. */
export function buildHarness(): string {
  const offline = runMaven(['-q', '-o', '-B', 'package']);
  if (offline.status !== 0) {
    // A cold ~/.m2: resolve from Maven Central.
    const online = runMaven(['-q', '-B', 'package']);
    if (online.status !== 0) {
      throw new Error(
        `Building the Solr test harness failed (mvn package in ${HARNESS}):\n` +
          `${online.stdout}${online.stderr}`,
      );
    }
  }
  const dependencies = readFileSync(join(HARNESS, 'target/classpath.txt'), 'utf8').trim();
  return `${join(HARNESS, 'target/classes')}:${dependencies}`;
}

function runMaven(args: string[]) {
  const result = spawnSync('mvn', args, { cwd: HARNESS, encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `Maven is needed for test:solr (Java 17 and Maven; on Debian: apt-get install ` +
        `openjdk-17-jdk-headless maven): ${result.error.message}`,
    );
  }
  return result;
}

export async function startSolrCloud(): Promise<SolrCloud> {
  const classpath = buildHarness();
  const work = mkdtempSync(join(tmpdir(), 'hzd-solr-'));
  const child = spawn(
    'java',
    [
      '-Xmx1g',
      '-XX:+UseSerialGC',
      `-Dhzd.harness.log=${join(work, 'solr.log')}`,
      '-cp',
      classpath,
      'de.hzd.solrharness.SolrCloudHarness',
      CONFIGSET_DIR,
      CONFIGSET_NAME,
      work,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const harness = new Harness(child);
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  // If this test process goes away, its Solr goes with it.
  process.once('exit', stop);
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      if (child.exitCode === null) await harness.command('quit', 60_000);
    } catch {
      stop();
    } finally {
      await harness.exited;
      process.off('exit', stop);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      rmSync(work, { recursive: true, force: true });
    }
  };

  let ready: string;
  try {
    ready = await harness.next(START_TIMEOUT_MS);
  } catch (error) {
    await close();
    throw error;
  }
  if (!ready.startsWith('READY ')) {
    await close();
    throw new Error(`The Solr test harness did not start: ${ready}`);
  }
  const urls = ready.slice('READY '.length).split(' ');
  return {
    urls,
    async createCollection(name, shards = 2, replicas = 2) {
      await harness.expectOk(`create ${name} ${shards} ${replicas}`);
    },
    async stopNode(i) {
      await harness.expectOk(`stop-node ${i}`);
    },
    async startNode(i) {
      return (await harness.expectOk(`start-node ${i}`)).trim();
    },
    close,
  };
}

/** One command at a time on the harness's stdin, one answer line each on its stdout. */
class Harness {
  readonly exited: Promise<void>;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private stderrTail = '';
  private ended = false;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.push(line));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Solr's warnings: kept for the error message, not printed (they are noisy but harmless).
      this.stderrTail = (this.stderrTail + chunk).slice(-8000);
    });
    this.exited = new Promise((resolveExit) => {
      child.once('exit', () => {
        this.ended = true;
        this.push(null);
        resolveExit();
      });
      child.once('error', (error) => {
        this.stderrTail += `\n${error.message}`;
        this.ended = true;
        this.push(null);
        resolveExit();
      });
    });
  }

  private push(line: string | null) {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(line);
    } else if (line !== null) {
      this.lines.push(line);
    }
  }

  next(timeoutMs: number): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.reject(this.failure('exited'));
    return new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(this.failure(`gave no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        if (line === null) reject(this.failure('exited'));
        else resolveLine(line);
      };
    });
  }

  async command(line: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<string> {
    this.child.stdin.write(`${line}\n`);
    return this.next(timeoutMs);
  }

  async expectOk(line: string): Promise<string> {
    const answer = await this.command(line);
    if (answer !== 'OK' && !answer.startsWith('OK ')) {
      throw new Error(`Solr test harness: "${line}" failed: ${answer}`);
    }
    return answer.slice(2);
  }

  private failure(what: string): Error {
    return new Error(`The Solr test harness ${what}. Its last log lines:\n${this.stderrTail}`);
  }
}
