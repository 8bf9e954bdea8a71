// Injected faults, each in the real app in a real Chromium: the person reads a plain
// message, nothing stored is lost or half-written, and the app recovers where it can.
// The fault table is e2e/support/faults.ts. WebGPU device loss cannot be produced here
// (no WebGPU hardware), so src/engine/backendLoss.test.ts stands in for the device. A new
// version taking over mid-session has its own file, e2e/takeover.spec.ts.
import { join } from 'node:path';
import { cosineSimilarity } from '../src/biometrics/similarity';
import { engineErrorMessages } from '../src/ui/messages';
import { expect, faceUrl, routeFaces, test } from './fixtures';
import {
  agreeIfAsked,
  enrolWithCamera,
  identifyWithCamera,
  newProfile,
  openScreen,
  verifyWithCamera,
  withCamera,
} from './support/appSession';
import {
  A,
  A_CHALLENGE,
  A_ENROL,
  B,
  B_ENROL,
  expectEnrolled,
  profileWithA,
  startEnrolment,
  stored,
} from './support/faultSession';
import {
  cameraRefusals,
  endTrackMidCapture,
  exceedQuotaOnTemplates,
  failDatabaseOpen,
  faults,
  holdTemplateWrite,
  inEngineWorker,
  noWebGpuAdapterPrelude,
  prefixWorker,
  refuseCamera,
  upgradeFromAnotherTab,
  webglContextsPrelude,
} from './support/faults';

test.describe.configure({ timeout: 5 * 60_000 });

test.describe('camera', () => {
  for (const fault of cameraRefusals) {
    test(fault.title, async ({ baseURL }) => {
      await withCamera(await profileWithA(baseURL!), baseURL!, [B_ENROL], async ({ page }) => {
        await agreeIfAsked(page);
        const before = await stored(page);
        await page.evaluate(refuseCamera, fault.errorName);
        await startEnrolment(page, B);
        await page.getByRole('button', { name: 'Use the camera' }).click();

        await expect(page.getByRole('alert')).toContainText(fault.message);
        expect(await stored(page)).toBe(before);

        // The cause is gone (permission given, camera plugged in or freed): retry works.
        await page.evaluate(() => (window as unknown as { undoFault: () => void }).undoFault());
        await page.getByRole('button', { name: 'Try the camera again' }).click();
        await expect(page.getByTestId('enrol-result')).toContainText(`${B} is enrolled`, {
          timeout: 60_000,
        });
        await expectEnrolled(page, [B, A]);
      });
    });
  }

  test(faults.trackEnded.title, async ({ baseURL }) => {
    await withCamera(await profileWithA(baseURL!), baseURL!, [B_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      const before = await stored(page);
      await page.evaluate(endTrackMidCapture);
      await startEnrolment(page, B);
      await page.getByRole('button', { name: 'Use the camera' }).click();

      await expect(page.getByRole('alert')).toContainText(faults.trackEnded.message);
      expect(
        await page.evaluate(
          () => (window as unknown as { endedTracks: unknown[] }).endedTracks.length,
        ),
      ).toBe(1);
      // No preview holds the dead stream, and nothing was stored from the partial capture.
      await expect(page.locator('video')).toHaveCount(0);
      expect(await stored(page)).toBe(before);

      await page.getByRole('button', { name: 'Try the camera again' }).click();
      await expect(page.getByTestId('enrol-result')).toContainText(`${B} is enrolled`, {
        timeout: 60_000,
      });
      await expectEnrolled(page, [B, A]);
    });
  });
});

test.describe('engine', () => {
  test(faults.noWebGpuAdapter.title, async ({ baseURL, lfwDir }) => {
    expect(lfwDir).toBeTruthy();
    await withCamera(
      newProfile(),
      baseURL!,
      [A_ENROL],
      async ({ page }) => {
        await expect(page.getByTestId('engine-status')).toContainText(
          faults.noWebGpuAdapter.message,
        );
        await agreeIfAsked(page);
        await openScreen(page, 'Settings');
        await expect(page.getByText(/webgpu: not used \(no WebGPU adapter\)/)).toBeVisible();
        await enrolWithCamera(page, A);
      },
      // A fresh profile: no service worker yet, so the worker's script comes from the network.
      { beforeLoad: ({ context }) => prefixWorker(context, noWebGpuAdapterPrelude) },
    );
  });

  test(`${faults.webglContextLost.title}: the detector's, under WASM`, async ({
    baseURL,
    lfwDir,
  }) => {
    expect(lfwDir).toBeTruthy();
    await withCamera(
      newProfile(),
      baseURL!,
      [A_ENROL],
      async ({ page }) => {
        await agreeIfAsked(page);
        await enrolWithCamera(page, A);
        const before = await stored(page);

        const lost = await inEngineWorker(page, () =>
          (self as unknown as { loseWebGL: () => number }).loseWebGL(),
        );
        expect(lost, 'WebGL contexts lost').toBeGreaterThan(0);
        // MediaPipe's CPU delegate carries on without its context: A is still found.
        expect(await identifyWithCamera(page)).toContain(`This is ${A}`);
        expect(JSON.parse(await stored(page)).stores).toEqual({
          ...JSON.parse(before).stores,
          'facegate/attempts': 1,
        });
      },
      { beforeLoad: ({ context }) => prefixWorker(context, webglContextsPrelude) },
    );
  });

  test(`${faults.webglContextLost.title}: the WebGL backend's`, async ({
    page,
    context,
    lfwDir,
  }) => {
    // The app runs on WASM here, so the WebGL backend is chosen through the engine
    // harness, the real worker behind the same client the app uses.
    await prefixWorker(context, webglContextsPrelude);
    await routeFaces(page, join(lfwDir, 'images'));
    await page.goto('/harness.html');
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    const init = await page.evaluate(() => window.facegate.init({ backends: ['webgl', 'wasm'] }));
    expect(init.value?.backend).toBe('webgl');
    const url = faceUrl('Aaron_Sorkin/Aaron_Sorkin_0001.jpg');
    const first = await page.evaluate((u) => window.facegate.analyzeUrl(u), url);
    const reference = first.value!.faces[0]!.embedding!;

    expect(
      await inEngineWorker(page, () =>
        (self as unknown as { loseWebGL: () => number }).loseWebGL(),
      ),
    ).toBeGreaterThan(0);
    // Without a check, the lost backend answers "no face" for ever; the engine refuses
    // the frame instead, and the person reads why.
    const during = await page.evaluate((u) => window.facegate.analyzeUrl(u), url);
    expect(during.error).toMatchObject({ code: 'backend-lost' });
    expect(engineErrorMessages['backend-lost']).toMatch(faults.webglContextLost.message);

    // A new worker has chosen its backend afresh: the same face, the same embedding.
    const after = await page.evaluate((u) => window.facegate.analyzeUrl(u), url);
    const embedding = after.value!.faces[0]!.embedding!;
    expect(cosineSimilarity(embedding, reference)).toBeGreaterThan(0.999);
  });
});

test.describe('storage', () => {
  test(faults.idbOpenFails.title, async ({ baseURL }) => {
    const profile = await profileWithA(baseURL!);
    await withCamera(
      profile,
      baseURL!,
      A_CHALLENGE,
      async ({ page }) => {
        await expect(page.getByTestId('store-error')).toContainText(faults.idbOpenFails.message);
        await expect(page.getByTestId('store-error')).toContainText('Verification is not possible');
        // Nothing else is offered that would need the store.
        await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);

        // Storage allowed again: the reloaded app finds A, who still verifies.
        await page.evaluate(() => sessionStorage.setItem('facegate-fault-off', '1'));
        await page.reload();
        await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
        await expect(page.getByTestId('store-error')).toHaveCount(0);
        expect(await verifyWithCamera(page, A)).toBe('accepted');
      },
      {
        beforeLoad: async ({ context }) => {
          await context.addInitScript(failDatabaseOpen);
        },
      },
    );
  });

  test(faults.quotaExceeded.title, async ({ baseURL }) => {
    await withCamera(await profileWithA(baseURL!), baseURL!, [B_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      const before = await stored(page);
      await page.evaluate(exceedQuotaOnTemplates);
      await startEnrolment(page, B);
      await page.getByRole('button', { name: 'Use the camera' }).click();

      await expect(page.getByTestId('enrol-result')).toContainText(faults.quotaExceeded.message, {
        timeout: 60_000,
      });
      expect(await stored(page)).toBe(before);
      await expectEnrolled(page, [A]);

      // Space freed: the same enrolment goes through.
      await page.evaluate(() => (window as unknown as { undoFault: () => void }).undoFault());
      await enrolWithCamera(page, B);
      await expectEnrolled(page, [B, A]);
    });
  });

  test(faults.connectionClosed.title, async ({ baseURL }) => {
    await withCamera(
      await profileWithA(baseURL!),
      baseURL!,
      A_CHALLENGE,
      async ({ page, context }) => {
        await agreeIfAsked(page);
        const before = await stored(page);

        const other = await context.newPage();
        await other.goto('/manifest.webmanifest');
        expect(await other.evaluate(upgradeFromAnotherTab)).toBe('AbortError');
        await other.close();

        await openScreen(page, 'Manage');
        await expect(page.getByText(faults.connectionClosed.message)).toBeVisible();

        await page.reload();
        await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
        expect(await stored(page)).toBe(before);
        expect(await verifyWithCamera(page, A)).toBe('accepted');
      },
    );
  });
});

test.describe('page', () => {
  test(faults.pageClosedMidEnrolment.title, async ({ baseURL }) => {
    const profile = await profileWithA(baseURL!);
    let before = '';
    await withCamera(profile, baseURL!, [B_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      before = await stored(page);
      await page.evaluate(holdTemplateWrite);
      await startEnrolment(page, B);
      await page.getByRole('button', { name: 'Use the camera' }).click();
      await page.waitForFunction(
        () => (window as unknown as { templateWriteStarted: boolean }).templateWriteStarted,
        undefined,
        { timeout: 60_000 },
      );
      // withCamera closes the browser here, with B's write still open.
    });

    await withCamera(profile, baseURL!, A_CHALLENGE, async ({ page }) => {
      await agreeIfAsked(page);
      expect(await stored(page)).toBe(before);
      await expectEnrolled(page, [A]);
      expect(await verifyWithCamera(page, A)).toBe('accepted');
    });
  });
});
