/**
 * Styles of the filter panel (filters.ts). They come with the session module and are added to
 * the element's shadow root when a session starts, so the script before interaction stays small.
 */
import { css } from 'lit';

export const filterStyles = css`
  .filters {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .filter-panel {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 2rem;
    padding: 0.75rem var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .filter-group {
    min-width: min(12rem, 100%);
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 700;
  }

  .filter-options {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Not the search field's label: normal text. */
  .filter-option {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.25rem;
    margin: 0;
    font-size: 1rem;
    font-weight: 400;
    cursor: pointer;
  }

  /* The search field's styles (appearance: none, width, padding, border) must not reach the
     checkboxes: back to the browser's own, which show the ticked state in every colour mode.
     24 px: the minimum target size of WCAG 2.5.8, without relying on the spacing exception. */
  .filter-option input {
    all: revert;
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .filter-option.unavailable {
    color: var(--_muted);
    cursor: default;
  }
`;
