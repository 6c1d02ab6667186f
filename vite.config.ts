/**
 * Builds of the package, one per mode (`vite build --mode <mode>`), run in turn by `npm run build`:
 *
 * - `bundle`: dist/hzd-search.js, one self-contained ES module for a script tag: Lit, MiniSearch,
 *   both components and the default index, defining the elements when loaded.
 * - `iife`: dist/hzd-search.iife.js, the same as a classic script.
 * - `budget`: dist/budget/hzd-search.noindex.js, the script-tag bundle with the index left out,
 *   only to check the size budget (not published).
 * - `lib`: dist/lib/*.js, entries for bundlers (`hzd-search-widget`, `hzd-search-widget/core`) with
 *   lit and minisearch left as dependencies; the default index stays a lazily loaded chunk and is
 *   also copied to dist/hzd-kooperationen.index.json.
 * - `cli`: dist/cli.js, the `hzd-search-index` command for Node.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
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

/** Replaces the default index by nothing, to measure the bundle without it. */
function withoutDefaultIndex(): Plugin {
  return {
    name: 'hzd-without-default-index',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('generated/default-index.json') ? '\0no-index' : null),
    load: (id) => (id === '\0no-index' ? 'export default null;' : null),
  };
}

function copyDefaultIndex(): Plugin {
  return {
    name: 'hzd-copy-default-index',
    writeBundle() {
      mkdirSync('dist', { recursive: true });
      copyFileSync(DEFAULT_INDEX, 'dist/hzd-kooperationen.index.json');
    },
  };
}

function scriptTag(format: 'es' | 'iife', outDir = 'dist', fileName?: string): UserConfig {
  return {
    plugins: [minifyTemplateLiterals()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2021',
      sourcemap: process.env.HZD_SOURCEMAP === '1',
      lib: {
        entry: SCRIPT_TAG_ENTRY,
        formats: [format],
        name: 'HzdSearch',
        fileName: () => fileName ?? (format === 'es' ? 'hzd-search.js' : 'hzd-search.iife.js'),
      },
      rolldownOptions: {
        // One file: the default index, a dynamic import in the npm build, is inlined here.
        // Library mode keeps whitespace in ES output for readable bundles; this one is shipped
        // as it is, so it is minified fully.
        output: { codeSplitting: false, minify: true },
      },
    },
  };
}

const libraryDependencies = [/^lit($|\/)/, /^@lit\//, /^minisearch($|\/)/];

const configs: Record<string, () => UserConfig> = {
  bundle: () => scriptTag('es'),
  iife: () => scriptTag('iife'),
  budget: () => {
    const config = scriptTag('es', 'dist/budget', 'hzd-search.noindex.js');
    config.plugins = [withoutDefaultIndex(), ...(config.plugins ?? [])];
    return config;
  },
  lib: () => ({
    plugins: [copyDefaultIndex()],
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
