/**
 * DocBook help (GNOME and MATE manuals, GnuCash, …: .xml/.docbook under /usr/share/help/<lang>)
 * → search documents, one per titled chapter, appendix, preface or section. Each file is read on
 * its own (XIncludes and external entities are not followed; every file of the folder is read
 * anyway); the text entities of the folder's DTDs and internal subsets are replaced first.
 */
import { clean, idPart, parseXml, type HelpDocument, type XmlElement } from './mallard.js';

const SECTIONS = new Set([
  'chapter',
  'appendix',
  'preface',
  'section',
  'sect1',
  'sect2',
  'sect3',
  'sect4',
  'sect5',
  'refsect1',
  'refsect2',
  'refsect3',
  'glossary',
]);
const ROOTS = new Set([...SECTIONS, 'book', 'article', 'part', 'refentry']);
/** Metadata and non-text elements. */
const SKIPPED = new Set([
  'info',
  'bookinfo',
  'articleinfo',
  'chapterinfo',
  'sectioninfo',
  'sect1info',
  'sect2info',
  'sect3info',
  'prefaceinfo',
  'appendixinfo',
  'indexterm',
  'remark',
  'mediaobject',
  'inlinemediaobject',
  'screenshot',
  'legalnotice',
  'revhistory',
  'authorgroup',
  'copyright',
  'include',
]);
const BLOCKS = new Set([
  'para',
  'simpara',
  'title',
  'listitem',
  'varlistentry',
  'term',
  'row',
  'entry',
  'programlisting',
  'screen',
  'note',
  'tip',
  'warning',
  'important',
  'caution',
  'step',
  'glossentry',
  'formalpara',
  'example',
  'figure',
  'table',
]);

/** Entities that HTML-minded authors use; any other unknown entity becomes a space. */
const CHARACTER_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The general text entities declared in DTDs or DOCTYPE subsets, with nested ones resolved. */
export function docbookEntities(declarations: readonly string[]): Map<string, string> {
  const entities = new Map<string, string>();
  for (const text of declarations)
    for (const match of text.matchAll(/<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g))
      if (!entities.has(match[1]!)) entities.set(match[1]!, match[2] ?? match[3] ?? '');
  for (const [name, value] of entities) entities.set(name, replaceEntities(value, entities, 5));
  return entities;
}

function replaceEntities(
  text: string,
  entities: ReadonlyMap<string, string>,
  depth: number,
): string {
  let out = text;
  for (let round = 0; round < depth && /&[\w.-]+;/.test(out); round++)
    out = out.replace(/&([\w.-]+);/g, (whole, name: string) =>
      XML_ENTITIES.has(name)
        ? whole
        : (entities.get(name) ?? CHARACTER_ENTITIES[name] ?? (round === depth - 1 ? ' ' : whole)),
    );
  return out.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)[\w.-]+;/gi, ' ');
}

function isElement(node: XmlElement | string): node is XmlElement {
  return typeof node !== 'string';
}

function textOf(element: XmlElement): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') out += child;
    else if (SECTIONS.has(child.name) || SKIPPED.has(child.name) || child.name === 'title')
      continue;
    else {
      const inner = textOf(child);
      out += BLOCKS.has(child.name) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

/** A title given directly or in the element's *info child. */
function titleOf(element: XmlElement): string {
  const direct = element.children.find((c) => isElement(c) && c.name === 'title');
  const info = element.children.find((c) => isElement(c) && c.name.endsWith('info'));
  const title =
    (direct as XmlElement | undefined) ??
    ((info as XmlElement | undefined)?.children.find((c) => isElement(c) && c.name === 'title') as
      XmlElement | undefined);
  if (!title) return '';
  const flat = (e: XmlElement): string =>
    e.children.map((c) => (typeof c === 'string' ? c : flat(c))).join('');
  return clean(flat(title)).replace(/\n/g, ' ');
}

/**
 * The documents of one DocBook file: each titled section element. `page` of a document is the
 * title of the file's root element (the book, or the chapter the file holds).
 */
export function docbookDocuments(
  xml: string,
  entities: ReadonlyMap<string, string>,
  guide: string,
  fileName: string,
  url: string,
): HelpDocument[] {
  const root = parseXml(replaceEntities(xml, entities, 5), url).children.find(isElement);
  if (!root || !ROOTS.has(root.name)) return [];
  const rootTitle = titleOf(root);
  const docs: HelpDocument[] = [];
  let count = 0;
  const visit = (element: XmlElement, isRoot: boolean) => {
    if (isRoot || SECTIONS.has(element.name)) {
      count++;
      const heading = titleOf(element);
      const body = clean(textOf(element));
      if (heading && (SECTIONS.has(element.name) || body)) {
        const sectionId = element.id ? idPart(element.id) : `s${count}`;
        docs.push({
          id: `${idPart(guide)}/${idPart(fileName)}/${sectionId}`,
          title: rootTitle && rootTitle !== heading ? `${heading} – ${rootTitle}` : heading,
          url: `${url}#${element.id ?? ''}`,
          body,
          heading,
          page: rootTitle || heading,
        });
      }
    }
    for (const child of element.children)
      if (isElement(child) && !SKIPPED.has(child.name)) visit(child, false);
  };
  visit(root, true);
  return docs;
}
