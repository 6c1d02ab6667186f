import { css } from 'lit';

export const searchStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.5;
    /* Long German compounds ("Kraftfahrzeugzulassungsstelle") must wrap at 320 px. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .widget {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--hzd-padding, 0);
  }

  search,
  form {
    display: block;
  }

  label {
    display: block;
    margin-block-end: 0.25em;
    font-size: var(--hzd-label-size, 1.25rem);
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .hint {
    margin: 0 0 0.5em;
    color: var(--_muted);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .combobox {
    position: relative;
    flex: 1 1 12rem;
    min-width: 0;
  }

  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 3rem;
    margin: 0;
    /* Room for the clear button inside the field. */
    padding-block: 0.5rem;
    padding-inline: 0.75rem 3rem;
    font: inherit;
    /* 16 px or more: iOS zooms into smaller fields on focus. */
    font-size: max(1rem, 16px);
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    appearance: none;
  }

  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  /* The native cancel button is tiny and has no accessible name; ours replaces it. */
  input::-webkit-search-cancel-button,
  input::-webkit-search-decoration {
    appearance: none;
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    fill: currentColor;
    forced-color-adjust: auto;
  }

  .clear {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-end: 2px;
    display: flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    width: 2.75rem;
    height: calc(100% - 4px);
    min-height: 44px;
    padding: 0;
    color: var(--_text);
    background: transparent;
    border: 0;
    border-radius: var(--_radius);
  }

  .clear:hover {
    background: var(--_surface);
  }

  .clear:focus-visible {
    outline-offset: -4px;
  }

  .submit {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    box-sizing: border-box;
    min-width: 44px;
    min-height: 3rem;
    padding: 0 1.25rem;
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }

  .submit:hover {
    text-decoration: underline;
  }

  [role='listbox'] {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + 4px);
    inset-inline: 0;
    box-sizing: border-box;
    max-height: min(22rem, 60vh);
    margin: 0;
    padding: 0.25rem 0;
    overflow-y: auto;
    list-style: none;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.18);
  }

  [role='option'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    box-sizing: border-box;
    min-height: 44px;
    padding: 0.375rem 0.75rem;
    /* Transparent borders become visible in forced colours; the active one is coloured. */
    border-block: 2px solid transparent;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  [role='option']:hover {
    background: var(--_surface);
  }

  /* The virtual focus: not colour alone, a 2 px border above and below (as in the APG). */
  [role='option'][aria-selected='true'] {
    background: var(--_surface);
    border-color: var(--_accent);
  }

  .kind {
    flex: none;
    padding: 0 0.4em;
    font-size: 0.8125rem;
    color: var(--_muted);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }

  .status,
  .count,
  .missing,
  .data-date {
    margin: 0;
  }

  .missing {
    color: var(--_muted);
  }

  .status {
    color: var(--_muted);
  }

  .results,
  .topics,
  .error {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }

  .section-heading {
    margin: 0;
    font-size: var(--hzd-heading-size, 1.25rem);
    line-height: 1.3;
  }

  .sub-heading {
    margin: 0;
    font-size: 1rem;
  }

  .count {
    font-weight: 600;
  }

  .help {
    margin: 0;
  }

  .hits,
  .inline-list {
    display: flex;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .hits {
    flex-direction: column;
    gap: 0.75rem;
  }

  .inline-list {
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }

  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }

  .action {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }

  .secondary,
  .topic {
    box-sizing: border-box;
    min-height: 44px;
    padding: 0 1rem;
    color: var(--_accent);
    background: var(--_bg);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font-weight: 600;
  }

  .topic {
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: 1.5rem;
    font-weight: 400;
  }

  .secondary:hover,
  .topic:hover {
    background: var(--_surface);
    text-decoration: underline;
  }

  .more {
    align-self: flex-start;
  }

  .link-button {
    display: inline-flex;
    align-items: center;
    min-width: 24px;
    min-height: 24px;
    padding: 0 0.125rem;
    color: var(--_accent);
    background: none;
    border: 0;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .error {
    padding: 0.75rem var(--_space);
    background: var(--_surface);
    border-inline-start: 4px solid var(--_error);
    border-radius: var(--_radius);
  }

  .error-text {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }

  .data-date {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    [role='option'],
    button {
      transition: background-color 120ms ease-out;
    }
  }

  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      forced-color-adjust: none;
      color: SelectedItemText;
      background: SelectedItem;
      border-color: SelectedItemText;
    }

    /* forced-color-adjust: none is inherited, so the badge would keep its grey text on the
       system highlight: every part of the active option takes the highlight's text colour. */
    [role='option'][aria-selected='true'] .kind {
      color: SelectedItemText;
      border-color: SelectedItemText;
    }

    .submit {
      border-color: ButtonText;
    }

    .error {
      border-inline-start-color: CanvasText;
    }
  }
`;
