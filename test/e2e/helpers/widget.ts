/**
 * Driving `<hzd-search>` like a visitor: type into the combobox, submit, read the result cards.
 * Waits are for specific DOM states (Playwright's auto-waiting locators pierce open shadow
 * roots), never fixed sleeps.
 */
import type { Locator, Page } from 'playwright';
import type { Probe, SearchDetail } from './probe.js';

export function combobox(page: Page): Locator {
  return page.getByRole('combobox');
}

export function resultCards(page: Page): Locator {
  return page.locator('hzd-result-card');
}

/** The title link of the first result card (its first link; section links follow it). */
export function firstResultLink(page: Page): Locator {
  return resultCards(page).first().getByRole('link').first();
}

/** The first result's title as read: without the soft hyphens where long words may break. */
export async function firstResultTitle(page: Page): Promise<string> {
  return ((await firstResultLink(page).textContent()) ?? '').replaceAll('\u00ad', '');
}

/**
 * Types `query`, presses Enter and waits until the submitted search has been answered
 * (`hzd-search` fired, so the results for exactly this text are rendered).
 */
export async function submitSearch(page: Page, probe: Probe, query: string): Promise<SearchDetail> {
  const box = combobox(page);
  await box.fill(query);
  await box.press('Enter');
  return probe.waitForSearch(query);
}

/**
 * Types `query` key by key and waits until the results region counts hits for the whole text
 * (the count names the query in „…“, so a result for a prefix does not match).
 */
export async function typeAndWaitForResults(page: Page, query: string): Promise<void> {
  await combobox(page).pressSequentially(query);
  await page
    .locator('hzd-search [part="count"]')
    .filter({ hasText: `„${query}“` })
    .waitFor();
}
