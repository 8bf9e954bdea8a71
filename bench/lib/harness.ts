// Starts the built engine harness (vite preview of dist-harness) and headless Debian
// Chromium driving it, with the face photos served to the page from outside the repo.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { repoRoot } from './faces';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A loopback port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('vite preview exited early');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export interface Harness {
  page: Page;
  origin: string;
  /** Every request the page made to another origin (there must be none). */
  offOrigin: string[];
  close(): Promise<void>;
}

/** Opens the harness page with window.facegate ready; photos from imagesDir at /__faces/. */
export async function openHarness(
  options: { imagesDir?: string; webgpu?: boolean } = {},
): Promise<Harness> {
  const { imagesDir, webgpu = false } = options;
  if (!existsSync(join(repoRoot, 'dist-harness', 'harness.html'))) {
    throw new Error('dist-harness/ is missing: run `npx vite build --mode harness` first');
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--mode',
      'harness',
      '--outDir',
      'dist-harness',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--bypass-lock',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Never outlive this process, even when it ends on an error.
  const stopServer = () => server.kill();
  process.once('exit', stopServer);
  let serverErrors = '';
  server.stderr?.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));
  try {
    await waitForServer(`${origin}/harness.html`, server).catch((error: Error) => {
      throw new Error(`${error.message}\n${serverErrors}`);
    });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...chromiumArgs, ...(webgpu ? ['--enable-unsafe-webgpu'] : [])],
    });
    const page = await browser.newPage();
    const offOrigin: string[] = [];
    page.on('request', (r) => {
      if (
        !r.url().startsWith(origin) &&
        !r.url().startsWith('blob:') &&
        !r.url().startsWith('data:')
      ) {
        offOrigin.push(r.url());
      }
    });
    if (imagesDir) {
      await page.route(`${origin}/__faces/**`, async (route) => {
        const rel = decodeURIComponent(
          new URL(route.request().url()).pathname.slice('/__faces/'.length),
        );
        try {
          const body = await readFile(join(imagesDir, rel));
          await route.fulfill({ body, contentType: 'image/jpeg' });
        } catch {
          await route.fulfill({ status: 404, body: 'missing' });
        }
      });
    }
    await page.goto(`${origin}/harness.html`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    return {
      page,
      origin,
      offOrigin,
      async close() {
        await browser.close();
        server.kill();
      },
    };
  } catch (error) {
    server.kill();
    throw error;
  }
}

/** URL under which the page reads a photo from imagesDir. */
export function faceUrl(relativePath: string): string {
  return `/__faces/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}
