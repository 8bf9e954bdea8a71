import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './bench/lib/harness';
import { servedDir } from './e2e/support/served';

const port = Number(process.env.FACEGATE_E2E_PORT ?? 4173);

// Debian's Chromium, headless; WebGL comes from SwiftShader, so no --disable-gpu.
export default defineConfig({
  testDir: 'e2e',
  timeout: 5 * 60_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    // Tests that route requests (a tampered model, the faces) need them to reach the page's
    // own network: a service worker would answer from its cache instead. The camera
    // sessions (e2e/support/appSession.ts) launch their own contexts, service worker on.
    serviceWorkers: 'block',
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --mode harness --outDir ${servedDir} --host 127.0.0.1 --port ${port} --strictPort --bypass-lock`,
    url: `http://127.0.0.1:${port}/harness.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
