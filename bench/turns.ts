// Head turns in the LFW development set, measured with the app's own `headTurn` on the
// detector's keypoints: which people have photos turned clearly to each side, and how
// well a turned photo still matches a template enrolled from that person's frontal ones.
// It tells which photos a challenge clip can be built from, and whether the challenge's
// turn thresholds and the verification threshold fit real turned faces.
//
//   npx vite build --mode harness && npx tsx bench/turns.ts [--min-photos 4]
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceKeypoints } from '../src/biometrics/geometry';
import { defaultChallengePolicy as policy } from '../src/biometrics/liveness/challenge';
import { headTurn } from '../src/biometrics/liveness/headTurn';
import { lfwDevDir } from './lib/faces';
import { faceUrl, openHarness } from './lib/harness';
import { cosine } from './lib/embedPhotos';

interface Measured {
  photo: string;
  turn: number;
  yawDegrees: number;
  embedding: number[];
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minPhotos = arg('--min-photos', 4);
const images = join(lfwDevDir(), 'images');

const people: [string, string[]][] = [];
for (const person of (await readdir(images)).sort()) {
  const photos = (await readdir(join(images, person))).filter((f) => f.endsWith('.jpg')).sort();
  if (photos.length >= minPhotos) people.push([person, photos.map((p) => `${person}/${p}`)]);
}

const harness = await openHarness({ imagesDir: images });
try {
  const init = await harness.page.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
  if ('error' in init) throw new Error(JSON.stringify(init.error));
  const all: Measured[] = [];
  for (const [, photos] of people) {
    const rows = await harness.page.evaluate(async (urls) => {
      const out = [];
      for (const url of urls) {
        const r = await window.facegate.analyzeUrl(url, { embed: 'largest' });
        const face = r.value?.faces[0];
        out.push(
          face?.embedding
            ? { keypoints: face.keypoints, yaw: face.quality.yawDegrees, embedding: face.embedding }
            : null,
        );
      }
      return out;
    }, photos.map(faceUrl));
    rows.forEach((row, i) => {
      if (!row) return;
      all.push({
        photo: photos[i]!,
        turn: headTurn(row.keypoints as FaceKeypoints),
        yawDegrees: row.yaw,
        embedding: row.embedding,
      });
    });
  }

  // 1. How turn and the tragion yaw relate, over every photo.
  const turns = all.map((m) => m.turn).sort((a, b) => a - b);
  const q = (p: number) => turns[Math.floor(p * (turns.length - 1))]!.toFixed(3);
  console.log(`${all.length} photos of ${people.length} people with ≥ ${minPhotos} photos`);
  console.log(`headTurn quantiles 5/25/50/75/95 %: ${[0.05, 0.25, 0.5, 0.75, 0.95].map(q)}`);
  const left = all.filter((m) => m.turn >= policy.turnedAt).length;
  const right = all.filter((m) => m.turn <= -policy.turnedAt).length;
  const straight = all.filter((m) => Math.abs(m.turn) <= policy.straightWithin).length;
  console.log(
    `straight (|turn| ≤ ${policy.straightWithin}): ${straight}; left (≥ ${policy.turnedAt}): ${left}; right: ${right}`,
  );

  // 2. People with a photo turned each way and a frontal one; similarity of each photo to
  // a template from the person's other frontal photos.
  console.log('\nperson: photo turn yaw° similarity-to-frontal-template');
  for (const [person] of people) {
    const mine = all.filter((m) => m.photo.startsWith(`${person}/`));
    const hasLeft = mine.some((m) => m.turn >= policy.turnedAt);
    const hasRight = mine.some((m) => m.turn <= -policy.turnedAt);
    const frontal = mine.filter((m) => Math.abs(m.turn) <= policy.straightWithin);
    if (!hasLeft || !hasRight || frontal.length === 0) continue;
    console.log(person);
    for (const m of mine.sort((a, b) => a.turn - b.turn)) {
      const others = frontal.filter((f) => f !== m).map((f) => f.embedding);
      const mean = others.length ? meanOf(others) : null;
      const sim = mean ? cosine(m.embedding, mean).toFixed(3) : '—';
      console.log(`  ${m.photo} ${m.turn.toFixed(3)} ${m.yawDegrees.toFixed(1)} ${sim}`);
    }
  }
} finally {
  await harness.close();
}

function meanOf(vectors: number[][]): number[] {
  const out = new Array<number>(vectors[0]!.length).fill(0);
  for (const v of vectors) {
    const n = Math.hypot(...v);
    v.forEach((x, i) => (out[i]! += x / n));
  }
  return out;
}
