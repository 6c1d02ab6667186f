/**
 * Listens to a page from the outside: CSP violations, console messages about the CSP, uncaught
 * errors and the widget's `hzd-search` events. The page-side listener is an init script and the
 * report channel a Playwright binding; both are injected by the browser itself, outside the
 * page's CSP, so the probe neither needs `unsafe-inline` nor causes violations of its own.
 */
import type { Page } from 'playwright';

export interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  sample: string;
}

export interface SearchDetail {
  query: string;
  total: number;
}

type Report = { kind: 'violation'; data: Violation } | { kind: 'search'; data: SearchDetail };

export interface Probe {
  readonly violations: Violation[];
  /** Console messages that mention the Content Security Policy. */
  readonly cspMessages: string[];
  readonly pageErrors: string[];
  readonly searches: SearchDetail[];
  /** Resolves with the first `hzd-search` event for `query`; rejects after `timeout` ms. */
  waitForSearch(query: string, timeout?: number): Promise<SearchDetail>;
}

const BINDING = '__hzdE2eReport';

/** Must run before `page.goto`, so the listeners exist before the page's scripts do. */
export async function attachProbe(page: Page): Promise<Probe> {
  const violations: Violation[] = [];
  const cspMessages: string[] = [];
  const pageErrors: string[] = [];
  const searches: SearchDetail[] = [];
  const waiters = new Set<(detail: SearchDetail) => void>();

  await page.exposeFunction(BINDING, (report: Report) => {
    if (report.kind === 'violation') violations.push(report.data);
    else {
      searches.push(report.data);
      for (const waiter of waiters) waiter(report.data);
    }
  });
  await page.addInitScript((binding: string) => {
    const report = (window as unknown as Record<string, (report: unknown) => void>)[binding]!;
    // Capture on window: violations inside shadow roots are composed and reach it.
    window.addEventListener(
      'securitypolicyviolation',
      (event) =>
        report({
          kind: 'violation',
          data: {
            directive: event.effectiveDirective,
            blockedURI: event.blockedURI,
            sourceFile: event.sourceFile,
            sample: event.sample,
          },
        }),
      true,
    );
    window.addEventListener('hzd-search', (event) => {
      const { query, total } = (event as CustomEvent<{ query: string; total: number }>).detail;
      report({ kind: 'search', data: { query, total } });
    });
  }, BINDING);

  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) cspMessages.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  return {
    violations,
    cspMessages,
    pageErrors,
    searches,
    waitForSearch(query, timeout = 10_000) {
      const found = searches.find((detail) => detail.query === query);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No hzd-search event for "${query}" within ${timeout} ms.`));
        }, timeout);
        const waiter = (detail: SearchDetail) => {
          if (detail.query !== query) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(detail);
        };
        waiters.add(waiter);
      });
    },
  };
}
