/**
 * Distinct names for several search boxes on one page. Two default instances would name their
 * search landmarks and results regions alike ("Wie können wir Ihnen helfen?", "Suchergebnisse"),
 * which leaves screen-reader users unable to tell them apart in the landmarks list (axe
 * `landmark-unique`). Without any attribute from the page, each instance whose landmark name is
 * shared gets a suffix: the nearest heading before it in the page ("Archiv") where those differ,
 * else its position among the boxes of that name ("Suche 2").
 */
import { cutText } from '../../core/text.js';

export type InstanceName = { heading: string } | { position: number };

/** What the registry needs of a search box; kept off the element's public API. */
export interface NamedInstance {
  readonly element: Element;
  /** The landmark's name without a suffix (label or `aria-label`). */
  baseName(): string;
  /** Called with the suffix to show, or undefined when the name is unique. */
  rename(name: InstanceName | undefined): void;
}

const instances = new Set<NamedInstance>();
const MAX_HEADING_LENGTH = 60;

export function registerInstance(instance: NamedInstance): void {
  instances.add(instance);
  renameInstances();
}

export function unregisterInstance(instance: NamedInstance): void {
  instances.delete(instance);
  instance.rename(undefined);
  renameInstances();
}

/** Recomputes every suffix (instances came or went, or a label changed). */
export function renameInstances(): void {
  const groups = new Map<string, NamedInstance[]>();
  for (const instance of instances) {
    if (!instance.element.isConnected) continue;
    const name = instance.baseName();
    const group = groups.get(name) ?? [];
    group.push(instance);
    groups.set(name, group);
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      group[0]!.rename(undefined);
      continue;
    }
    group.sort((a, b) => documentOrder(a.element, b.element));
    const headings = group.map((instance) => nearestHeading(instance.element));
    const distinct = headings.every((text) => text) && new Set(headings).size === group.length;
    group.forEach((instance, i) =>
      instance.rename(distinct ? { heading: headings[i]! } : { position: i + 1 }),
    );
  }
}

function documentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Text of the closest heading before `element` in document order (light DOM only). */
function nearestHeading(element: Element): string {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = element;
  for (let node = walker.previousNode(); node; node = walker.previousNode()) {
    const candidate = node as Element;
    if (/^H[1-6]$/.test(candidate.tagName) || candidate.getAttribute('role') === 'heading') {
      // An ancestor heading would contain the element itself: not a heading before it.
      if (candidate.contains(element)) continue;
      const text = candidate.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return text.length > MAX_HEADING_LENGTH ? `${cutText(text, MAX_HEADING_LENGTH - 1)}…` : text;
    }
  }
  return '';
}
