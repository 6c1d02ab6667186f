/**
 * Locations for the script-tag files (dist/hzd-search.js and dist/hzd-search.iife.js): the engine
 * and the cooperation index are files next to the script, found from its own URL. A webmaster
 * copies the folder and pastes one script tag.
 */
import { ENGINE_HOOK } from './protocol.js';
import {
  engineScript,
  inThreadChannel,
  workerChannel,
  type EngineChannel,
} from './engine-channel.js';

export type { EngineChannel };

/**
 * The URL of this script: the classic script's own element while it is evaluated, else the
 * module's URL (in the classic build, `import.meta` is empty).
 */
const current = typeof document === 'undefined' ? null : document.currentScript;
const SCRIPT_URL =
  current instanceof HTMLScriptElement && current.src ? current.src : import.meta.url;

const ENGINE_FILE = 'hzd-search.worker.js';
const DEFAULT_INDEX_FILE = 'hzd-kooperationen.index.json';

export async function startEngine(): Promise<EngineChannel> {
  const url = new URL(ENGINE_FILE, SCRIPT_URL).href;
  try {
    // A classic worker: it works from the ES module and from the classic script alike.
    return await workerChannel(() => new Worker(url));
  } catch {
    return inThreadChannel(await engineScript(url, ENGINE_HOOK));
  }
}

export function defaultIndexUrl(): string {
  return new URL(DEFAULT_INDEX_FILE, SCRIPT_URL).href;
}
