import { test as base, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lfwDevDir } from '../bench/lib/faces';

export { expect };

interface Fixtures {
  /** The LFW development set's folder; the test fails with a clear message when absent. */
  lfwDir: string;
  /** The engine harness page, photos served at /__faces/, no request off the origin. */
  harness: Page;
}

/** Serves the real face photos to the page without putting them in the app. */
export async function routeFaces(page: Page, imagesDir: string): Promise<void> {
  await page.route('**/__faces/**', async (route) => {
    const rel = decodeURIComponent(
      new URL(route.request().url()).pathname.slice('/__faces/'.length),
    );
    try {
      await route.fulfill({
        body: await readFile(join(imagesDir, rel)),
        contentType: 'image/jpeg',
      });
    } catch {
      await route.fulfill({ status: 404, body: 'missing' });
    }
  });
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  lfwDir: async ({}, use) => {
    await use(lfwDevDir());
  },
  harness: async ({ page, lfwDir, baseURL }, use) => {
    const offOrigin: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseURL!) && !/^(blob|data):/.test(url)) offOrigin.push(url);
    });
    await routeFaces(page, join(lfwDir, 'images'));
    await page.goto('/harness.html');
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    await use(page);
    expect(offOrigin, 'requests that left the origin').toEqual([]);
  },
});

export function faceUrl(photo: string): string {
  return `/__faces/${photo}`;
}
