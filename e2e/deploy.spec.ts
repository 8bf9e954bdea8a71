// The production nginx configuration (deploy/nginx/) serving the built app, with
// Debian's real nginx: every response carries the security headers, each kind of file is
// cached as it should be, and the real app enrols and verifies a real face under those
// headers with no CSP violation and no request to another origin.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { repoRoot } from '../bench/lib/faces';
import { expect, test } from './fixtures';
import {
  agreeIfAsked,
  enrolWithCamera,
  newProfile,
  verifyWithCamera,
  withCamera,
} from './support/appSession';
import { POSED, challengeClip } from './support/challengeClips';
import { startNginx, type Nginx } from './support/nginx';
import { servedDir } from './support/served';
import { expectSecurityHeaders } from './support/securityHeaders';

const A = POSED.name;
const A_ENROL = POSED.enrol;
// Verification asks for head turns: A's photos doing them, in the tests' challenge order.
const A_CHALLENGE = { clip: await challengeClip(POSED.poses) };

const built = servedDir;
const immutable = 'public, max-age=31536000, immutable';
const revalidated = /^(no-cache|no-store)\b/;

interface PinnedFile {
  path: string;
  sha256: string;
}

/** Every model and runtime file the app loads, with its pinned hash. */
async function pinnedFiles(): Promise<PinnedFile[]> {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'models', 'manifest.json'), 'utf8'));
  return [
    ...manifest.runtime,
    ...manifest.detectors.map((d: { file: PinnedFile }) => d.file),
    ...manifest.embedders.flatMap((e: { files: PinnedFile[] }) => e.files),
    ...manifest.passiveLiveness.flatMap((e: { files: PinnedFile[] }) => e.files),
  ];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

test.describe('the production nginx configuration', () => {
  let nginx: Nginx;
  // Enrolment and verification share it, as a person's browser would.
  let profile: string;

  test.beforeAll(async () => {
    nginx = await startNginx(built);
    profile = newProfile();
  });

  test.afterAll(async () => {
    await nginx?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function get(request: APIRequestContext, path: string, headers = {}) {
    const response = await request.get(`${nginx.origin}${path}`, { headers });
    expectSecurityHeaders(response, path);
    return response;
  }

  const cacheControl = (response: APIResponse) => response.headers()['cache-control'] ?? '';

  test('index.html and client-side routes: the page, revalidated', async ({ request }) => {
    const page = await readFile(join(built, 'index.html'), 'utf8');
    for (const path of ['/', '/index.html', '/enrol/someone']) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
      expect(await response.text(), path).toBe(page);
      expect(cacheControl(response), path).toMatch(revalidated);
    }
  });

  test('hashed assets: cached for a year, immutable; a missing one is a plain 404', async ({
    request,
  }) => {
    const page = await readFile(join(built, 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const path of scripts) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toMatch(/javascript/);
      expect(await response.body(), path).toEqual(await readFile(join(built, path)));
      expect(cacheControl(response), path).toBe(immutable);
    }
    const missing = await get(request, '/assets/missing-0123abcd.js');
    expect(missing.status()).toBe(404);
    expect(cacheControl(missing)).not.toContain('immutable');
  });

  test('models and runtimes: the pinned bytes, wasm as application/wasm, revalidated', async ({
    request,
  }) => {
    const files = await pinnedFiles();
    expect(files.some((f) => f.path.endsWith('.wasm'))).toBe(true);
    for (const file of files) {
      const path = `/${file.path}`;
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      expect(sha256(await response.body()), path).toBe(file.sha256);
      expect(cacheControl(response), path).toMatch(revalidated);
      if (path.endsWith('.wasm')) {
        expect(response.headers()['content-type'], path).toBe('application/wasm');
      }

      // Revalidation answers 304, with the same headers.
      const etag = response.headers()['etag'];
      expect(etag, path).toBeTruthy();
      const again = await get(request, path, { 'If-None-Match': etag! });
      expect(again.status(), `${path} revalidated`).toBe(304);
      expect(cacheControl(again), path).toMatch(revalidated);
    }
    const missing = await get(request, '/models/missing.bin');
    expect(missing.status(), 'a missing model is not the page').toBe(404);
  });

  test('service worker files: revalidated, never the page in their place', async ({ request }) => {
    const emitted = (await readdir(built)).filter((f) => /^(sw|workbox-[^/]+)\.js$/.test(f));
    expect(emitted, 'the build emits a service worker and its Workbox runtime').toHaveLength(2);
    for (const file of emitted) {
      const response = await get(request, `/${file}`);
      expect(response.status(), file).toBe(200);
      expect(response.headers()['content-type'], file).toMatch(/javascript/);
      expect(cacheControl(response), file).toMatch(revalidated);
    }
    // A name no release has: a 404, not index.html handed to the browser as a script.
    const missing = await get(request, '/workbox-00000000.js');
    expect(missing.status()).toBe(404);
    expect(cacheControl(missing)).toMatch(revalidated);
  });

  test('health check for the probes', async ({ request }) => {
    const response = await get(request, '/healthz');
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('ok\n');
  });

  test('the browser applies the policies, and reports no error in them', async ({ page }) => {
    const complaints: string[] = [];
    page.on('console', (m) => {
      if (/Permissions.Policy|Content.Security.Policy|Cross-Origin/i.test(m.text())) {
        complaints.push(m.text());
      }
    });
    await page.goto(`${nginx.origin}/`);
    await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
    const applied = await page.evaluate(() => {
      // Chromium's view of the Permissions-Policy; not in TypeScript's DOM types.
      const policy = (document as { featurePolicy?: { allowsFeature(f: string): boolean } })
        .featurePolicy;
      return {
        isolated: crossOriginIsolated,
        camera: policy?.allowsFeature('camera'),
        microphone: policy?.allowsFeature('microphone'),
        geolocation: policy?.allowsFeature('geolocation'),
      };
    });
    expect(applied).toEqual({
      isolated: true,
      camera: true,
      microphone: false,
      geolocation: false,
    });
    expect(complaints).toEqual([]);
  });

  test('enrol with the camera through nginx', async ({ lfwDir }) => {
    expect(lfwDir).toBeTruthy();
    await withCamera(profile, `${nginx.origin}/`, [A_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
      // The service worker installs under COEP and the CSP: the app is kept for offline use.
      await expect(page.getByTestId('offline-status')).toHaveAttribute('data-phase', 'ready', {
        timeout: 120_000,
      });
    });
  });

  test('verify with other photos following the challenge through nginx: accepted', async () => {
    await withCamera(profile, `${nginx.origin}/`, A_CHALLENGE, async ({ page }) => {
      expect(await verifyWithCamera(page, A)).toBe('accepted');
      await expect(page.getByTestId('verify-result')).toContainText(`Accepted: this is ${A}`);
    });
  });
});
