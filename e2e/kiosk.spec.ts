// Kiosk mode with the fake camera and real faces: enrol in normal mode, set a PIN, run
// the kiosk in identification, let it forget, then leave it and lock it with wrong PINs.
// The steps share one browser profile, in order; each new session is a reload.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  agreeIfAsked,
  enrolWithCamera,
  newProfile,
  openScreen,
  withCamera,
} from './support/appSession';

const A = 'Paul Wolfowitz';
const A_ENROL = 'Paul_Wolfowitz/Paul_Wolfowitz_0004.jpg';
const A_IDENTIFY = 'Paul_Wolfowitz/Paul_Wolfowitz_0005.jpg';
const PIN = '246810';
const WRONG = '135790';
const IDLE_SECONDS = 3;

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });
const startIdentification = (page: Page) =>
  page.getByRole('button', { name: 'Start identification' });

/** Types `pin` into the operator prompt and submits it; the prompt's answer. */
async function tryPin(page: Page, pin: string, answer: RegExp): Promise<void> {
  const message = page.getByTestId('operator-message');
  await page.getByLabel('Operator PIN').fill(pin);
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(message).toHaveText(answer);
}

test.describe('kiosk mode', () => {
  const profile = newProfile();

  test('1. enrol A, then set the PIN that kiosk mode needs, a short idle time and identification', async ({
    baseURL,
  }) => {
    await withCamera(profile, baseURL!, [A_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);

      await openScreen(page, 'Kiosk mode');
      const start = page.getByRole('button', { name: 'Start kiosk mode' });
      await expect(start).toBeDisabled();
      await page.getByLabel('New operator PIN').fill('12ab');
      await page.getByLabel('Repeat the new PIN').fill('12ab');
      await page.getByRole('button', { name: 'Set the operator PIN' }).click();
      await expect(page.getByTestId('pin-message')).toHaveText(/6 to 12 digits/);
      await expect(start).toBeDisabled();
      await page.getByLabel('New operator PIN').fill(PIN);
      await page.getByLabel('Repeat the new PIN').fill(PIN);
      await page.getByRole('button', { name: 'Set the operator PIN' }).click();
      await expect(page.getByTestId('kiosk-pin-state')).toHaveText(/The operator PIN is set/);
      await expect(start).toBeEnabled();

      await openScreen(page, 'Settings');
      await expect(page.getByRole('button', { name: 'Change the operator PIN' })).toBeVisible();
      await page.getByLabel('The kiosk offers').selectOption('identify');
      await page.getByLabel('Seconds without use').fill(String(IDLE_SECONDS));
      await openScreen(page, 'Kiosk mode');
      await expect(page.getByText(`after ${IDLE_SECONDS} seconds without use`)).toBeVisible();
    });
  });

  test('2. the kiosk names A, then forgets A after the idle time', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_IDENTIFY], async ({ page }) => {
      await openScreen(page, 'Kiosk mode');
      await page.getByRole('button', { name: 'Start kiosk mode' }).click();
      await expect(startIdentification(page)).toBeVisible();
      await expect(nav(page)).toHaveCount(0);
      // Fullscreen, or a plain notice that the kiosk runs in the window.
      const fullscreen = await page.evaluate(() => document.fullscreenElement !== null);
      if (!fullscreen) await expect(page.getByText(/fullscreen/i).first()).toBeVisible();

      await startIdentification(page).click();
      const result = page.getByTestId('kiosk-result');
      await expect(result).toContainText(`Identified: ${A}.`, { timeout: 60_000 });
      const shownAt = Date.now();

      await expect(startIdentification(page)).toBeVisible({ timeout: 15_000 });
      // Not before the idle time, which restarts when the result is shown. The test sees
      // the result up to a poll (and, on a busy machine, a second or so) after it
      // appeared, so the floor allows that much; a reset that skips the wait still fails.
      expect(Date.now() - shownAt).toBeGreaterThanOrEqual((IDLE_SECONDS - 1.5) * 1000);
      await expect(result).toBeEmpty();
      await expect(page.getByText(A)).toHaveCount(0);
      await expect(page.getByLabel('Camera preview')).toHaveCount(0);
    });
  });

  test('3. a reload stays in kiosk mode; the right PIN leaves it', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_IDENTIFY], async ({ page }) => {
      await expect(startIdentification(page)).toBeVisible();
      await expect(nav(page)).toHaveCount(0);

      await page.getByRole('button', { name: 'Operator' }).click();
      await tryPin(page, WRONG, /That PIN is wrong\. 4 tries left/);
      await page.getByLabel('Operator PIN').fill(PIN);
      await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
      await expect(nav(page)).toBeVisible();
      await openScreen(page, 'Manage');
      await expect(page.getByRole('rowheader', { name: A })).toBeVisible();

      await openScreen(page, 'Kiosk mode');
      await page.getByRole('button', { name: 'Start kiosk mode' }).click();
      await expect(startIdentification(page)).toBeVisible();
    });
  });

  test('4. five wrong PINs lock operator access, also after a reload', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_IDENTIFY], async ({ page }) => {
      await page.getByRole('button', { name: 'Operator' }).click();
      // The right PIN in step 3 ended the last run of wrong ones.
      for (const left of [4, 3, 2, 1]) {
        // eslint-disable-next-line security/detect-non-literal-regexp -- a count of ours
        await tryPin(page, WRONG, new RegExp(`That PIN is wrong\\. ${left} tr(y|ies) left`));
      }
      await tryPin(
        page,
        WRONG,
        /That PIN is wrong\. Too many wrong PINs: .* locked for 30 seconds/,
      );
      await tryPin(
        page,
        PIN,
        /^Too many wrong PINs: operator access is locked for \d+ seconds?\.$/,
      );
      await expect(nav(page)).toHaveCount(0);

      // Straight after the reload, without waiting for the face models: the lock is stored.
      await page.reload();
      await page.getByRole('button', { name: 'Operator' }).click();
      await tryPin(page, PIN, /^Too many wrong PINs: operator access is locked/);
      await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 60_000 });
      await expect(startIdentification(page)).toBeVisible();
      await expect(nav(page)).toHaveCount(0);
    });
  });
});
