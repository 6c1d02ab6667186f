/**
 * Mallard help pages (the XML of GNOME's help, /usr/share/help/<lang>/<guide>/*.page) → search
 * documents: one for the text of a page before its first section, one for each section. A small
 * XML reader of its own: Mallard pages are well-formed XML, and only element names, the id
 * attribute and text are needed.
 */
import type { CorpusDocument } from './corpus-stats.js';

/** A help section as a document; `heading` is its own title, `page` the page's title. */
export interface HelpDocument extends CorpusDocument {
  heading: string;
  page: string;
}

export interface XmlElement {
  name: string;
  id: string | undefined;
  children: (XmlElement | string)[];
}

/** Elements whose content is not part of the readable text. */
const SKIPPED = new Set(['info', 'comment', 'media', 'links', 'include', 'subtitle']);
/** Elements after which text continues on a new line. */
const BLOCKS = new Set([
  'p',
  'item',
  'title',
  'code',
  'screen',
  'tr',
  'td',
  'th',
  'note',
  'list',
  'terms',
  'tree',
  'steps',
  'table',
  'example',
  'synopsis',
  'quote',
  'desc',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#')
      return String.fromCodePoint(
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10),
      );
    return ENTITIES[entity] ?? whole;
  });
}

/** Parses well-formed XML into elements with local names (namespace prefixes dropped). */
export function parseXml(xml: string, file: string): XmlElement {
  const root: XmlElement = { name: '#root', id: undefined, children: [] };
  const stack: XmlElement[] = [root];
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, cdata, closing, opening, attributes, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) top.children.push(decode(text));
    else if (cdata !== undefined) top.children.push(cdata);
    else if (closing !== undefined) {
      const name = closing.replace(/^.*:/, '');
      if (top.name !== name) throw new Error(`${file}: </${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const id = /(?:^|\s)(?:xml:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes ?? '');
      const element: XmlElement = {
        name: opening.replace(/^.*:/, ''),
        id: id ? (id[1] ?? id[2]) : undefined,
        children: [],
      };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`${file}: <${stack.at(-1)!.name}> is not closed`);
  return root;
}

/** The readable text of an element, without its sections (they are documents of their own). */
function textOf(element: XmlElement, skipTitle: boolean): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') out += child;
    else if (child.name === 'section' || SKIPPED.has(child.name)) continue;
    else if (skipTitle && child.name === 'title') continue;
    else {
      const inner = textOf(child, false);
      out += BLOCKS.has(child.name) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

export function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function titleOf(element: XmlElement): string {
  const title = element.children.find(
    (child): child is XmlElement => typeof child !== 'string' && child.name === 'title',
  );
  return title ? clean(textOf(title, false)).replace(/\n/g, ' ') : '';
}

/** Characters an id may hold in the index (see src/core/schema.ts); others become "-". */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_.~-]/g, '-');
}

/**
 * The documents of one page. `guide` is the help folder's name ("gnome-help"), `pageName` the
 * file name without ".page"; `url` the path the page was read from.
 */
export function pageDocuments(
  xml: string,
  guide: string,
  pageName: string,
  url: string,
): HelpDocument[] {
  const root = parseXml(xml, url);
  const page = root.children.find(
    (child): child is XmlElement => typeof child !== 'string' && child.name === 'page',
  );
  if (!page) return [];
  const pageTitle = titleOf(page);
  const pageId = `${idPart(guide)}/${idPart(pageName)}`;
  const docs: HelpDocument[] = [];
  const intro = clean(textOf(page, true));
  if (pageTitle)
    docs.push({
      id: pageId,
      title: pageTitle,
      url,
      body: intro,
      heading: pageTitle,
      page: pageTitle,
    });
  let count = 0;
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string' || child.name !== 'section') continue;
      count++;
      const heading = titleOf(child);
      if (heading) {
        const sectionId = child.id ? idPart(child.id) : `s${count}`;
        docs.push({
          id: `${pageId}/${sectionId}`,
          title: pageTitle ? `${heading} – ${pageTitle}` : heading,
          url: `${url}#${child.id ?? ''}`,
          body: clean(textOf(child, true)),
          heading,
          page: pageTitle,
        });
      }
      visit(child);
    }
  };
  visit(page);
  return docs;
}
