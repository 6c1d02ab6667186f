// Demo server for `npm start`: serves the demo pages and the built files in dist/ on localhost.
// Plain Node, no dependencies, so it shows what a webmaster's static server does: nothing special.
//
// It serves at once. The law page's sharded index of 10,000 federal-law sections from
// ../shared/corpus is built in the background with the CLI (dist/cli.js), unless it is already
// there and newer than the CLI; until it is ready, the law page says so and its index answers 503.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
const corpus = process.env.HZD_DEMO_CORPUS
  ? resolve(process.env.HZD_DEMO_CORPUS)
  : resolve(root, '..', 'shared', 'corpus', 'gesetze-10k.json.gz');
const generated = join(root, 'demo', 'generated');
/** The law index folder, as `index-src="/demo/generated/gesetze-10k/"` names it. */
const LAW_INDEX_PATH = '/demo/generated/gesetze-10k/';
const lawIndex = process.env.HZD_DEMO_LAW_INDEX
  ? resolve(process.env.HZD_DEMO_LAW_INDEX)
  : join(generated, 'gesetze-10k');
const cli = join(root, 'dist', 'cli.js');

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

/** `building`, `ready`, `missing` (no corpus) or `failed`: what the law page tells visitors. */
let lawIndexState = 'building';

function isCurrent(manifest) {
  return existsSync(manifest) && statSync(manifest).mtimeMs >= statSync(cli).mtimeMs;
}

/** Builds the law index in a child process, so the server answers meanwhile. */
function buildLawIndex() {
  if (isCurrent(join(lawIndex, 'manifest.json'))) {
    lawIndexState = 'ready';
    return;
  }
  if (!existsSync(corpus)) {
    lawIndexState = 'missing';
    console.log(`No law corpus at ${corpus}: the law demo page says so.`);
    return;
  }
  console.log('Building the index of 10,000 law sections in the background (up to a minute)...');
  mkdirSync(lawIndex, { recursive: true });
  const input = join(lawIndex, '..', 'gesetze-10k.json');
  writeFileSync(input, gunzipSync(readFileSync(corpus)));
  const child = spawn(process.execPath, [cli, input, '--out', lawIndex, '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => {
    lawIndexState = code === 0 ? 'ready' : 'failed';
    console.log(
      code === 0
        ? 'The law index is ready.'
        : 'Building the law index failed; see the message above.',
    );
  });
}

/** The law page's notice for each state of its index (none once it is ready). */
const LAW_NOTICES = {
  building:
    'Der Index der Gesetzesabschnitte wird gerade im Hintergrund erstellt (das dauert bis zu einer Minute). ' +
    'Laden Sie die Seite danach neu; bis dahin meldet die Suche, dass sie nicht verfügbar ist.',
  missing:
    'Der Gesetzeskorpus (../shared/corpus/gesetze-10k.json.gz) fehlt auf diesem Rechner; ' +
    'die Suche auf dieser Seite bleibt deshalb leer.',
  failed: 'Der Index der Gesetzesabschnitte konnte nicht erstellt werden (siehe Konsole).',
};

function lawNotice() {
  const text = LAW_NOTICES[lawIndexState];
  return text ? `<p class="notice" role="status">${text}</p>` : '';
}

/**
 * Maps a URL path to a file below the repository (or the law index folder), refusing anything
 * outside demo/, dist/ and that folder.
 */
function fileFor(pathname) {
  const path = pathname === '/' ? '/demo/index.html' : decodeURIComponent(pathname);
  const file = path.startsWith(LAW_INDEX_PATH)
    ? normalize(join(lawIndex, path.slice(LAW_INDEX_PATH.length)))
    : normalize(join(root, path));
  const allowed = [join(root, 'demo') + sep, join(root, 'dist') + sep, lawIndex + sep];
  if (!allowed.some((folder) => file.startsWith(folder))) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

/** The shared header and footer of the demo pages, as a CMS template would add them. */
function withIncludes(html) {
  return html
    .replace(/<!-- include: ([\w-]+\.html) -->/g, (_, name) =>
      readFileSync(join(root, 'demo', 'partials', name), 'utf8'),
    )
    .replace('<!-- law-index-notice -->', lawNotice);
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', `http://${host}`);
  if (pathname === '/favicon.ico') {
    // Browsers ask for it on their own; the demo has none.
    response.writeHead(204).end();
    return;
  }
  if (pathname.startsWith(LAW_INDEX_PATH) && lawIndexState !== 'ready') {
    // What a server says while an index is being rebuilt: the widget shows its error state.
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '20' });
    response.end('Der Index wird noch erstellt.');
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
  .listen(port, host, function () {
    // The port actually bound (PORT=0 picks a free one).
    const bound = this.address().port;
    console.log(`Demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/`);
    buildLawIndex();
  });
