/**
 * Locations for the npm build (dist/lib): the engine and the cooperation index are files next to
 * the library. The build writes these two URLs as `new URL('./…', import.meta.url)` into the
 * output (see vite.config.ts), the form bundlers (Vite, webpack, Rollup) recognise, copy the file
 * for and rewrite; written so here, this build would try to bundle them itself.
 */
import { ENGINE_HOOK } from './protocol.js';
import {
  engineScript,
  inThreadChannel,
  workerChannel,
  type EngineChannel,
} from './engine-channel.js';

export type { EngineChannel };

declare const HZD_LIB_ENGINE_URL: URL;
declare const HZD_LIB_DEFAULT_INDEX_URL: URL;

export async function startEngine(): Promise<EngineChannel> {
  try {
    return await workerChannel(() => new Worker(HZD_LIB_ENGINE_URL));
  } catch {
    return inThreadChannel(await engineScript(HZD_LIB_ENGINE_URL.href, ENGINE_HOOK));
  }
}

export function defaultIndexUrl(): string {
  return HZD_LIB_DEFAULT_INDEX_URL.href;
}

/** The cooperation index as a classic script: bundlers serve files over HTTP, fetch works. */
export function defaultIndexScript(): undefined {
  return undefined;
}
