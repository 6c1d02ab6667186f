/**
 * Progress on stderr while large inputs are indexed. On a terminal one line is updated in place;
 * in logs (CI) a line is printed at each quarter so the log stays short.
 */
export const PROGRESS_THRESHOLD = 500;

export interface Progress {
  onProgress(done: number, total: number): void;
  finish(): void;
}

export function createProgress(stderr: {
  write(text: string): unknown;
  isTTY?: boolean;
}): Progress {
  if (stderr.isTTY) {
    return {
      onProgress: (done, total) => stderr.write(`\rindexing ${done}/${total} documents`),
      finish: () => stderr.write('\r\x1b[K'),
    };
  }
  let lastQuarter = 0;
  return {
    onProgress(done, total) {
      const quarter = Math.floor((done / total) * 4);
      if (quarter <= lastQuarter) return;
      lastQuarter = quarter;
      stderr.write(`indexing: ${done}/${total} documents\n`);
    },
    finish() {},
  };
}
