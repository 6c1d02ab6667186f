/**
 * Builds of the package, one per mode (`vite build --mode <mode>`), run in turn by `npm run build`:
 *
 * - `bundle`: dist/hzd-search.js, the ES module for a script tag: Lit, both components and the
 *   loader, defining the elements when loaded. Nothing else: the engine and the cooperation
 *   index are the files next to it, fetched on first focus.
 * - `iife`: dist/hzd-search.iife.js, the same as a classic script.
 * - `worker`: dist/hzd-search.worker.js, the engine (German analysis, search, sharded loading) as
 *   a classic script: started as a Web Worker, or loaded into the page where workers are
 *   unavailable. Also copied to dist/lib/ for the npm build.
 * - `lib`: dist/lib/*.js, entries for bundlers (`hzd-search-widget`, `hzd-search-widget/core`) with
 *   lit and minisearch left as dependencies; the engine and the default index are files next to
 *   it that bundlers copy (see locations.lib.ts). The default index is also
 *   dist/hzd-kooperationen.index.json.
 * - `cli`: dist/cli.js, the `hzd-search-index` command for Node.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { builtinModules } from 'node:module';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const SCRIPT_TAG_ENTRY = 'src/bundle.ts';
const DEFAULT_INDEX = 'src/generated/default-index.json';

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

/** The two asset URLs of locations.lib.ts, written in the form bundlers recognise. */
function libraryAssetUrls(): Plugin {
  const urls: Record<string, string> = {
    HZD_LIB_ENGINE_URL: "new URL('./hzd-search.worker.js', import.meta.url)",
    HZD_LIB_DEFAULT_INDEX_URL: "new URL('./hzd-kooperationen.index.json', import.meta.url)",
  };
  return {
    name: 'hzd-library-asset-urls',
    renderChunk(code) {
      const result = code.replace(/\bHZD_LIB_[A-Z_]+_URL\b/g, (name) => urls[name] ?? name);
      return result === code ? null : { code: result, map: null };
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
      outDir: 'dist',
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
        // of its own (dist/hzd-search.session.js); a classic script cannot import one, so the
        // classic build keeps it inside.
        output: {
          codeSplitting: format === 'es',
          minify: true,
          // What searching needs, and what the script shares with it (Lit, the texts).
          chunkFileNames: (chunk) =>
            chunk.isDynamicEntry ? 'hzd-search.session.js' : 'hzd-search.shared.js',
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
        ['dist/hzd-search.worker.js', 'dist/lib/hzd-search.worker.js'],
        [DEFAULT_INDEX, 'dist/hzd-kooperationen.index.json'],
        [DEFAULT_INDEX, 'dist/lib/hzd-kooperationen.index.json'],
      ]),
    ],
    build: {
      outDir: 'dist',
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
        entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
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
