// Component + unit tests in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/kit/chromium.mjs';

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)), // repo root, so /node_modules resolves in workspaces
  files: [fileURLToPath(new URL('src/**/*.test.ts', import.meta.url))],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // The same browser and flags as the end-to-end tests and the benches.
      launchOptions: { executablePath: ensureChromium(), args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
