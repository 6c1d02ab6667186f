/**
 * Builds of the package, one per mode (`vite build --mode <mode>`), run in turn by `npm run build`:
 *
 * The script-tag files are one folder, dist/widget/, which a webmaster copies as it is:
 *
 * - `bundle`: dist/widget/hzd-search.js, the ES module for a script tag: Lit, the search box and
 *   a loader, defining `<hzd-search>` when loaded. What searching needs is a file of its own,
 *   hzd-search.session.js (what both share: hzd-search.shared.js), loaded on first focus or when
 *   the page is idle.
 * - `iife`: dist/widget/hzd-search.iife.js, the same as one classic script (which cannot import).
 * - `worker`: dist/widget/hzd-search.worker.js, the engine (German analysis, search, sharded
 *   loading) as a classic script: started as a Web Worker, or loaded into the page where workers
 *   are unavailable. Copied to dist/lib/ for the npm build, with the cooperation index
 *   (hzd-kooperationen.index.json, also in dist/widget/).
 * - `lib`: dist/lib/*.js, entries for bundlers (`hzd-search-widget`, `hzd-search-widget/core`,
 *   `hzd-search-widget/solr`) with
 *   lit and minisearch left as dependencies; the engine and the default index are files next to
 *   it that bundlers copy (see locations.lib.ts).
 * - `cli`: dist/cli.js, the `hzd-search-index` command for Node.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { builtinModules } from 'node:module';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const SCRIPT_TAG_ENTRY = 'src/bundle.ts';
const DEFAULT_INDEX = 'src/generated/default-index.json';
/** The folder of the script-tag files. */
const WIDGET = 'dist/widget';

/**
 * Lit keeps CSS and HTML in template literals, which no JavaScript minifier touches. Comments and
 * the indentation between tags and declarations are dead weight in the script-tag bundle.
 * minify-literals parses the source (nested templates included, which a regular expression
 * cannot follow) and minifies each literal with an HTML and a CSS minifier that keep the
 * whitespace text needs.
 */
function minifyTemplateLiterals(): Plugin {
  return {
    name: 'hzd-minify-template-literals',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      if (!/\b(html|svg|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * Chooses where the loader finds the engine and the default index (src/backends/static/
 * locations*.ts): next to the script-tag file, or as assets of the npm build.
 */
function locations(variant: 'bundle' | 'lib'): Plugin {
  return {
    name: 'hzd-locations',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/locations.js') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved?.id.endsWith('/backends/static/locations.ts')) return null;
      return resolved.id.replace(/locations\.ts$/, `locations.${variant}.ts`);
    },
  };
}

/**
 * The two asset URLs of locations.lib.ts, written in the form bundlers recognise, relative to the
 * chunk they end up in (the files are in dist/lib/ itself).
 */
function libraryAssetUrls(): Plugin {
  const files: Record<string, string> = {
    HZD_LIB_ENGINE_URL: 'hzd-search.worker.js',
    HZD_LIB_DEFAULT_INDEX_URL: 'hzd-kooperationen.index.json',
  };
  return {
    name: 'hzd-library-asset-urls',
    renderChunk(code, chunk) {
      const up = '../'.repeat(chunk.fileName.split('/').length - 1) || './';
      const result = code.replace(/\bHZD_LIB_[A-Z_]+_URL\b/g, (name) =>
        files[name] ? `new URL('${up}${files[name]}', import.meta.url)` : name,
      );
      return result === code ? null : { code: result, map: null };
    },
  };
}

/** The default index as a classic script (see locations.bundle.ts), for pages opened from disk. */
function defaultIndexScript(to: string): Plugin {
  return {
    name: 'hzd-default-index-script',
    writeBundle() {
      const json = readFileSync(DEFAULT_INDEX, 'utf8');
      writeFileSync(to, `globalThis.__hzdSearchDefaultIndex=${JSON.stringify(json)};\n`);
    },
  };
}

/** Copies built files next to others (the engine and the default index into dist/lib). */
function copyFiles(copies: [from: string, to: string][]): Plugin {
  return {
    name: 'hzd-copy-files',
    writeBundle() {
      for (const [from, to] of copies) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
      }
    },
  };
}

function scriptTag(format: 'es' | 'iife'): UserConfig {
  return {
    plugins: [locations('bundle'), minifyTemplateLiterals()],
    build: {
      outDir: WIDGET,
      emptyOutDir: false,
      target: 'es2021',
      sourcemap: process.env.HZD_SOURCEMAP === '1',
      lib: {
        entry: SCRIPT_TAG_ENTRY,
        formats: [format],
        name: 'HzdSearch',
        fileName: () => (format === 'es' ? 'hzd-search.js' : 'hzd-search.iife.js'),
      },
      rolldownOptions: {
        // Library mode keeps whitespace in ES output for readable bundles; this one is shipped
        // as it is, so it is minified fully. The ES module loads what searching needs as a file
        // of its own (hzd-search.session.js); a classic script cannot import one, so the
        // classic build keeps it inside.
        output: {
          codeSplitting: format === 'es',
          minify: true,
          // What searching needs, and what the script shares with it (Lit, the texts).
          // SolrSource (solr-url) is a dynamic entry of its own, loaded only by pages using Solr.
          // What it shares with the script and the session without Lit (text helpers) is a
          // small file of its own, so the names stay unique and stable.
          chunkFileNames: (chunk) => {
            if (chunk.isDynamicEntry) {
              return chunk.name === 'solr-source' ? 'hzd-search.solr.js' : 'hzd-search.session.js';
            }
            // Rolldown names its (then empty, dropped) runtime chunk first: not one of ours.
            if (!chunk.moduleIds.length) return 'hzd-search.runtime.js';
            return chunk.moduleIds.some((id) => /[\\/]node_modules[\\/](lit|@lit)/.test(id))
              ? 'hzd-search.shared.js'
              : 'hzd-search.text.js';
          },
        },
      },
    },
  };
}

const libraryDependencies = [/^lit($|\/)/, /^@lit\//, /^minisearch($|\/)/];

const configs: Record<string, () => UserConfig> = {
  bundle: () => scriptTag('es'),
  iife: () => scriptTag('iife'),
  worker: () => ({
    plugins: [
      copyFiles([
        [`${WIDGET}/hzd-search.worker.js`, 'dist/lib/hzd-search.worker.js'],
        [DEFAULT_INDEX, `${WIDGET}/hzd-kooperationen.index.json`],
        [DEFAULT_INDEX, 'dist/lib/hzd-kooperationen.index.json'],
      ]),
      defaultIndexScript(`${WIDGET}/hzd-kooperationen.index.js`),
    ],
    build: {
      outDir: WIDGET,
      emptyOutDir: false,
      target: 'es2021',
      sourcemap: false,
      lib: {
        entry: 'src/backends/static/engine-worker.ts',
        formats: ['iife'],
        name: 'HzdSearchEngine',
        fileName: () => 'hzd-search.worker.js',
      },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  }),
  lib: () => ({
    plugins: [locations('lib'), libraryAssetUrls()],
    build: {
      outDir: 'dist/lib',
      emptyOutDir: true,
      target: 'es2021',
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          core: 'src/core/index.ts',
          solr: 'src/backends/solr/index.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: libraryDependencies,
        // Stable names: the package's file list is pinned by a test (test/e2e/pack.test.ts), and
        // content hashes buy no caching in a versioned npm package.
        output: { chunkFileNames: 'chunks/[name].js' },
      },
    },
  }),
  cli: () => ({
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      ssr: 'src/cli/main.ts',
      rolldownOptions: {
        external: [
          ...builtinModules,
          /^node:/,
          /^yaml($|\/)/,
          /^parse5($|\/)/,
          /^minisearch($|\/)/,
          /^markdown-it($|\/)/,
          /^smol-toml($|\/)/,
          /^picomatch($|\/)/,
          /^unpdf($|\/)/,
        ],
        output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node', codeSplitting: false },
      },
    },
  }),
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config) {
    throw new Error(`Unknown build mode "${mode}"; use one of ${Object.keys(configs).join(', ')}.`);
  }
  return config();
});
