import manifestJson from '../models/manifest.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { agreeIfAsked, openScreen } from './support/appSession';

const modelPath = manifestJson.embedders.find((e) => e.id === manifestJson.defaultEmbedder)!
  .files[1]!.path;

test.describe('the app page', () => {
  let cspViolations: string[];
  let offOrigin: string[];

  test.beforeEach(async ({ page, baseURL }) => {
    cspViolations = [];
    offOrigin = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !/^(blob|data):/.test(r.url())) offOrigin.push(r.url());
    });
  });

  test.afterEach(() => {
    expect(offOrigin, 'requests that left the origin').toEqual([]);
    expect(cspViolations, 'CSP violations').toEqual([]);
  });

  test('asks for consent first, then loads the models and says which backend runs', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
    await agreeIfAsked(page);
    await expect(page.getByTestId('engine-status')).toContainText(
      /Ready\. Running on (WASM|WEBGL|WEBGPU)/,
    );
    await openScreen(page, 'Settings');
    await expect(page.getByText(/wasm: used \(self-test passed/)).toBeVisible();
  });

  test('the detector range setting restarts the engine with the full-range detector', async ({
    page,
  }) => {
    await page.goto('/');
    await agreeIfAsked(page);
    await openScreen(page, 'Settings');
    await expect(page.getByTestId('backend')).toContainText('blazeface-short-range');
    await page.getByLabel('Distance to the camera').selectOption('full');
    await expect(page.getByTestId('engine-status')).toContainText('Ready');
    await openScreen(page, 'Settings');
    await expect(page.getByTestId('backend')).toContainText('blazeface-full-range');
  });

  test('a tampered model is refused and the page says so', async ({ page }) => {
    await page.route(`**/${modelPath}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[0] = body[0]! ^ 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto('/');
    const status = page.getByTestId('engine-status');
    await expect(status).toContainText('failed its integrity check');
    await expect(status.locator('[data-code]')).toHaveAttribute('data-code', 'model-integrity');
  });
});
