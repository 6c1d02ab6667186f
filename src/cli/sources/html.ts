/**
 * HTML pages of a built site or a crawl: the visible main content becomes the body, navigation
 * and other page chrome is left out so every page does not match the menu's words. Reads what
 * the page says about itself: title, description, language, canonical URL, robots rules, dates,
 * headings with ids (the sections) and the markup hints of html-hints.ts.
 *
 * Decisions that need the whole site (the site name in every title, a description used on most
 * pages, `data-*-body` on some pages) are made afterwards in site-pages.ts.
 */
import { parse } from 'parse5';
import {
  attribute,
  elements,
  find,
  isElement,
  isHeading,
  isInline,
  isSkippedForText,
  oneLine,
  pushChildren,
  textOf,
  type Element,
  type Node,
} from './html-dom.js';
import { isBodyRoot, isIgnored, isIgnoredAll, pageHints, sectionTitle } from './html-hints.js';
import { outlineParts, type OutlineBlock } from './outline.js';
import { dayOf } from './page-dates.js';
import { idFromPath, urlOfPage, withoutPageExtension, type UrlStyle } from './page-paths.js';
import type { RawDocument } from './raw-document.js';

export interface HtmlSource {
  /** Shown in messages: the file as typed, or the URL. */
  file: string;
  /** Path in the input folder (or of the URL, without the leading slash), for id and URL. */
  relativePath: string;
  /** The page's address when crawled; files get theirs from `relativePath`. */
  url?: string;
  /** Dates known from outside the page, least trusted last (sitemap lastmod, Last-Modified). */
  outsideDates?: readonly (string | undefined)[];
  urlStyle?: UrlStyle;
}

export const SKIP_NOINDEX = 'pages with robots noindex';
export const SKIP_ERROR_PAGE = 'error pages (404 and the like)';

export interface HtmlPage {
  document: RawDocument;
  /** Set when the page must not be indexed, whatever the rest of the site does. */
  skip?: string;
  /** The title came from `<title>`, where sites add their name. */
  titleFromTitleElement: boolean;
  /** `<meta name="description">`, a summary candidate unless most pages share it. */
  description?: string;
  firstParagraph?: string;
  /** The page marks its content with `data-hzd-body` or `data-pagefind-body`. */
  hasBodyRoot: boolean;
  canonical?: string;
  nofollow: boolean;
  /** Link targets as written (`href`), without `rel=nofollow` ones. */
  links: string[];
  baseHref?: string;
}

/** Inside the text: skipped as chrome, hidden, or ignored by a hint. */
function skipForText(element: Element): boolean {
  return isSkippedForText(element, isIgnored);
}

/** Permalink symbols inside headings (VitePress, Sphinx, Docusaurus) are not heading text. */
const ANCHOR_CLASS =
  /(?:^|\s)(?:header-?anchor|headerlink|hash-link|anchor-link|heading-anchor)(?:\s|$)/;

function headingText(heading: Element): string {
  const text = oneLine(
    textOf(
      heading,
      (element) => skipForText(element) || ANCHOR_CLASS.test(attribute(element, 'class') ?? ''),
    ),
  );
  return text.replace(/\s*[#¶§]$/u, '');
}

/** A heading's id, or that of an anchor inside it (`<h2><a id="x"></a>…</h2>`). */
function headingAnchor(heading: Element): string | undefined {
  const own = attribute(heading, 'id')?.trim();
  if (own) return own;
  const inner = find(
    heading,
    (element) =>
      element.tagName === 'a' && !!(attribute(element, 'id') ?? attribute(element, 'name'))?.trim(),
  );
  return inner && (attribute(inner, 'id') ?? attribute(inner, 'name'))!.trim();
}

/** Text and headings of the content roots, in document order. */
function htmlOutline(roots: readonly Node[]): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) blocks.push({ kind: 'text', text });
    text = '';
  };
  for (const root of roots) {
    const stack: (Node | string)[] = [];
    pushChildren(stack, root);
    while (stack.length) {
      const item = stack.pop()!;
      if (typeof item === 'string') {
        text += item;
      } else if (item.nodeName === '#text') {
        text += (item as Node & { value: string }).value;
      } else if (!isElement(item)) {
        pushChildren(stack, item);
      } else if (skipForText(item)) {
        continue;
      } else if (isHeading(item)) {
        flush();
        blocks.push({
          kind: 'heading',
          level: isHeading(item)!,
          text: headingText(item),
          anchor: headingAnchor(item),
        });
      } else if (item.tagName === 'br') {
        text += '\n';
      } else if (isInline(item)) {
        pushChildren(stack, item);
      } else {
        const anchor = attribute(item, 'id')?.trim();
        const title = sectionTitle(item);
        if (anchor && title) {
          blocks.push({ kind: 'anchor', anchor, title, text: textOf(item, skipForText) });
        }
        text += '\n';
        stack.push('\n');
        pushChildren(stack, item);
      }
    }
    text += '\n';
  }
  flush();
  return blocks;
}

function robotsOf(head: Element | undefined): { noindex: boolean; nofollow: boolean } {
  let noindex = false;
  let nofollow = false;
  if (head) {
    for (const element of elements(head)) {
      if (element.tagName !== 'meta' || attribute(element, 'name')?.toLowerCase() !== 'robots')
        continue;
      const content = (attribute(element, 'content') ?? '').toLowerCase();
      if (/\b(?:noindex|none)\b/.test(content)) noindex = true;
      if (/\b(?:nofollow|none)\b/.test(content)) nofollow = true;
    }
  }
  return { noindex, nofollow };
}

const ERROR_FILE = /(?:^|\/)(?:404|410|500|50x|error)(?:\.html?|\/index\.html?)$/i;
const ERROR_TITLE =
  /^(?:404\b|410\b|fehler 404|error 404|seite nicht gefunden|page not found|not found\b)/i;

/** Meta tags whose content is the date of the last change, the most specific first. */
const DATE_META = [
  'article:modified_time',
  'og:updated_time',
  'last-modified',
  'dcterms.modified',
  'dc.date.modified',
  'revised',
  'datemodified',
  'date',
  'dcterms.date',
  'dc.date',
  'article:published_time',
];

/** A `<time>` that says when the page changed: marked by itemprop, class or id. */
const CHANGE_MARK = /updated|modified|aktualisiert|geändert|last-?change|stand/i;

function markedTime(body: Element | undefined): string | undefined {
  if (!body) return undefined;
  for (const element of elements(body, isIgnoredAll)) {
    if (element.tagName !== 'time') continue;
    let marked = attribute(element, 'itemprop') === 'dateModified';
    let node: Node | null = element;
    for (let depth = 0; !marked && node && isElement(node) && depth < 4; depth++) {
      marked = CHANGE_MARK.test(`${attribute(node, 'class') ?? ''} ${attribute(node, 'id') ?? ''}`);
      node = parentOf(node);
    }
    if (marked) return attribute(element, 'datetime') ?? textOf(element);
  }
  return undefined;
}

function jsonLdDates(document: Node): string[] {
  const dates: string[] = [];
  for (const element of elements(document)) {
    if (element.tagName !== 'script' || attribute(element, 'type') !== 'application/ld+json')
      continue;
    const json = element.childNodes
      .map((node) => (node as Node & { value?: string }).value ?? '')
      .join('');
    for (const match of json.matchAll(/"date(Modified|Published)"\s*:\s*"([^"]{8,40})"/g)) {
      if (match[1] === 'Modified') dates.unshift(match[2]!);
      else dates.push(match[2]!);
    }
  }
  return dates;
}

/** The first of the candidates that is a real day, not in the future (event dates are not). */
function firstPastDay(candidates: readonly unknown[]): string | undefined {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const candidate of candidates) {
    const day = dayOf(candidate);
    if (day && day <= tomorrow) return day;
  }
  return undefined;
}

const LIST_FIELDS = new Set(['keywords', 'partners', 'levels']);
const TEXT_FIELDS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  description: 'summary',
  excerpt: 'summary',
  category: 'category',
  type: 'type',
  lang: 'lang',
};
const DATE_FIELDS = new Set(['updated', 'date', 'modified', 'lastmod']);

function parentOf(node: Node): Node | null {
  return 'parentNode' in node ? (node.parentNode as Node | null) : null;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let parent = parentOf(node); parent; parent = parentOf(parent))
    if (parent === ancestor) return true;
  return false;
}

/** Parses one HTML page. */
export function readHtml(text: string, source: HtmlSource): HtmlPage {
  const document = parse(text);
  const html = find(document, (element) => element.tagName === 'html');
  const head = html && find(html, (element) => element.tagName === 'head');
  const body = html && find(html, (element) => element.tagName === 'body');
  const metaNamed = (...names: string[]): string | undefined => {
    if (!head) return undefined;
    for (const name of names) {
      const element = find(
        head,
        (el) =>
          el.tagName === 'meta' &&
          (
            attribute(el, 'name') ??
            attribute(el, 'property') ??
            attribute(el, 'itemprop')
          )?.toLowerCase() === name,
      );
      const content = element && attribute(element, 'content')?.trim();
      if (content) return content;
    }
    return undefined;
  };
  const hints = pageHints(document);

  const bodyRoots = body ? [...elements(body, isIgnoredAll)].filter(isBodyRoot) : [];
  // Nested roots would count their text twice.
  const roots = bodyRoots.filter(
    (root) => !bodyRoots.some((other) => other !== root && isInside(root, other)),
  );
  const main =
    body &&
    (find(body, (element) => element.tagName === 'main', isIgnoredAll) ??
      find(body, (element) => attribute(element, 'role') === 'main', isIgnoredAll));
  const contentRoots: Node[] = roots.length ? roots : main ? [main] : body ? [body] : [];
  const parts = outlineParts(htmlOutline(contentRoots));

  const titleElement = head && find(head, (element) => element.tagName === 'title');
  const titleText = oneLine(textOf(titleElement));
  const h1 = body && find(body, (element) => element.tagName === 'h1', isIgnoredAll);
  const metaTitle = hints.meta.get('title');
  const title =
    metaTitle ?? (titleText || (h1 && headingText(h1)) || hints.defaultMeta.get('title'));

  const canonicalLink =
    head &&
    find(
      head,
      (element) =>
        element.tagName === 'link' &&
        (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    );
  const canonical = canonicalLink && attribute(canonicalLink, 'href')?.trim();
  // A crawl resolves the canonical URL itself; a file takes it as written if it is a web address.
  const usableCanonical =
    canonical && /^(?:https?:\/\/|\/)/i.test(canonical) ? canonical : undefined;

  const data: Record<string, unknown> = {
    id: idFromPath(withoutPageExtension(source.relativePath)),
    title,
    url: source.url ?? usableCanonical ?? urlOfPage(source.relativePath, source.urlStyle ?? 'html'),
    body: parts.body,
    headings: parts.headings,
    sections: parts.sections,
  };
  const keywords = metaNamed('keywords');
  if (keywords) data['keywords'] = keywords;
  const lang = html && attribute(html, 'lang')?.trim();
  if (lang) data['lang'] = lang;

  // Filters first, so a meta hint for the same field wins.
  const filters: Record<string, string[]> = {};
  for (const [name, values] of hints.filters) {
    if (name === 'category' || name === 'type') data[name] = values[0];
    else if (LIST_FIELDS.has(name)) data[name] = values;
    else filters[name] = values;
  }
  if (Object.keys(filters).length) data['filters'] = filters;
  let hintedDate: string | undefined;
  for (const [key, value] of [...hints.defaultMeta, ...hints.meta]) {
    if (TEXT_FIELDS[key]) data[TEXT_FIELDS[key]] = value;
    else if (LIST_FIELDS.has(key)) data[key] = value;
    else if (DATE_FIELDS.has(key)) hintedDate = value;
  }
  const updated = firstPastDay([
    hintedDate,
    ...DATE_META.map((name) => metaNamed(name)),
    markedTime(body),
    ...jsonLdDates(document),
    ...(source.outsideDates ?? []),
  ]);
  if (updated) data['updated'] = updated;

  const robots = robotsOf(head);
  const errorPage =
    ERROR_FILE.test(source.relativePath) ||
    ERROR_TITLE.test(titleText || (h1 ? headingText(h1) : ''));

  const paragraphs = contentRoots.flatMap((root) =>
    [...elements(root, skipForText)]
      .filter((element) => element.tagName === 'p')
      .map((element) => oneLine(textOf(element, skipForText)))
      .filter(Boolean),
  );
  const links: string[] = [];
  if (html) {
    for (const element of elements(html)) {
      if (element.tagName !== 'a' && element.tagName !== 'area') continue;
      const href = attribute(element, 'href');
      const rel = (attribute(element, 'rel') ?? '').toLowerCase();
      if (href && !/\bnofollow\b/.test(rel)) links.push(href);
    }
  }
  const base = head && find(head, (element) => element.tagName === 'base');

  return {
    document: {
      data,
      file: source.file,
      derivedId: true,
      hintFor(field) {
        if (field === 'title') return 'Give the page a <title> or an <h1>.';
        if (field === 'id')
          return 'The id is made from the file path; rename the file to use only letters, digits and - _ . /';
        return undefined;
      },
    },
    skip: robots.noindex ? SKIP_NOINDEX : errorPage ? SKIP_ERROR_PAGE : undefined,
    titleFromTitleElement: metaTitle === undefined && !!titleText,
    description: metaNamed('description', 'og:description'),
    firstParagraph: paragraphs.find((paragraph) => paragraph.length >= 40) ?? paragraphs[0],
    hasBodyRoot: roots.length > 0,
    canonical: canonical || undefined,
    nofollow: robots.nofollow,
    links,
    baseHref: base && attribute(base, 'href'),
  };
}
