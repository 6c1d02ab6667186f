/**
 * IDREF integrity: every ID an attribute refers to must exist in the same tree (document or one
 * shadow root), because `for`, `aria-*` and `list` never cross shadow boundaries. Walks nested
 * shadow roots (result cards inside the search).
 */
const IDREF_ATTRIBUTES = [
  'for',
  'list',
  'headers',
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
];

export interface BrokenReference {
  element: string;
  attribute: string;
  id: string;
}

export function brokenIdReferences(root: ShadowRoot | Document): BrokenReference[] {
  const broken: BrokenReference[] = [];
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of IDREF_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const ids = value.split(/\s+/).filter(Boolean);
      // An empty IDREF (aria-activedescendant="") confuses JAWS: count it as broken.
      if (ids.length === 0) broken.push({ element: element.localName, attribute, id: '' });
      for (const id of ids) {
        if (!root.getElementById(id)) broken.push({ element: element.localName, attribute, id });
      }
    }
    if (element.shadowRoot) broken.push(...brokenIdReferences(element.shadowRoot));
  }
  return broken;
}

/** IDs used twice within one root (each shadow root is checked on its own). */
export function duplicateIds(root: ShadowRoot | Document): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.id) {
      if (seen.has(element.id)) duplicates.push(element.id);
      seen.add(element.id);
    }
    if (element.shadowRoot) duplicates.push(...duplicateIds(element.shadowRoot));
  }
  return duplicates;
}
