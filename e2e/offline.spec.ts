// The installed app without a network: the service worker's copy of the app, the wasm
// runtimes and the models must carry a cold start, an enrolment and a verification.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  agreeIfAsked,
  enrolWithCamera,
  newProfile,
  verifyWithCamera,
  withCamera,
} from './support/appSession';
import { POSED, challengeClip } from './support/challengeClips';

const A = POSED.name;
const A_ENROL = POSED.enrol;
// Verification asks for head turns: A's photos doing them, in the tests' challenge order.
const A_CHALLENGE = { clip: await challengeClip(POSED.poses) };

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

/** A request for something never cached: it can only succeed through the network. */
function fetchUncached(page: Page): Promise<string> {
  return page.evaluate(() =>
    fetch(`/not-cached-${Date.now()}.txt`, { cache: 'no-store' }).then(
      (r) => `status ${r.status}`,
      () => 'network error',
    ),
  );
}

test.describe('installed and offline', () => {
  const profile = newProfile();

  test('the first visit saves an offline copy; offline, the app reloads and enrols', async ({
    baseURL,
    lfwDir,
  }) => {
    expect(lfwDir).toBeTruthy();
    await withCamera(profile, baseURL!, [A_ENROL], async ({ page, context }) => {
      await agreeIfAsked(page);
      await expect(page.getByTestId('offline-status')).toHaveAttribute('data-phase', 'ready', {
        timeout: 60_000,
      });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      await context.setOffline(true);
      expect(await fetchUncached(page)).toBe('network error');
      await page.reload();
      await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
      await enrolWithCamera(page, A);
    });
  });

  test('a cold start with no network verifies the person enrolled offline', async ({ baseURL }) => {
    await withCamera(
      profile,
      baseURL!,
      A_CHALLENGE,
      async ({ page }) => {
        expect(await fetchUncached(page)).toBe('network error');
        expect(await verifyWithCamera(page, A)).toBe('accepted');
      },
      { beforeLoad: ({ context }) => context.setOffline(true) },
    );
  });
});

test('when the browser refuses the storage, offline use is unavailable and the app still works', async ({
  baseURL,
}) => {
  await withCamera(
    newProfile(),
    baseURL!,
    [A_ENROL],
    async ({ page }) => {
      await expect(page.getByTestId('offline-status')).toHaveAttribute(
        'data-phase',
        'unavailable',
        { timeout: 60_000 },
      );
      await expect(page.getByTestId('offline-status')).toContainText('still works');
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
    },
    {
      // Far less than the models need, enough for the store's few records.
      beforeLoad: async ({ context, page }) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Storage.overrideQuotaForOrigin', {
          origin: new URL(baseURL!).origin,
          quotaSize: 4_000_000,
        });
      },
    },
  );
});
