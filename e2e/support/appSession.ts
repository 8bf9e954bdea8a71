// Drives the real app as a person would, in a Chromium whose camera plays a clip of
// real face photos. Sessions share one profile folder, so what one stores the next finds:
// that is how a reload, or the next day, looks to the app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../bench/lib/harness';
import { TEST_CHALLENGE_SEED } from './challengeClips';
import { clipFor, fakeCameraArgs } from './clips';

export interface AppSession {
  page: Page;
  context: BrowserContext;
  /** Requests to any other origin (there must be none). */
  offOrigin: string[];
  /** Content-Security-Policy violations the browser reported. */
  cspViolations: string[];
}

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'facegate-profile-'));
}

export interface CameraOptions {
  /** Runs before the app's page is first opened (to go offline, or to limit storage). */
  beforeLoad?: (session: AppSession) => Promise<void>;
}

/**
 * Opens the app in `profile` with the camera showing `camera`: photos, each held for a
 * second, or a clip already made (a challenge clip). The app opens with the tests'
 * challenge seed, so its liveness challenge asks for `testActions`.
 */
export async function withCamera<T>(
  profile: string,
  baseURL: string,
  camera: string[] | { clip: string },
  use: (session: AppSession) => Promise<T>,
  options: CameraOptions = {},
): Promise<T> {
  const clip = Array.isArray(camera) ? await clipFor(camera) : camera.clip;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...fakeCameraArgs(clip)],
    baseURL,
    // The config blocks service workers for the routed tests, and its defaults reach
    // this context too; the app as people use it has one.
    serviceWorkers: 'allow',
  });
  const session: AppSession = {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    offOrigin: [],
    cspViolations: [],
  };
  context.on('request', (r) => {
    if (!r.url().startsWith(baseURL) && !/^(blob|data):/.test(r.url()))
      session.offOrigin.push(r.url());
  });
  session.page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) session.cspViolations.push(m.text());
  });
  try {
    await options.beforeLoad?.(session);
    await session.page.goto(`./?challengeSeed=${TEST_CHALLENGE_SEED}`);
    await expect(session.page.getByTestId('engine-status')).toContainText('Ready', {
      timeout: 60_000,
    });
    const result = await use(session);
    expect(session.offOrigin, 'requests that left the origin').toEqual([]);
    expect(session.cspViolations, 'CSP violations').toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

export async function agreeIfAsked(page: Page): Promise<void> {
  const agree = page.getByRole('button', { name: 'I understand and agree' });
  const nav = page.getByRole('navigation', { name: 'Screens' });
  // The store opens first: wait until the page shows one or the other.
  await expect(agree.or(nav)).toBeVisible();
  if (await agree.isVisible()) await agree.click();
  await expect(nav).toBeVisible();
}

export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
}

export async function enrolWithCamera(page: Page, name: string): Promise<void> {
  await openScreen(page, 'Enrol');
  await page.getByLabel('Name or ID').fill(name);
  await page.getByRole('button', { name: 'Next: capture the face' }).click();
  await page.getByRole('button', { name: 'Use the camera' }).click();
  await expect(page.getByTestId('enrol-result')).toContainText(`${name} is enrolled`, {
    timeout: 60_000,
  });
}

/**
 * Verifies `name` with the camera, which must play a clip that follows the challenge
 * (or fails it); the verdict's data-verdict (accepted or rejected).
 */
export async function verifyWithCamera(page: Page, name: string): Promise<string> {
  // Leave and come back, so that no verdict of an earlier attempt is on the screen.
  await openScreen(page, 'Settings');
  await openScreen(page, 'Verify');
  await page.getByLabel('Who is this?').selectOption({ label: name });
  await page.getByRole('button', { name: 'Start verification' }).click();
  const result = page.getByTestId('verify-result');
  const camera = page.getByRole('button', { name: 'Use the camera' });
  // A lockout answers before any capture starts.
  await expect(camera.or(result.locator('.verdict'))).toBeVisible();
  if (await camera.isVisible()) await camera.click();
  const verdict = result.locator('[data-verdict], .verdict').first();
  await expect(verdict).toBeVisible({ timeout: 60_000 });
  return (await verdict.getAttribute('data-verdict')) ?? (await verdict.innerText());
}

export async function identifyWithCamera(page: Page): Promise<string> {
  await openScreen(page, 'Identify');
  await page.getByRole('button', { name: 'Use the camera' }).click();
  const verdict = page.getByTestId('identify-result').locator('[data-verdict]');
  await expect(verdict).toBeVisible({ timeout: 60_000 });
  return verdict.innerText();
}
