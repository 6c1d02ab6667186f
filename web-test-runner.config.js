// Browser tests: headless Chromium from Debian (no browser downloads on this network).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  concurrency: 2,
};
