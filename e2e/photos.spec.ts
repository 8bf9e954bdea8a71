// Enrolment and identification from photo files the person picks, and the enrolment
// form's own checks: a name that cannot be used is refused before the camera or a file
// is asked for, and a finished enrolment leads on to the next one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { agreeIfAsked, openScreen } from './support/appSession';

const A = 'Hans Blix';
const A_PHOTO = 'Hans_Blix/Hans_Blix_0002.jpg';

async function pickPhoto(page: Page, lfwDir: string, photo: string): Promise<void> {
  await page.getByLabel('Or use a photo or video file').setInputFiles({
    name: photo.split('/').pop()!,
    mimeType: 'image/jpeg',
    buffer: await readFile(join(lfwDir, 'images', photo)),
  });
}

async function chooseName(page: Page, name: string): Promise<void> {
  await openScreen(page, 'Enrol');
  await page.getByLabel('Name or ID').fill(name);
  await page.getByRole('button', { name: 'Next: capture the face' }).click();
}

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

test('photos: names checked first, enrol from a photo, then identify with that same photo', async ({
  page,
  lfwDir,
}) => {
  await page.goto('/');
  await agreeIfAsked(page);
  await expect(page.getByTestId('engine-status')).toContainText('Ready', { timeout: 120_000 });
  const picker = page.getByLabel('Or use a photo or video file');

  // Names no one could read back are refused before any capture starts.
  for (const invisible of ['\u200b', 'Ha\u200bns', '\u2060\u200d']) {
    await chooseName(page, invisible);
    await expect(page.getByRole('alert')).toContainText('Choose another name');
    await expect(picker).toHaveCount(0);
  }

  await chooseName(page, A);
  await pickPhoto(page, lfwDir, A_PHOTO);
  await expect(page.getByTestId('enrol-result')).toContainText(`${A} is enrolled`, {
    timeout: 60_000,
  });

  // The next enrolment starts from an empty form, from the button or the menu.
  await page.getByRole('button', { name: 'Enrol someone else' }).click();
  await expect(page.getByLabel('Name or ID')).toHaveValue('');
  await openScreen(page, 'Enrol');
  await expect(page.getByLabel('Name or ID')).toHaveValue('');

  // The same name, in other case and spacing, is refused before the capture.
  await chooseName(page, `  ${A.toUpperCase()} `);
  await expect(page.getByRole('alert')).toContainText('is already enrolled here');
  await expect(picker).toHaveCount(0);

  // The enrolment photo itself scores at the very top of the scale, and is found.
  await openScreen(page, 'Identify');
  await pickPhoto(page, lfwDir, A_PHOTO);
  const verdict = page.getByTestId('identify-result').locator('[data-verdict]');
  await expect(verdict).toContainText(`This is ${A}`, { timeout: 60_000 });
});
