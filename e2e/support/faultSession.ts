// The people and profiles the fault tests share: A enrolled once, copied for each test.
import { cpSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { agreeIfAsked, enrolWithCamera, newProfile, openScreen, withCamera } from './appSession';
import { POSED, challengeClip } from './challengeClips';
import { storageDump, userData } from './storage';

// A verifies by following the liveness challenge, with photos of A in each pose.
export const A = POSED.name;
export const A_ENROL = POSED.enrol;
export const A_CHALLENGE = { clip: await challengeClip(POSED.poses) };
export const B = 'Hans Blix';
export const B_ENROL = 'Hans_Blix/Hans_Blix_0014.jpg';

let base: Promise<string> | null = null;

/** A profile where A is enrolled, made once; each test works on its own copy. */
export async function profileWithA(baseURL: string): Promise<string> {
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
export async function stored(page: Page): Promise<string> {
  return JSON.stringify(userData(await storageDump(page)));
}

export async function startEnrolment(page: Page, name: string): Promise<void> {
  // Another screen first, so that Enrol starts afresh.
  await openScreen(page, 'Settings');
  await openScreen(page, 'Enrol');
  await page.getByLabel('Name or ID').fill(name);
  await page.getByRole('button', { name: 'Next: capture the face' }).click();
}

export async function expectEnrolled(page: Page, names: string[]): Promise<void> {
  await openScreen(page, 'Manage');
  for (const name of names) await expect(page.getByRole('rowheader', { name })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveCount(names.length);
}
