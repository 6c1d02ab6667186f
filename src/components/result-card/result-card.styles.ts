import { css } from 'lit';

export const resultCardStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }

  article {
    /* Anchors the stretched link: the whole card is one pointer target and one tab stop. */
    position: relative;
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--hzd-card-background, var(--_bg));
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  article:hover {
    background: var(--_surface);
  }

  .title {
    margin: 0 0 0.25em;
    font-size: var(--hzd-card-title-size, 1.125rem);
    line-height: 1.35;
    font-weight: 600;
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  .page-link::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  /* The ring goes around the whole card, which is what the link covers. */
  .page-link:focus-visible {
    outline: none;
  }

  .page-link:focus-visible::after {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
    border-radius: var(--_radius);
  }

  .snippet {
    margin: 0 0 0.5em;
  }

  mark {
    background: var(--_mark);
    color: var(--_mark-text);
    /* Not colour alone: weight marks the match too. */
    font-weight: 600;
    padding: 0 0.05em;
    border-radius: 2px;
  }

  /* Sections as Pagefind shows sub-results: indented under the page, each its own link, above
     the page link that covers the card. */
  .sections {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    margin: 0 0 0.5em;
    padding: 0;
    padding-inline-start: calc(var(--_space) * 0.75);
    list-style: none;
    border-inline-start: 2px solid var(--_border);
  }

  .section-link {
    position: relative;
    z-index: 1;
    display: inline-block;
    min-height: 24px;
    font-weight: 600;
  }

  .section-snippet {
    margin: 0.125em 0 0;
    font-size: 0.9375rem;
  }

  .type {
    padding: 0 0.4em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_text);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .meta div {
    display: flex;
    gap: 0.3em;
    min-width: 0;
  }

  /* The label never breaks ("Beteiligt-e"); long values wrap instead. */
  dt {
    flex: none;
  }

  dt::after {
    content: ':';
  }

  dd {
    margin: 0;
  }

  @media (forced-colors: active) {
    article {
      border-inline-start-color: CanvasText;
    }

    .page-link:focus-visible::after {
      outline-color: Highlight;
    }

    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
