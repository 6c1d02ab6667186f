/** --base-url: turns the relative URLs of documents into absolute ones for embedding elsewhere. */
import { UsageError } from './cli-error.js';

/** Checks the option; returns the base without a trailing slash, ready for prefixing. */
export function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url must be an absolute URL like https://www.example.de.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must start with http:// or https://.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UsageError('--base-url must not contain ?query, #fragment or user:password@.');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Prefixes a validated relative URL with the base. Paths are appended to the base's path (not
 * resolved against it), so a site under /portal keeps that prefix for `/page`.
 */
export function absoluteUrl(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (url.startsWith('//')) return new URL(base).protocol + url;
  return base + (url.startsWith('/') ? url : `/${url}`);
}
