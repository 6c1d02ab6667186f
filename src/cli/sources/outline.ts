/**
 * A page as a sequence of text and headings, the shape shared by the Markdown and HTML sources.
 * From it come the body text, the headings (for ranking) and the sections: the parts of the page
 * under headings that can be linked to, so a hit can point at `page#anchor`.
 */

export type OutlineBlock =
  | { kind: 'text'; text: string }
  | { kind: 'heading'; level: number; text: string; anchor?: string }
  /** An element with an id and an explicit section title (data-pagefind-title): its own text. */
  | { kind: 'anchor'; anchor: string; title: string; text: string };

export interface Section {
  anchor: string;
  title: string;
  text: string;
}

export interface OutlineParts {
  body: string;
  /** H2–H6 texts. */
  headings: string[];
  sections: Section[];
  /** The text of the first H1, if any. */
  firstH1?: string;
}

function clean(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

/**
 * Body, headings and sections of an outline. `dropFirstH1` leaves the first H1 out of the body,
 * for pages whose title is that heading (it is indexed as the title already).
 */
export function outlineParts(blocks: readonly OutlineBlock[], dropFirstH1 = false): OutlineParts {
  const firstH1Index = blocks.findIndex((block) => block.kind === 'heading' && block.level === 1);
  const firstH1 = firstH1Index === -1 ? undefined : (blocks[firstH1Index] as { text: string }).text;
  const lines: string[] = [];
  const headings: string[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'anchor') return; // its text is part of the surrounding text blocks
    if (dropFirstH1 && index === firstH1Index) return;
    const text = clean(block.text);
    if (!text) return;
    lines.push(text);
    if (block.kind === 'heading' && block.level >= 2) headings.push(text.replace(/\s+/g, ' '));
  });

  const sections: Section[] = [];
  const anchors = new Set<string>();
  blocks.forEach((block, index) => {
    if (block.kind === 'anchor') {
      if (anchors.has(block.anchor)) return;
      anchors.add(block.anchor);
      sections.push({ anchor: block.anchor, title: block.title, text: clean(block.text) });
      return;
    }
    if (block.kind !== 'heading' || block.level < 2 || !block.anchor) return;
    const title = clean(block.text).replace(/\s+/g, ' ');
    // A heading with an id twice on a page: a link reaches only the first.
    if (!title || anchors.has(block.anchor)) return;
    anchors.add(block.anchor);
    const parts: string[] = [];
    for (let next = index + 1; next < blocks.length; next++) {
      const following = blocks[next]!;
      if (following.kind === 'anchor') continue;
      if (following.kind === 'heading' && following.level <= block.level) break;
      const text = clean(following.text);
      if (text) parts.push(text);
    }
    sections.push({ anchor: block.anchor, title, text: parts.join('\n') });
  });
  return { body: lines.join('\n'), headings, sections, firstH1: firstH1 && clean(firstH1) };
}
