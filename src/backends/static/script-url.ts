/**
 * The URL of the script-tag file, from which the files next to it are found. The classic script's
 * own element is known only while the script is first evaluated, so the script-tag entry imports
 * this module first (src/bundle.ts); the ES module knows its URL anyway (in the classic build,
 * `import.meta` is empty).
 */
const current = typeof document === 'undefined' ? null : document.currentScript;

export const SCRIPT_URL: string =
  current instanceof HTMLScriptElement && current.src ? current.src : import.meta.url;
