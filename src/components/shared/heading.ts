/**
 * Headings whose level the host page chooses (its outline is unknown to the widget). One literal
 * template per level: a level attribute can never inject markup, and no static-html is needed.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** Clamps any input to a heading level 1–6. */
export function headingLevel(value: unknown, fallback: number): number {
  const level = Math.trunc(Number(value));
  return Number.isFinite(level) && level >= 1 ? Math.min(level, 6) : fallback;
}

export interface HeadingOptions {
  id: string;
  className?: string;
  part?: string;
}

/** `<h{level} id class part>content</h{level}>`, level clamped to 1–6. */
export function heading(level: number, options: HeadingOptions, content: unknown): TemplateResult {
  const { id } = options;
  const className = options.className ?? nothing;
  const part = options.part ?? nothing;
  switch (headingLevel(level, 2)) {
    case 1:
      return html`<h1 id=${id} class=${className} part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${className} part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${className} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${className} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${className} part=${part}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${className} part=${part}>${content}</h6>`;
  }
}
