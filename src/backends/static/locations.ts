/**
 * Where the widget's other files are when it runs from its source files (tests, development):
 * the engine as a module worker of engine-worker.ts (or imported into the page), the bundled
 * cooperation index as the generated JSON. The builds replace this module (vite.config.ts): the
 * script-tag files find their files next to themselves (locations.bundle.ts), the npm build names
 * them so that bundlers copy them (locations.lib.ts).
 */
import { inThreadChannel, workerChannel, type EngineChannel } from './engine-channel.js';

export type { EngineChannel };

export async function startEngine(): Promise<EngineChannel> {
  try {
    return await workerChannel(
      () => new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' }),
    );
  } catch {
    const { Engine } = await import('./engine.js');
    return inThreadChannel((post) => new Engine(post));
  }
}

/** The bundled cooperation index, used without `index` and `index-src`. */
export function defaultIndexUrl(): string {
  return new URL('../../generated/default-index.json', import.meta.url).href;
}

/** The cooperation index as a classic script: none in the source tree. */
export function defaultIndexScript(): undefined {
  return undefined;
}
