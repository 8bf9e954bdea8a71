// What the passive liveness models say about LFW photos: every one of them is a photo, so
// when a clip of it plays as the camera, each is a presentation attack. The share scoring
// as live at a cut-off is the share such an attack would get past that model alone.
//
//   npx vite build --mode harness && npx tsx bench/passive.ts [--limit N]
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lfwDevDir } from './lib/faces';
import { faceUrl, openHarness } from './lib/harness';

const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const images = join(lfwDevDir(), 'images');
const photos: string[] = [];
for (const person of (await readdir(images)).sort()) {
  for (const f of (await readdir(join(images, person))).sort()) photos.push(`${person}/${f}`);
}
const chosen = photos.slice(0, limit);

const harness = await openHarness({ imagesDir: images });
try {
  const init = await harness.page.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
  if ('error' in init) throw new Error(JSON.stringify(init.error));
  const scores: Record<string, number[]> = {};
  for (let start = 0; start < chosen.length; start += 100) {
    const rows = await harness.page.evaluate(
      async (urls) => {
        const out = [];
        for (const url of urls) {
          const r = await window.facegate.analyzeUrl(url, {
            embed: 'largest',
            passiveLiveness: true,
          });
          out.push(r.value?.faces[0]?.livenessScores ?? null);
        }
        return out;
      },
      chosen.slice(start, start + 100).map(faceUrl),
    );
    for (const row of rows) {
      for (const [id, v] of Object.entries(row ?? {})) (scores[id] ??= []).push(v);
    }
  }
  console.log(`${chosen.length} LFW photos, every one a photo (an attack when replayed)`);
  for (const [id, values] of Object.entries(scores)) {
    const sorted = [...values].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!.toFixed(3);
    const live = (cut: number) =>
      ((100 * values.filter((v) => v >= cut).length) / values.length).toFixed(1);
    console.log(
      `${id}: ${values.length} faces; quantiles 5/25/50/75/95 %: ${[0.05, 0.25, 0.5, 0.75, 0.95].map(q).join(' ')}; ` +
        `scored live at ≥ 0.5: ${live(0.5)} %, at ≥ 0.9: ${live(0.9)} %`,
    );
  }
} finally {
  await harness.close();
}
