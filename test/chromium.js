// Headless Chromium settings shared by the browser tests (web-test-runner.config.js) and the
// end-to-end tests. Browsers cannot be downloaded here, so Debian's Chromium is used. Everything
// that would make the browser talk to the network on its own is off: the privacy test must see
// only the requests the page makes, and this machine refuses outside connections anyway.
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
