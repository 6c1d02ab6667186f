/**
 * HTML pages of a static site: the visible main content becomes the body, navigation and other
 * page chrome is left out so every page does not match the menu's words.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { RawDocument } from './raw-document.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Not content: code, fallbacks and page chrome repeated on every page. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'svg',
  'iframe',
]);
/** Elements that do not break a line: everything else is separated from its neighbours. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function children(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/**
 * The first element below `node` (in document order) that passes `test`. An explicit stack, not
 * recursion: a page may nest elements many thousands deep, more than the call stack holds.
 */
function find(node: Node, test: (element: Element) => boolean): Element | undefined {
  const stack = [...children(node)].reverse();
  while (stack.length) {
    const current = stack.pop()!;
    if (!isElement(current)) continue;
    if (test(current)) return current;
    pushChildren(stack, current);
  }
  return undefined;
}

/** Pushes the children of `node` so that popping yields them in document order. */
function pushChildren(stack: (Node | string)[], node: Node): void {
  const list = children(node);
  for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!);
}

/** The text below `root`, with line breaks around blocks; iterative for the reason given at find. */
function collectText(root: Node, out: string[]): void {
  // Work items: a node to visit, or text to emit once the children of a block are done.
  const stack: (Node | string)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
    } else if (item.nodeName === '#text') {
      out.push((item as DefaultTreeAdapterTypes.TextNode).value);
    } else if (!isElement(item)) {
      pushChildren(stack, item);
    } else if (SKIPPED.has(item.tagName) || attribute(item, 'hidden') !== undefined) {
      continue;
    } else if (item.tagName === 'br') {
      out.push('\n');
    } else if (INLINE.has(item.tagName)) {
      pushChildren(stack, item);
    } else {
      out.push('\n');
      stack.push('\n');
      pushChildren(stack, item);
    }
  }
}

/** Visible text with one line per block. */
function textOf(node: Node | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  collectText(node, out);
  return (
    out
      .join('')
      // Soft hyphens and zero-width spaces would split words for search.
      .replace(/[\u00ad\u200b]/g, '')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n[\s]*/g, '\n')
      .trim()
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `aufenthalt/index.html` → `/aufenthalt/`; `a/b.html` → `/a/b.html`; segments URL-encoded. */
export function urlOfPath(relativePath: string): string {
  const segments = relativePath.split('/');
  if (/^index\.html?$/i.test(segments.at(-1)!)) segments[segments.length - 1] = '';
  return '/' + segments.map(encodeURIComponent).join('/');
}

/** Parses one HTML page; `relativePath` uses / and is relative to the input folder. */
export function readHtml(text: string, file: string, relativePath: string): RawDocument {
  const document = parse(text);
  const html = find(document, (element) => element.tagName === 'html');
  const head = html && find(html, (element) => element.tagName === 'head');
  const body = html && find(html, (element) => element.tagName === 'body');
  const meta = (name: string): string | undefined => {
    const element =
      head &&
      find(head, (el) => el.tagName === 'meta' && attribute(el, 'name')?.toLowerCase() === name);
    return element && attribute(element, 'content');
  };
  const titleElement = head && find(head, (element) => element.tagName === 'title');
  const h1 = body && find(body, (element) => element.tagName === 'h1');
  const main = body && find(body, (element) => element.tagName === 'main');

  const data: Record<string, unknown> = {
    id: relativePath.replace(/\.html?$/i, ''),
    title: oneLine(textOf(titleElement)) || oneLine(textOf(h1)),
    url: urlOfPath(relativePath),
    body: textOf(main ?? body),
  };
  const summary = meta('description');
  if (summary?.trim()) data['summary'] = oneLine(summary);
  const keywords = meta('keywords');
  if (keywords?.trim()) data['keywords'] = keywords;
  const lang = html && attribute(html, 'lang');
  if (lang?.trim()) data['lang'] = lang.trim();

  return {
    data,
    file,
    hintFor(field) {
      if (field === 'title') return 'Give the page a <title> or an <h1>.';
      if (field === 'id')
        return 'The id is the file path without extension; rename the file to use only letters, digits and - _ . /';
      return undefined;
    },
  };
}
