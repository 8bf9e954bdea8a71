// Median milliseconds per frame for each stage of Facegate's pipeline on every backend
// that works here, then @vladmandic/human's own face detection + description on the
// same frames in the same browser run, and the tensor count before and after N frames.
//
//   npm run bench:speed -- [--frames 10000] [--photos 40] [--webgpu]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { lfwDevDir, repoRoot } from './lib/faces';
import { faceUrl, openHarness } from './lib/harness';
import { parsePairs } from './lib/pairs';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '10000' },
    photos: { type: 'string', default: '40' },
    'stage-frames': { type: 'string', default: '300' },
    webgpu: { type: 'boolean', default: false },
  },
});
const leakFrames = Number(values.frames);
const stageFrames = Number(values['stage-frames']);
const dir = lfwDevDir();
const { pairs } = parsePairs(await readFile(join(dir, 'pairsDevTest.txt'), 'utf8'));
const photos = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].slice(0, Number(values.photos));
const urls = photos.map(faceUrl);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (x: number) => x.toFixed(1).padStart(8);

const harness = await openHarness({ imagesDir: join(dir, 'images'), webgpu: values.webgpu });
const { page } = harness;
await serveHuman(page);

console.log(
  `frames: ${photos.length} LFW photos (150×150), ${stageFrames} timed frames per backend`,
);
console.log('backend     detect    align    embed    total   (median ms per frame)');
const totals: Record<string, number> = {};
for (const backend of ['webgpu', 'wasm', 'webgl'] as const) {
  const init = await page.evaluate((b) => window.facegate.init({ backends: [b] }), backend);
  if (init.error) {
    console.log(`${backend.padEnd(8)}  not used: ${init.error.message}`);
    continue;
  }
  await page.evaluate((u) => window.facegate.timeFrames(u, 20, { embed: 'largest' }), urls);
  const run = await page.evaluate(
    ([u, n]) => window.facegate.timeFrames(u, n, { embed: 'largest' }),
    [urls, stageFrames] as const,
  );
  const t = run.value!;
  totals[backend] = median(t.map((x) => x.totalMs));
  console.log(
    `${backend.padEnd(8)}${fmt(median(t.map((x) => x.detectMs)))} ${fmt(median(t.map((x) => x.alignMs)))} ` +
      `${fmt(median(t.map((x) => x.embedMs)))} ${fmt(totals[backend])}`,
  );
}
const fastest = Object.entries(totals).sort((a, b) => a[1] - b[1])[0];
if (!fastest) throw new Error('no backend worked');
const [backend, facegateMs] = fastest as ['webgpu' | 'wasm' | 'webgl', number];

// Human on the same photos, its own detector and descriptor, on the same backend.
const humanMs = await page.evaluate(
  async ([u, n, b]) => {
    const { Human } = await import(/* @vite-ignore */ '/__human/dist/human.esm.js' as string);
    const human = new Human({
      backend: b,
      wasmPath: '/__human/wasm/',
      modelBasePath: '/__human/models/',
      async: true,
      warmup: 'none',
      cacheSensitivity: 0,
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 1 },
        mesh: { enabled: false },
        iris: { enabled: false },
        attention: { enabled: false },
        description: { enabled: true },
        emotion: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      gesture: { enabled: false },
    });
    await human.load();
    const bitmaps = await Promise.all(
      u.map(async (url) => createImageBitmap(await (await fetch(url)).blob())),
    );
    const canvases = bitmaps.map((bm) => {
      const c = new OffscreenCanvas(bm.width, bm.height);
      c.getContext('2d')!.drawImage(bm, 0, 0);
      return c;
    });
    const times: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      const start = performance.now();
      const result = await human.detect(canvases[i % canvases.length]);
      if (i >= 20) times.push(performance.now() - start);
      if (!result.face) throw new Error('human returned no face list');
    }
    times.sort((a, b) => a - b);
    return times[times.length >> 1]!;
  },
  [urls, stageFrames, backend] as const,
);
console.log(`human (face detection + description) on ${backend}: ${fmt(humanMs)} ms`);

// Leaks: tensors held before and after many frames on the chosen backend.
await page.evaluate((b) => window.facegate.init({ backends: [b] }), backend);
await page.evaluate((u) => window.facegate.timeFrames(u, 10, {}), urls);
const before = (await page.evaluate(() => window.facegate.memory())).value!;
const started = Date.now();
await page.evaluate(([u, n]) => window.facegate.timeFrames(u, n, {}), [urls, leakFrames] as const);
const after = (await page.evaluate(() => window.facegate.memory())).value!;
console.log(
  `tensors before ${before.numTensors} (${before.numBytes} B), after ${leakFrames} frames ` +
    `${after.numTensors} (${after.numBytes} B), ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
await harness.close();

console.log(
  `speed facegate_ms=${facegateMs.toFixed(1)} human_ms=${humanMs.toFixed(1)} ` +
    `ratio=${(facegateMs / humanMs).toFixed(2)} frames=${stageFrames} backend=${backend}`,
);

/** Human and its models, served to the page for this benchmark only (not in the app). */
async function serveHuman(p: Page): Promise<void> {
  const roots: Record<string, string> = {
    '/__human/dist/': join(repoRoot, 'node_modules/@vladmandic/human/dist/'),
    '/__human/models/': join(repoRoot, 'node_modules/@vladmandic/human/models/'),
    '/__human/wasm/': join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'),
  };
  await p.route('**/__human/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const prefix = Object.keys(roots).find((r) => path.startsWith(r));
    const name = prefix ? path.slice(prefix.length) : '';
    if (!prefix || name.includes('..')) return route.fulfill({ status: 404 });
    const type = name.endsWith('.js')
      ? 'text/javascript'
      : name.endsWith('.wasm')
        ? 'application/wasm'
        : name.endsWith('.json')
          ? 'application/json'
          : 'application/octet-stream';
    try {
      await route.fulfill({ body: await readFile(join(roots[prefix]!, name)), contentType: type });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
}
