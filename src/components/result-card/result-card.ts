import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SearchHit, SectionHit } from '../../core/types.js';
import { isSafeUrl } from '../../core/url.js';
import { withoutBidiControls } from '../../core/text.js';
import { hzdEvent } from '../../events.js';
import { formatDate, languageOf, resolveStrings, type HzdStrings } from '../../i18n/index.js';
import { heading, headingLevel } from '../shared/heading.js';
import { tokens } from '../shared/tokens.styles.js';
import { highlight } from './highlight.js';
import { resultCardStyles } from './result-card.styles.js';

/** A section's excerpt; no whitespace inside the paragraph: its text is the excerpt exactly. */
function sectionSnippet(parts: unknown, lang: string): TemplateResult {
  return html`<p part="section-snippet" class="section-snippet content" lang=${lang}>${parts}</p>`;
}

/** Sections shown under a page, at most (as Pagefind's sub-results). */
const MAX_SECTIONS = 3;

/**
 * One search hit as an `<article>`: a heading holding the link, the snippet with the matched
 * words in `<mark>`, up to three matching sections of the page (each a link to its heading, with
 * its own snippet), and metadata (kind, category, partners, levels, date). The title link
 * stretches over the whole card, so a card without sections is one pointer target and one tab
 * stop; section links lie above it, one tab stop each.
 *
 * A section link's accessible name is "Seite › Abschnitt": the page title is in the link as
 * visually hidden text, so a screen reader's list of links tells the sections of different pages
 * apart. The kind (`PDF`) is text, in the metadata and as the title link's description.
 *
 * Text and match ranges become text nodes and `<mark>` elements; nothing from the index is ever
 * parsed as HTML, and a URL that fails `isSafeUrl` (`javascript:`, `data:` …) is shown as plain
 * text without a link.
 *
 * @summary A search result: linked title, highlighted snippet, metadata.
 * @tag hzd-result-card
 *
 * @fires {HzdSelectEvent} hzd-select - The title link or a section link was activated (plain click
 *   or Enter); detail `{ hit, query, url, section? }`. Cancelable: `preventDefault()` stops the
 *   navigation, e.g. to route in a single-page app. --bubbles --composed
 *
 * @csspart card - The `<article>`.
 * @csspart heading - The heading around the title.
 * @csspart link - The title link.
 * @csspart title - The title when the URL is unsafe and no link is rendered.
 * @csspart snippet - The excerpt paragraph.
 * @csspart mark - A matched word (in title and snippet).
 * @csspart meta - The metadata list.
 * @csspart type - The kind of content (`PDF`), in the metadata.
 * @csspart sections - The list of matching sections.
 * @csspart section - One section.
 * @csspart section-link - A section's link (to `url#anchor`).
 * @csspart section-snippet - A section's excerpt.
 *
 * @cssprop [--hzd-font-family=system-ui, …] - Font family.
 * @cssprop [--hzd-color-text=#1b1f24] - Text colour.
 * @cssprop [--hzd-color-text-muted=#4b5561] - Metadata colour.
 * @cssprop [--hzd-color-background=#ffffff] - Background.
 * @cssprop [--hzd-color-surface=#f2f4f7] - Background on hover.
 * @cssprop [--hzd-color-accent=#004b87] - Link colour and the card's side bar.
 * @cssprop [--hzd-color-focus=#004b87] - Focus ring.
 * @cssprop [--hzd-color-mark-background=#ffe066] - Background of matched words.
 * @cssprop [--hzd-color-mark-text=#1b1f24] - Colour of matched words.
 * @cssprop [--hzd-color-border=#5f6b78] - Card border.
 * @cssprop [--hzd-radius=0.25rem] - Corner radius.
 * @cssprop [--hzd-space=1rem] - Base spacing.
 * @cssprop [--hzd-focus-width=3px] - Width of the focus ring (at least 2px).
 * @cssprop [--hzd-card-background=var(--hzd-color-background)] - Card background.
 * @cssprop [--hzd-card-title-size=1.125rem] - Title font size.
 */
export class HzdResultCard extends LitElement {
  static override styles = [tokens, resultCardStyles];

  static override get observedAttributes(): string[] {
    // `lang` stays the native, reflected attribute; it only needs to trigger a re-render.
    return [...super.observedAttributes, 'lang'];
  }

  /** The hit to show (from `SearchIndex.search`). */
  @property({ attribute: false }) hit?: SearchHit;

  /** The query the hit was found for; passed on in `hzd-select`. */
  @property() query = '';

  /** Level of the title heading (1–6). */
  @property({ type: Number, attribute: 'heading-level', reflect: true }) headingLevel = 3;

  /** `dark`, or `auto` to follow the system; light otherwise. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** Overrides of single strings (labels of the metadata). */
  @property({ attribute: false }) strings?: Partial<HzdStrings>;

  /**
   * Language of the hit's text when the hit names none (`hit.lang`): the index's language.
   * Title, snippet and metadata values carry it, the card's own labels the UI language, so a
   * screen reader pronounces each in its language (WCAG 3.1.2). Default: `de`.
   */
  @property({ attribute: 'content-lang', reflect: true }) contentLang?: string;

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** Focuses the title link. */
  override focus(options?: FocusOptions): void {
    const link = this.renderRoot?.querySelector<HTMLElement>('a');
    if (link) link.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.headingLevel = headingLevel(this.headingLevel, 3);
  }

  protected override render(): TemplateResult | typeof nothing {
    const hit = this.hit;
    if (!hit || typeof hit.title !== 'string') return nothing;
    const lang = languageOf(this);
    const strings = resolveStrings(lang, this.strings);
    const textLang = this.textLang(hit);
    const url = typeof hit.url === 'string' ? hit.url : '';
    const title = highlight(hit.title, hit.titleMatches, hit.titleBreaks);
    const snippet = hit.snippet && typeof hit.snippet.text === 'string' ? hit.snippet : undefined;
    // No whitespace inside the paragraph: its text is the snippet exactly.
    const excerpt = snippet?.text ? highlight(snippet.text, snippet.matches) : undefined;
    const type = typeof hit.type === 'string' ? withoutBidiControls(hit.type).trim() : '';
    const link = isSafeUrl(url)
      ? html`<a
          part="link"
          class="page-link content"
          lang=${textLang}
          href=${url}
          aria-describedby=${type ? 'type' : nothing}
          @click=${(event: MouseEvent) => this.select(event, url)}
          >${title}</a
        >`
      : html`<span part="title" class="content" lang=${textLang}>${title}</span>`;

    return html`
      <article part="card" aria-labelledby="title">
        ${heading(this.headingLevel, { id: 'title', className: 'title', part: 'heading' }, link)}
        ${
          excerpt
            ? html`<p part="snippet" class="snippet content" lang=${textLang}>${excerpt}</p>`
            : nothing
        }
        ${this.renderSections(hit, textLang)} ${this.renderMeta(hit, strings, lang, textLang, type)}
      </article>
    `;
  }

  /** The language of the hit's text: its own, else the index's, else German. */
  private textLang(hit: SearchHit): string {
    for (const lang of [hit.lang, this.contentLang]) {
      if (typeof lang === 'string' && lang.trim()) return lang.trim();
    }
    return 'de';
  }

  /** The page's matching sections (checked: a custom source may send anything). */
  private renderSections(hit: SearchHit, textLang: string) {
    const sections = (Array.isArray(hit.sections) ? hit.sections : [])
      .filter(
        (section): section is SectionHit =>
          typeof section === 'object' &&
          section !== null &&
          typeof section.title === 'string' &&
          !!section.title.trim() &&
          typeof section.url === 'string' &&
          isSafeUrl(section.url),
      )
      .slice(0, MAX_SECTIONS);
    if (!sections.length) return nothing;
    const page = withoutBidiControls(hit.title);
    return html`<ul part="sections" class="sections" role="list">
      ${sections.map((section) => {
        const snippet =
          section.snippet && typeof section.snippet.text === 'string' && section.snippet.text
            ? highlight(section.snippet.text, section.snippet.matches)
            : undefined;
        return html`<li part="section">
          <a
            part="section-link"
            class="section-link content"
            lang=${textLang}
            href=${section.url}
            @click=${(event: MouseEvent) => this.select(event, section.url, section)}
            ><span class="visually-hidden">${page} › </span>${highlight(
              section.title,
              section.titleMatches,
            )}</a
          >
          ${snippet ? sectionSnippet(snippet, textLang) : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderMeta(
    hit: SearchHit,
    strings: HzdStrings,
    lang: 'de' | 'en',
    textLang: string,
    type: string,
  ) {
    const list = (value: unknown) =>
      Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v).join(', ') : '';
    const date = formatDate(lang, hit.updated, 'medium');
    // Values from the index carry the text's language; the date is formatted in the UI's.
    const rows: Array<[string, TemplateResult | string, string]> = [];
    if (type) rows.push([strings.type, type, textLang]);
    if (typeof hit.category === 'string' && hit.category)
      rows.push([strings.category, withoutBidiControls(hit.category), textLang]);
    if (list(hit.partners))
      rows.push([strings.partners, withoutBidiControls(list(hit.partners)), textLang]);
    if (list(hit.levels))
      rows.push([strings.levels, withoutBidiControls(list(hit.levels)), textLang]);
    if (date)
      rows.push([strings.updated, html`<time datetime=${hit.updated!}>${date}</time>`, lang]);
    if (rows.length === 0) return nothing;
    // The kind is a badge: its term is for screen readers ("Art: PDF"), the text for everyone.
    return html`<dl part="meta" class="meta">
      ${rows.map(([term, value, valueLang], row) =>
        type && row === 0
          ? html`<div>
              <dt class="visually-hidden">${term}</dt>
              <dd id="type" part="type" class="type content" lang=${valueLang}>${value}</dd>
            </div>`
          : html`<div>
              <dt>${term}</dt>
              <dd class="content" lang=${valueLang}>${value}</dd>
            </div>`,
      )}
    </dl>`;
  }

  /** A link was activated: `hzd-select`, which the host may cancel to route itself. */
  private select(event: MouseEvent, url: string, section?: SectionHit): void {
    // Modified clicks open a new tab or window: the page stays, so there is nothing to route.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    if (!this.hit) return;
    const detail = section
      ? { hit: this.hit, query: this.query, url, section }
      : { hit: this.hit, query: this.query, url };
    if (!this.dispatchEvent(hzdEvent('hzd-select', detail))) event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hzd-result-card': HzdResultCard;
  }
}
