// Demo server for `npm start`: serves the demo pages and the built files in dist/ on localhost.
// Plain Node, no dependencies, so it shows what a webmaster's static server does: nothing special.
//
// On start it builds an index of 10,000 federal-law sections from ../shared/corpus with the CLI
// (dist/cli.js), unless that index is already there; the law page searches it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
const corpus = resolve(root, '..', 'shared', 'corpus', 'gesetze-10k.json.gz');
const lawIndex = join(root, 'demo', 'generated', 'gesetze-10k.index.json');

/** Pages served with a strict Content-Security-Policy, as on a locked-down state portal. */
const STRICT_CSP_PAGES = new Set(['/demo/csp.html']);
const STRICT_CSP =
  "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function buildLawIndex() {
  if (existsSync(lawIndex)) return;
  if (!existsSync(corpus)) {
    console.log(`No law corpus at ${corpus}: the law demo page will show its error state.`);
    return;
  }
  console.log('Building the index of 10,000 law sections (once; takes a few seconds)...');
  mkdirSync(join(root, 'demo', 'generated'), { recursive: true });
  const input = join(root, 'demo', 'generated', 'gesetze-10k.json');
  writeFileSync(input, gunzipSync(readFileSync(corpus)));
  const result = spawnSync(
    process.execPath,
    [join(root, 'dist', 'cli.js'), input, '--out', lawIndex],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) console.error('Building the law index failed; see the message above.');
}

/** Maps a URL path to a file below the repository, refusing anything outside demo/ and dist/. */
function fileFor(pathname) {
  const path = pathname === '/' ? '/demo/index.html' : decodeURIComponent(pathname);
  const file = normalize(join(root, path));
  const allowed = [join(root, 'demo') + sep, join(root, 'dist') + sep];
  if (!allowed.some((folder) => file.startsWith(folder))) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

/** The shared header and footer of the demo pages, as a CMS template would add them. */
function withIncludes(html) {
  return html.replace(/<!-- include: ([\w-]+\.html) -->/g, (_, name) =>
    readFileSync(join(root, 'demo', 'partials', name), 'utf8'),
  );
}

buildLawIndex();

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', `http://${host}`);
  if (pathname === '/favicon.ico') {
    // Browsers ask for it on their own; the demo has none.
    response.writeHead(204).end();
    return;
  }
  const file = fileFor(pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Nicht gefunden');
    return;
  }
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  };
  if (STRICT_CSP_PAGES.has(pathname)) headers['content-security-policy'] = STRICT_CSP;
  response.writeHead(200, headers);
  response.end(
    extname(file) === '.html' ? withIncludes(readFileSync(file, 'utf8')) : readFileSync(file),
  );
})
  .on('error', (error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`Port ${port} is in use. Start the demo on another one: PORT=8080 npm start`);
    process.exit(1);
  })
  .listen(port, host, () => {
    console.log(`Demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
  });
