/**
 * The host pages the e2e tests load: plain HTML as a webmaster would write it, with no inline
 * script and no style attribute, so a strict Content-Security-Policy has nothing of the page's
 * own to block and every violation found belongs to the widget.
 */

/** A complete German HTML document around `body`. */
export function htmlPage(body: string, head = ''): string {
  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head><meta charset="utf-8"><title>Test</title>',
    head,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

/** The page with the self-contained ES module, as in the README. */
export function modulePage(widget = '<hzd-search></hzd-search>'): string {
  return htmlPage(`<main>${widget}</main>`, '<script type="module" src="/hzd-search.js"></script>');
}

/** The page with the classic-script build, loaded (blocking) in the head. */
export function classicPage(widget = '<hzd-search></hzd-search>'): string {
  return htmlPage(`<main>${widget}</main>`, '<script src="/hzd-search.iife.js"></script>');
}
