/**
 * Sitemaps (sitemaps.org): a `<urlset>` of pages with their `<lastmod>`, or a `<sitemapindex>` of
 * further sitemaps; gzip-compressed files (`sitemap.xml.gz`) are unpacked by their first bytes,
 * whatever the server calls them. Text sitemaps (one URL a line) are read too. The format is
 * flat and fixed, so its few elements are read directly; entities and CDATA are decoded.
 */
import { gunzipSync } from 'node:zlib';

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

export interface Sitemap {
  /** Further sitemaps (from a sitemap index). */
  sitemaps: SitemapEntry[];
  pages: SitemapEntry[];
}

/** Unpacked sitemaps larger than this are refused (the limit of the protocol is 50 MB). */
const MAX_SIZE = 60 * 1024 * 1024;

export function sitemapText(bytes: Uint8Array): string {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const data = gzipped ? gunzipSync(bytes, { maxOutputLength: MAX_SIZE }) : bytes;
  return new TextDecoder().decode(data);
}

function decode(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (entity, dec, hex, name) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return (
        { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(name as string).toLowerCase()] ??
        entity
      );
    })
    .trim();
}

function child(block: string, name: string): string | undefined {
  const match = new RegExp(
    `<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`,
    'i',
  ).exec(block);
  return match ? decode(match[1]!) : undefined;
}

function entries(xml: string, element: string): SitemapEntry[] {
  const result: SitemapEntry[] = [];
  const pattern = new RegExp(
    `<(?:[\\w-]+:)?${element}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${element}>`,
    'gi',
  );
  for (const match of xml.matchAll(pattern)) {
    const url = child(match[1]!, 'loc');
    if (url) result.push({ url, lastmod: child(match[1]!, 'lastmod') });
  }
  return result;
}

export function parseSitemap(text: string): Sitemap {
  if (!text.includes('<')) {
    const pages = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^https?:\/\//i.test(line))
      .map((url) => ({ url }));
    return { sitemaps: [], pages };
  }
  const xml = text.replace(/<!--[\s\S]*?-->/g, '');
  return { sitemaps: entries(xml, 'sitemap'), pages: entries(xml, 'url') };
}
