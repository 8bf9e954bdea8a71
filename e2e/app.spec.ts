import manifestJson from '../models/manifest.json' with { type: 'json' };
import { expect, test } from './fixtures';

const modelPath = manifestJson.embedders.find((e) => e.id === manifestJson.defaultEmbedder)!
  .files[1]!.path;

test.describe('the app page', () => {
  let cspViolations: string[];

  test.beforeEach(async ({ page }) => {
    cspViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  test('loads the models under the strict CSP and says which backend runs', async ({ page }) => {
    const offOrigin: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1')) offOrigin.push(r.url());
    });
    await page.goto('/');
    const status = page.getByTestId('engine-status');
    await expect(status).toContainText('Loading the face models');
    await expect(status).toContainText(/Ready\. Running on (WASM|WEBGL|WEBGPU)/);
    await page.getByText('Why this backend').click();
    await expect(page.getByText(/wasm: used \(self-test passed/)).toBeVisible();
    expect(offOrigin).toEqual([]);
    expect(cspViolations).toEqual([]);
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
