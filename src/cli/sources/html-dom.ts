/**
 * Walking parse5 trees: finding elements and reading the visible text below them. Iterative
 * throughout, with explicit stacks: a page may nest elements many thousands deep, more than the
 * call stack holds.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

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
  'form',
  'button',
  'select',
  'textarea',
]);

/** Elements that do not break a line: everything else is separated from its neighbours. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function hasAttribute(element: Element, name: string): boolean {
  return element.attrs.some((attr) => attr.name === name);
}

export function children(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Pushes the children of `node` so that popping yields them in document order. */
export function pushChildren<T>(stack: (Node | T)[], node: Node): void {
  const list = children(node);
  for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!);
}

/**
 * The elements below `node` in document order that pass `test`; `prune` stops the walk from
 * entering an element (and its subtree).
 */
export function* elements(
  node: Node,
  prune: (element: Element) => boolean = () => false,
): Generator<Element> {
  const stack: Node[] = [];
  pushChildren(stack, node);
  while (stack.length) {
    const current = stack.pop()!;
    if (!isElement(current) || prune(current)) continue;
    yield current;
    pushChildren(stack, current);
  }
}

/** The first element below `node` (in document order) that passes `test`. */
export function find(
  node: Node,
  test: (element: Element) => boolean,
  prune?: (element: Element) => boolean,
): Element | undefined {
  for (const element of elements(node, prune)) if (test(element)) return element;
  return undefined;
}

export function isHeading(element: Element): number | undefined {
  const match = /^h([1-6])$/.exec(element.tagName);
  return match ? Number(match[1]) : undefined;
}

/** Whether the text below `element` is left out: code, page chrome, hidden content. */
export function isSkippedForText(element: Element, extraSkip?: (element: Element) => boolean) {
  return (
    SKIPPED.has(element.tagName) ||
    hasAttribute(element, 'hidden') ||
    attribute(element, 'aria-hidden') === 'true' ||
    (extraSkip?.(element) ?? false)
  );
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.tagName);
}

/** Text with one line per block: spaces collapsed, soft hyphens and zero-width spaces gone. */
export function normalizeLines(text: string): string {
  return (
    text
      // Soft hyphens and zero-width spaces would split words for search.
      .replace(/[\u00ad\u200b]/g, '')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n\s*/g, '\n')
      .trim()
  );
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible text below `root`, with line breaks around blocks. */
export function textOf(root: Node | undefined, extraSkip?: (element: Element) => boolean): string {
  if (!root) return '';
  const out: string[] = [];
  // Work items: a node to visit, or text to emit once the children of a block are done.
  const stack: (Node | string)[] = [];
  pushChildren(stack, root);
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
    } else if (item.nodeName === '#text') {
      out.push((item as DefaultTreeAdapterTypes.TextNode).value);
    } else if (!isElement(item)) {
      pushChildren(stack, item);
    } else if (isSkippedForText(item, extraSkip)) {
      continue;
    } else if (item.tagName === 'br') {
      out.push('\n');
    } else if (isInline(item)) {
      pushChildren(stack, item);
    } else {
      out.push('\n');
      stack.push('\n');
      pushChildren(stack, item);
    }
  }
  return normalizeLines(out.join(''));
}

/** The visible text of an HTML snippet (a block of HTML inside Markdown). */
export function textOfHtml(html: string): string {
  return textOf(parseFragment(html));
}
