/**
 * axe-core, called directly (chai-a11y-axe cannot enable rules or choose tags): WCAG 2.0–2.2 A/AA
 * and EN 301 549, with the off-by-default `target-size` rule (WCAG 2.5.8) switched on. A missing
 * IDREF target inside a shadow root is only "incomplete" for `aria-valid-attr-value`, so that
 * counts as a failure too, and so does an undecided colour contrast.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, Result, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'EN-301-549'];

function describe(results: Result[]): string {
  return results
    .map(
      (result) =>
        `${result.id} [${result.tags.filter((tag) => tag.startsWith('EN-9')).join(' ')}]: ${result.help}\n` +
        result.nodes
          .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
}

export interface AxeCheckOptions {
  /**
   * Also fail on `color-contrast` results axe could not decide (default true). Off only while
   * the suggestion popup overlaps the results: axe then cannot see their background.
   */
  strictContrast?: boolean;
}

/** Fails with a readable list of violations (and their EN 301 549 clauses). */
export async function expectNoAxeViolations(
  element: Element,
  { strictContrast = true }: AxeCheckOptions = {},
): Promise<AxeResults> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    rules: { 'target-size': { enabled: true }, region: { enabled: false } },
    resultTypes: ['violations', 'incomplete'],
  });
  const incomplete = results.incomplete.filter(
    (result) =>
      result.id === 'aria-valid-attr-value' || (strictContrast && result.id === 'color-contrast'),
  );
  const failures = [...results.violations, ...incomplete];
  if (failures.length) throw new Error(`axe found problems:\n${describe(failures)}`);
  return results;
}
