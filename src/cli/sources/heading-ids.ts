/**
 * The ids that site generators give Markdown headings, so a section's `#anchor` reaches the
 * heading on the built page. Two rules cover most generators:
 *
 * - `vitepress` (default): VitePress's slugify (@mdit-vue/shared), used through markdown-it-anchor
 *   by VitePress and VuePress: NFKD, accents dropped (ü → u), runs of spaces and ASCII punctuation
 *   become one `-`, a leading digit gets `_`, lower case. "Über uns" → `uber-uns`.
 * - `github`: GitHub's rule (github-slugger), also Hugo's default (goldmark, `autoHeadingIDType:
 *   github`) and Docusaurus's: lower case, punctuation removed, each space a `-`, letters with
 *   umlauts kept. "Über uns" → `über-uns`.
 *
 * Repeated headings get `-1`, `-2`, … as both generators do. An explicit `{#id}` after the
 * heading text wins over either rule.
 */

export type HeadingIdStyle = 'vitepress' | 'github';
export const HEADING_ID_STYLES: readonly HeadingIdStyle[] = ['vitepress', 'github'];

const CONTROL = /[\u0000-\u001f]/g;
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const COMBINING = /[\u0300-\u036f]/g;

function vitepressSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(CONTROL, '')
    .replace(SPECIAL, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Gives each heading of one page its id, counting repeats like the generators do. */
export class HeadingIds {
  private readonly used = new Map<string, number>();

  constructor(private readonly style: HeadingIdStyle = 'vitepress') {}

  /** The id for a heading with this text, or undefined when the text gives none. */
  next(text: string): string | undefined {
    const slug = this.style === 'github' ? githubSlug(text) : vitepressSlug(text);
    if (!slug) return undefined;
    return this.unique(slug);
  }

  /** An explicit `{#id}`: kept as written, and reserved so a generated one does not repeat it. */
  explicit(id: string): string {
    if (!this.used.has(id)) this.used.set(id, 0);
    return id;
  }

  private unique(id: string): string {
    const count = this.used.get(id);
    if (count === undefined) {
      this.used.set(id, 0);
      return id;
    }
    let index = count + 1;
    while (this.used.has(`${id}-${index}`)) index++;
    this.used.set(id, index);
    this.used.set(`${id}-${index}`, 0);
    return `${id}-${index}`;
  }
}
