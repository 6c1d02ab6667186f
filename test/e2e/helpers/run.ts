/**
 * Runs a command the way a user would in a shell, collecting its output. `npm run` exports
 * `npm_*` variables (among them `npm_config_local_prefix` = this repository), which would make
 * an npm started inside a temporary project act on the repository instead; they are dropped.
 */
import { execFile } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
}

/** Resolves with the exit code and output; never rejects on a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Like `run`, but throws with the output when the command fails. */
export async function runOk(command: string, args: readonly string[], cwd: string) {
  const result = await run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}
