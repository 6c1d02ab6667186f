/**
 * Design tokens shared by both components. Public `--hzd-*` custom properties are read once here
 * into private `--_*` ones, with light defaults and, only when the host opts in with
 * `theme="dark"` (or `theme="auto"` plus a dark system preference), dark defaults. Every default
 * text colour has at least 4.5:1 contrast on its background, borders and the focus ring 3:1.
 */
import { css } from 'lit';

const dark = css`
  --_text: var(--hzd-color-text, #eef2f6);
  --_muted: var(--hzd-color-text-muted, #c3ccd5);
  --_bg: var(--hzd-color-background, #161b22);
  --_surface: var(--hzd-color-surface, #202833);
  --_accent: var(--hzd-color-accent, #8cc8ff);
  --_on-accent: var(--hzd-color-on-accent, #0b1a2b);
  --_focus: var(--hzd-color-focus, #ffd54f);
  --_mark: var(--hzd-color-mark-background, #5e4b00);
  --_mark-text: var(--hzd-color-mark-text, #ffffff);
  --_border: var(--hzd-color-border, #8d9aa8);
  --_error: var(--hzd-color-error, #ff9e9e);
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_font: var(
      --hzd-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_text: var(--hzd-color-text, #1b1f24);
    --_muted: var(--hzd-color-text-muted, #4b5561);
    --_bg: var(--hzd-color-background, #ffffff);
    --_surface: var(--hzd-color-surface, #f2f4f7);
    --_accent: var(--hzd-color-accent, #004b87);
    --_on-accent: var(--hzd-color-on-accent, #ffffff);
    --_focus: var(--hzd-color-focus, #004b87);
    --_mark: var(--hzd-color-mark-background, #ffe066);
    --_mark-text: var(--hzd-color-mark-text, #1b1f24);
    --_border: var(--hzd-color-border, #5f6b78);
    --_error: var(--hzd-color-error, #a4001d);
    --_radius: var(--hzd-radius, 0.25rem);
    --_space: var(--hzd-space, 1rem);
    --_focus-width: var(--hzd-focus-width, 3px);
    color-scheme: light;
    /* Inherited text properties of the page are not meant for the widget: a centred or letter-
       spaced page, or a right-to-left one, would otherwise reach into the shadow root. Only the
       font size stays inherited, so the widget follows the page's and the visitor's text size. */
    direction: ltr;
    unicode-bidi: isolate;
    writing-mode: horizontal-tb;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    font-style: normal;
    font-variant: normal;
    font-weight: normal;
    font-stretch: normal;
    list-style: initial;
    cursor: auto;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }

  [hidden] {
    display: none !important;
  }

  /* Text from an index or a query: its bidirectional characters must not reorder the UI text
     around it. */
  .content {
    unicode-bidi: isolate;
  }

  /* Hidden visually, still read by screen readers (never display:none for live regions). */
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  /* One focus indicator for everything: at least 2 px, 3:1 against the background, offset so it
     never touches a same-coloured button. An outline, not a box-shadow, so it survives forced
     colours. */
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
