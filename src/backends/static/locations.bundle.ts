/**
 * Locations for the script-tag files (dist/hzd-search.js and dist/hzd-search.iife.js): the engine
 * and the cooperation index are files next to the script, found from its own URL. A webmaster
 * copies the folder and pastes one script tag.
 */
import { ENGINE_HOOK } from './protocol.js';
import { SCRIPT_URL } from './script-url.js';
import {
  engineScript,
  inThreadChannel,
  workerChannel,
  type EngineChannel,
} from './engine-channel.js';

export type { EngineChannel };

const ENGINE_FILE = 'hzd-search.worker.js';
const DEFAULT_INDEX_FILE = 'hzd-kooperationen.index.json';
const DEFAULT_INDEX_SCRIPT = 'hzd-kooperationen.index.js';
/** Written by that script (see vite.config.ts). */
const DEFAULT_INDEX_GLOBAL = '__hzdSearchDefaultIndex';

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

/**
 * The cooperation index as a classic script next to the script-tag files
 * (hzd-kooperationen.index.js): a page opened from disk cannot fetch the JSON file.
 */
export function defaultIndexScript(): { url: string; global: string } {
  return { url: new URL(DEFAULT_INDEX_SCRIPT, SCRIPT_URL).href, global: DEFAULT_INDEX_GLOBAL };
}
