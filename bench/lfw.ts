// Runs the whole in-browser pipeline (real worker, MediaPipe detection, alignment,
// embedding) over an LFW pairs file and prints the standard figures.
//
//   npm run bench:lfw -- --pairs FILE --images DIR [--backend wasm] [--embedder ID]
//                        [--calibrate]
//
// --calibrate also writes the similarity thresholds at FAR 1 %, 0.1 % and 0.01 % into
// models/manifest.json, estimated over every different-person pair of the file's photos,
// and the threshold of best accuracy on the file's pairs. --record writes the accuracy at
// that threshold as the model's evaluation (run it on pairs not used to calibrate).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  bestAccuracyThreshold,
  equalErrorRate,
  accuracyAt,
  thresholdAtFar,
  type ScoredPair,
} from '../src/biometrics/calibration';
import type { EngineStatus } from '../src/shared/engineApi';
import { cosine, embedPhotos, type PhotoEmbedding } from './lib/embedPhotos';
import { lfwDevDir, repoRoot } from './lib/faces';
import { openHarness } from './lib/harness';
import { pairsWithPhotos, parsePairs, type LabelledPair } from './lib/pairs';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string' },
    images: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
    embedder: { type: 'string' },
    calibrate: { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
  },
});

const manifestPath = join(repoRoot, 'models', 'manifest.json');
const devDir = values.pairs && values.images ? '' : lfwDevDir();
const pairsFile = values.pairs ?? join(devDir, 'pairsDevTest.txt');
const imagesDir = values.images ?? join(devDir, 'images');

const parsed = parsePairs(await readFile(pairsFile, 'utf8'));
const { folds } = parsed;
const { usable: pairs, missing } = pairsWithPhotos(parsed.pairs, (p) =>
  existsSync(join(imagesDir, p)),
);
const photos = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
console.log(`${pairs.length} pairs, ${photos.length} photos, ${folds} fold(s)`);
if (missing.length) {
  console.log(`left out ${missing.length} pair(s) naming a photo absent from ${imagesDir}`);
}

const harness = await openHarness({ imagesDir });
let status: EngineStatus;
let embeddings: Map<string, PhotoEmbedding>;
try {
  const init = await harness.page.evaluate((o) => window.facegate.init(o), {
    backends: [values.backend as 'wasm' | 'webgl' | 'webgpu'],
    allowSoftwareGpu: true,
    ...(values.embedder ? { embedderId: values.embedder } : {}),
  });
  if (init.error) throw new Error(`engine did not start: ${init.error.message}`);
  status = init.value!;
  const started = Date.now();
  embeddings = await embedPhotos(harness.page, photos, (done) => {
    if (done % 500 === 0 || done === photos.length) {
      console.log(
        `  ${done}/${photos.length} photos (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  });
} finally {
  await harness.close();
}

// A photo whose face was not found fails its pairs: similarity −∞, never skipped.
const scorePair = (p: LabelledPair): ScoredPair => {
  const a = embeddings.get(p.a)?.embedding;
  const b = embeddings.get(p.b)?.embedding;
  return { similarity: a && b ? cosine(a, b) : -Infinity, samePerson: p.same };
};
const scored = pairs.map(scorePair);
const undetected = photos.filter((p) => !embeddings.get(p)?.embedding);
if (undetected.length) {
  console.log(`no face found in ${undetected.length} photos: ${undetected.slice(0, 5).join(', ')}`);
}

let accuracy: number;
let threshold: number;
if (folds > 1) {
  // 10-fold protocol: each fold is scored at the threshold chosen on the other nine.
  const perFold = [];
  for (let k = 0; k < folds; k++) {
    const train = scored.filter((_, i) => pairs[i]!.fold !== k);
    const test = scored.filter((_, i) => pairs[i]!.fold === k);
    perFold.push(accuracyAt(test, bestAccuracyThreshold(train).threshold));
  }
  accuracy = perFold.reduce((s, a) => s + a, 0) / folds;
  threshold = bestAccuracyThreshold(scored).threshold;
  console.log(`fold accuracies: ${perFold.map((a) => a.toFixed(3)).join(' ')}`);
} else {
  ({ accuracy, threshold } = bestAccuracyThreshold(scored));
}
const atFar = thresholdAtFar(scored, 0.001);
const eer = equalErrorRate(scored);

if (values.calibrate) await calibrate();
if (values.record) await record();

console.log(
  `lfw pairs=${pairs.length} accuracy=${accuracy.toFixed(4)} ` +
    `tar_at_far_0.001=${atFar.trueAcceptRate.toFixed(4)} eer=${eer.toFixed(4)} ` +
    `threshold=${threshold.toFixed(4)} model=${status.embedderId} backend=${status.backend}`,
);

/** Thresholds from every different-person pair among the photos (far more than the file's). */
async function calibrate(): Promise<void> {
  const people = photos
    .map((p) => ({ person: p.split('/')[0]!, e: embeddings.get(p)?.embedding }))
    .filter((x): x is { person: string; e: number[] } => !!x.e);
  const impostors: ScoredPair[] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      if (people[i]!.person !== people[j]!.person) {
        impostors.push({ similarity: cosine(people[i]!.e, people[j]!.e), samePerson: false });
      }
    }
  }
  const genuine = scored.filter((s) => s.samePerson);
  const all = [...genuine, ...impostors];
  const levels = { '0.01': 0.01, '0.001': 0.001, '0.0001': 0.0001 } as const;
  const { manifest, entry } = await manifestEntry();
  for (const [key, far] of Object.entries(levels)) {
    const point = thresholdAtFar(all, far);
    entry.thresholds.similarityAtFar[key] = Number(point.threshold.toFixed(4));
    console.log(
      `calibrated FAR ${key}: similarity ≥ ${point.threshold.toFixed(4)} ` +
        `(TAR ${point.trueAcceptRate.toFixed(4)} over ${genuine.length} genuine, ${impostors.length} impostor pairs)`,
    );
  }
  entry.thresholds.bestAccuracy = Number(threshold.toFixed(4));
  entry.thresholds.calibratedOn =
    `${pairsFile.split('/').slice(-2).join('/')}: ${genuine.length} same-person pairs, ` +
    `${impostors.length} different-person pairs among its photos`;
  await writeManifest(manifest);
}

/** Accuracy on these pairs at the calibrated threshold, as the model's evaluation. */
async function record(): Promise<void> {
  const { manifest, entry } = await manifestEntry();
  const at = accuracyAt(scored, entry.thresholds.bestAccuracy);
  entry.evaluation = {
    pairs: `${pairsFile.split('/').slice(-2).join('/')}: ${pairs.length} pairs`,
    accuracy: Number(at.toFixed(4)),
    backend: status.backend,
  };
  console.log(
    `accuracy at the calibrated threshold ${entry.thresholds.bestAccuracy}: ${at.toFixed(4)}`,
  );
  await writeManifest(manifest);
}

async function manifestEntry() {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const entry = manifest.embedders.find((e: { id: string }) => e.id === status.embedderId);
  return { manifest, entry };
}

async function writeManifest(manifest: unknown): Promise<void> {
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
}
