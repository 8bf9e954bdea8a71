import { chromiumArgs, chromiumPath } from '../bench/lib/harness';
import { expect, faceUrl, test } from './fixtures';

// Headless Chromium here offers WebGPU only as a software adapter, and only with this
// flag: enough to check that the WebGPU path computes correctly, not to measure it.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--enable-unsafe-webgpu'],
  },
});

test('a software WebGPU adapter is passed over for WASM, and says why', async ({ harness }) => {
  const init = await harness.evaluate(() => window.facegate.init({}));
  expect(init.error).toBeUndefined();
  const [webgpu] = init.value!.backendAttempts;
  expect(webgpu).toMatchObject({ backend: 'webgpu', ok: false });
  expect(webgpu!.reason).toMatch(/software|no WebGPU adapter|not available/);
  expect(init.value!.backend).toBe('wasm');
});

test('the WebGPU backend passes the self-test and embeds a real face', async ({ harness }) => {
  test.setTimeout(10 * 60_000);
  const available = await harness.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return !!gpu && !!(await gpu.requestAdapter());
  });
  test.skip(!available, 'this Chromium offers no WebGPU adapter at all');

  const init = await harness.evaluate(() =>
    window.facegate.init({ backends: ['webgpu'], allowSoftwareGpu: true }),
  );
  expect(init.error).toBeUndefined();
  expect(init.value!.backend).toBe('webgpu');
  expect(init.value!.backendAttempts[0]!.reason).toMatch(/self-test passed/);

  const r = await harness.evaluate(
    (u) => window.facegate.analyzeUrl(u),
    faceUrl('Aaron_Sorkin/Aaron_Sorkin_0001.jpg'),
  );
  const embedding = r.value!.faces[0]!.embedding!;
  expect(embedding.every(Number.isFinite)).toBe(true);
  expect(Math.hypot(...embedding)).toBeCloseTo(1, 4);
});
