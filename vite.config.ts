/**
 * Builds of the package, one per mode (`vite build --mode <mode>`), run in turn by `npm run build`:
 *
 * - `bundle`: dist/hzd-search.js, one self-contained ES module for a script tag: Lit, MiniSearch,
 *   both components and the default index, defining the elements when loaded.
 * - `iife`: dist/hzd-search.iife.js, the same as a classic script.
 * - `lib`: dist/lib/*.js, entries for bundlers (`hzd-search-widget`, `hzd-search-widget/core`) with
 *   lit and minisearch left as dependencies; the default index stays a lazily loaded chunk.
 * - `cli`: dist/cli.js, the `hzd-search-index` command for Node.
 */
import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';

const SCRIPT_TAG_ENTRY = 'src/bundle.ts';

function scriptTag(format: 'es' | 'iife'): UserConfig {
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2021',
      sourcemap: false,
      lib: {
        entry: SCRIPT_TAG_ENTRY,
        formats: [format],
        name: 'HzdSearch',
        fileName: () => (format === 'es' ? 'hzd-search.js' : 'hzd-search.iife.js'),
      },
      rolldownOptions: {
        // One file: the default index, a dynamic import in the npm build, is inlined here.
        output: { codeSplitting: false },
      },
    },
  };
}

const libraryDependencies = [/^lit($|\/)/, /^@lit\//, /^minisearch($|\/)/];

const configs: Record<string, UserConfig> = {
  bundle: scriptTag('es'),
  iife: scriptTag('iife'),
  lib: {
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
      rolldownOptions: { external: libraryDependencies },
    },
  },
  cli: {
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
        ],
        output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node', codeSplitting: false },
      },
    },
  },
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config)
    throw new Error(`Unknown build mode "${mode}"; use one of ${Object.keys(configs).join(', ')}.`);
  return config;
});
