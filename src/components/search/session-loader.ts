/**
 * Loads the part of `<hzd-search>` that searching needs (search-session.ts, the result views and
 * `<hzd-result-card>`) on first focus or when the page is idle. It is a dynamic import: the ES
 * script-tag build and the npm build put it in a file of its own (a chunk next to the script,
 * dist/hzd-search.session.js), so the script a page loads first stays small.
 */
import type { SessionModule } from './session-module.js';

let loading: Promise<SessionModule> | undefined;

export function loadSession(): Promise<SessionModule> {
  loading ??= import('./session-module.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
