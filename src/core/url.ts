/**
 * The one URL check, used when content is indexed and again when a hit is rendered (an index file
 * may come from anywhere). Allows http(s) and relative URLs; rejects javascript:, data:, vbscript:
 * and every other scheme, and anything with control characters or spaces, which browsers strip
 * before they parse the scheme ("java\tscript:").
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function isSafeUrl(url: string): boolean {
  if (!url || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return false;
  if (url.startsWith('\\') || url.startsWith('/\\')) return false;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}
