/**
 * Live regions in the page's own document, shared by every widget on the page. Some screen
 * reader and browser combinations miss live regions inside shadow roots, so a page can opt in
 * (`document-announcer`) to having announcements spoken from here instead.
 *
 * Like the widget's own regions they exist before the first message (regions added together with
 * their text are often not read) and are double-buffered (the same text twice is read twice).
 * They are built with DOM and CSSOM calls, not markup with a style attribute, so they work under
 * a strict Content-Security-Policy.
 */
import type { Politeness } from './announcer-controller.js';

const VISUALLY_HIDDEN: Partial<CSSStyleDeclaration> = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

export class DocumentLiveRegions {
  private readonly regions: Record<Politeness, [HTMLElement, HTMLElement]>;
  private readonly container: HTMLElement;
  private next: Record<Politeness, 0 | 1> = { polite: 0, assertive: 0 };

  constructor(doc: Document) {
    const container = (this.container = doc.createElement('div'));
    container.dataset['hzdAnnouncer'] = '';
    Object.assign(container.style, VISUALLY_HIDDEN);
    const region = (politeness: Politeness) => {
      const element = doc.createElement('div');
      if (politeness === 'polite') element.setAttribute('role', 'status');
      element.setAttribute('aria-live', politeness);
      element.setAttribute('aria-atomic', 'true');
      container.append(element);
      return element;
    };
    this.regions = {
      polite: [region('polite'), region('polite')],
      assertive: [region('assertive'), region('assertive')],
    };
    doc.body.append(container);
  }

  /** False once the page removed the regions (e.g. a single-page app replaced the body). */
  get connected(): boolean {
    return this.container.isConnected;
  }

  write(message: string, politeness: Politeness): void {
    this.clear();
    const slot = this.next[politeness];
    this.regions[politeness][slot].textContent = message;
    this.next[politeness] = slot === 0 ? 1 : 0;
  }

  clear(): void {
    for (const element of [...this.regions.polite, ...this.regions.assertive]) {
      element.textContent = '';
    }
  }
}

const shared = new WeakMap<Document, DocumentLiveRegions>();

/** The page's regions, created on first use. */
export function documentLiveRegions(doc: Document = document): DocumentLiveRegions {
  let regions = shared.get(doc);
  if (!regions?.connected) {
    regions = new DocumentLiveRegions(doc);
    shared.set(doc, regions);
  }
  return regions;
}
