// Injected faults, each in the real app in a real Chromium: the person reads a plain
// message, nothing stored is lost or half-written, and the app recovers where it can.
// The fault table is e2e/support/faults.ts. WebGPU device loss cannot be produced here
// (no WebGPU hardware), so src/engine/backendLoss.test.ts stands in for the device.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
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
import { POSED, challengeClip } from './support/challengeClips';
import {
  acceptUpdateElsewhere,
  awaitWaitingWorker,
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
  serveNewServiceWorker,
  upgradeFromAnotherTab,
  webglContextsPrelude,
} from './support/faults';
import { storageDump, userData } from './support/storage';

// A verifies by following the liveness challenge, with photos of A in each pose.
const A = POSED.name;
const A_ENROL = POSED.enrol;
const A_CHALLENGE = { clip: await challengeClip(POSED.poses) };
const B = 'Hans Blix';
const B_ENROL = 'Hans_Blix/Hans_Blix_0014.jpg';

test.describe.configure({ timeout: 5 * 60_000 });

let base: Promise<string> | null = null;

/** A profile where A is enrolled, made once; each test works on its own copy. */
async function profileWithA(baseURL: string): Promise<string> {
  base ??= (async () => {
    const profile = newProfile();
    await withCamera(profile, baseURL, [A_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
    });
    return profile;
  })();
  const copy = newProfile();
  cpSync(await base, copy, { recursive: true });
  return copy;
}

/** What the person's use of the app has stored, as one comparable string. */
async function stored(page: Page): Promise<string> {
  return JSON.stringify(userData(await storageDump(page)));
}

async function startEnrolment(page: Page, name: string): Promise<void> {
  // Another screen first, so that Enrol starts afresh.
  await openScreen(page, 'Settings');
  await openScreen(page, 'Enrol');
  await page.getByLabel('Name or ID').fill(name);
  await page.getByRole('button', { name: 'Next: capture the face' }).click();
}

async function expectEnrolled(page: Page, names: string[]): Promise<void> {
  await openScreen(page, 'Manage');
  for (const name of names) await expect(page.getByRole('rowheader', { name })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveCount(names.length);
}

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

/** In a page: drops the offline copy, so that the next load runs without a service worker. */
async function dropOfflineCopy(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration?.unregister();
}

/** How the page under test was loaded, relative to its offline copy. */
const starts = {
  under: 'loaded under the offline copy',
  before: 'loaded before the offline copy existed',
  past: 'hard-reloaded past the offline copy',
} as const;

/** What the person does while the new version takes over: begun, then finished and left. */
interface Flow {
  name: string;
  /** What the fake camera plays. */
  camera: string[] | { clip: string };
  /** Up to the button that starts the capture. */
  begin(page: Page): Promise<void>;
  /** Where its outcome shows once the capture has run, and what it says. */
  outcome: { testId: string; text: string | RegExp };
  /** The button that leaves the outcome for a new round. */
  next: string;
  /** Who is enrolled at the end. */
  enrolled: string[];
}

const enrolling: Flow = {
  name: 'enrolling',
  camera: [B_ENROL],
  begin: (page) => startEnrolment(page, B),
  outcome: { testId: 'enrol-result', text: `${B} is enrolled.` },
  next: 'Enrol someone else',
  enrolled: [B, A],
};

const identifying: Flow = {
  name: 'identifying',
  camera: [B_ENROL],
  begin: async (page) => {
    await openScreen(page, 'Settings');
    await openScreen(page, 'Identify');
  },
  outcome: { testId: 'identify-result', text: /Unknown person/ },
  next: 'Identify again',
  enrolled: [A],
};

/**
 * A new version is found and waits; another tab accepts it while the person is in the
 * middle of `flow`. The page must reload only once they leave the flow's outcome.
 */
async function takeOverWhile(page: Page, context: BrowserContext, flow: Flow): Promise<void> {
  await page.evaluate(awaitWaitingWorker);
  await expect(page.getByTestId('update-prompt')).toBeVisible();
  // The copy in use still serves offline while the new version waits.
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-phase', 'ready');

  // The person starts the capture; meanwhile another tab accepts the update, and the new
  // version takes control.
  await page.evaluate(() => ((window as unknown as { sameDocument?: true }).sameDocument = true));
  await flow.begin(page);
  await page.getByRole('button', { name: 'Use the camera' }).click();
  const other = await context.newPage();
  await other.goto('/manifest.webmanifest');
  await other.evaluate(acceptUpdateElsewhere);
  await other.close();
  await expect(page.getByTestId('reload-pending')).toContainText(
    faults.serviceWorkerTakeover.message,
  );

  // The outcome shows, in the same document, and stays until the person moves on.
  const same = () => (window as unknown as { sameDocument?: true }).sameDocument === true;
  await expect(page.getByTestId(flow.outcome.testId)).toContainText(flow.outcome.text, {
    timeout: 60_000,
  });
  expect(await page.evaluate(same)).toBe(true);
  // A while later too: a hold let go soon after the verdict would have reloaded by now.
  await page.waitForTimeout(1_500);
  expect(await page.evaluate(same)).toBe(true);
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await page.getByRole('button', { name: flow.next }).click();
  await reloaded;
  expect(await page.evaluate(same)).toBe(false);
  await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
  await expect(page.getByTestId('reload-pending')).toHaveCount(0);
  await expectEnrolled(page, flow.enrolled);
}

const verifying: Flow = {
  name: 'verifying',
  camera: A_CHALLENGE,
  begin: async (page) => {
    await openScreen(page, 'Settings');
    await openScreen(page, 'Verify');
    await page.getByLabel('Who is this?').selectOption({ label: A });
    await page.getByRole('button', { name: 'Start verification' }).click();
  },
  outcome: { testId: 'verify-result', text: `Accepted: this is ${A}.` },
  next: 'Start verification',
  enrolled: [A],
};

test.describe('service worker', () => {
  // However the page was loaded, a later version taking over must wait until the person
  // has seen the outcome of what they were doing: under the copy; before it (its install
  // then claims the page); or past it with a hard reload, which leaves the page
  // uncontrolled while a worker is active.
  const cases = [
    { start: starts.under, flow: identifying },
    { start: starts.under, flow: verifying },
    { start: starts.before, flow: enrolling },
    { start: starts.past, flow: enrolling },
  ];
  for (const { start, flow } of cases) {
    const title = `${faults.serviceWorkerTakeover.title}: page ${start}, while ${flow.name}`;
    test(title, async ({ baseURL }) => {
      const profile = await profileWithA(baseURL!);
      await withCamera(profile, baseURL!, flow.camera, async ({ page, context }) => {
        await agreeIfAsked(page);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 60_000,
        });
        if (start === starts.before) {
          await page.evaluate(dropOfflineCopy);
          await page.reload();
        } else if (start === starts.past) {
          const cdp = await context.newCDPSession(page);
          const loaded = page.waitForEvent('load');
          await cdp.send('Page.reload', { ignoreCache: true });
          await loaded;
        }
        if (start !== starts.under) {
          expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
          await agreeIfAsked(page);
        }
        // Only a first install claims the page now; a hard-reloaded page stays unclaimed.
        if (start === starts.before) {
          await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
            timeout: 60_000,
          });
        }
        await expect(page.getByTestId('offline-status')).toHaveAttribute('data-phase', 'ready', {
          timeout: 60_000,
        });
        // The new version stays served until the test ends: any update check meanwhile
        // (a navigation in scope makes one) then finds it, not the old one again.
        const restore = await serveNewServiceWorker();
        try {
          await takeOverWhile(page, context, flow);
        } finally {
          await restore();
        }
      });
    });
  }
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
