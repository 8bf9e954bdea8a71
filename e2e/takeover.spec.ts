// A new version of the app taking over mid-session (another tab accepted it): the page
// must reload onto it, but only once the person has left what they were doing, however
// the page was loaded. The fault's wording is in e2e/support/faults.ts.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { agreeIfAsked, openScreen, withCamera } from './support/appSession';
import {
  A,
  A_CHALLENGE,
  B,
  B_ENROL,
  expectEnrolled,
  profileWithA,
  startEnrolment,
} from './support/faultSession';
import {
  acceptUpdateElsewhere,
  awaitWaitingWorker,
  faults,
  serveNewServiceWorker,
} from './support/faults';

test.describe.configure({ timeout: 5 * 60_000 });

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
