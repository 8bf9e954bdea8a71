// White-box adversarial examples against the embedder, on LFW impostor pairs: how often
// a perturbed impostor crop is accepted as the victim at the 0.1 % FAR threshold, with
// and without a randomised resize-and-crop defence, and what the defence costs in
// genuine accepts.
//
//   npm run bench:adversarial -- [--impostors 10] [--genuine 120] [--steps 10]
//                                [--eot-eps 2] [--eot-views 4] [--seed 7]
//
// The attacker perturbs the aligned 150×150 crop (after detection and alignment), with
// full knowledge of the weights. Crops and the victims' embeddings come from the real
// in-browser pipeline; gradients run in Node on tfjs' WASM backend.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { z } from 'zod';
import { thresholdFor, verify } from '../src/biometrics/decision';
import { cosineSimilarity } from '../src/biometrics/similarity';
import { makeTemplate } from '../src/biometrics/templates';
import { selfTestPattern, SELF_TEST_MIN_COSINE } from '../src/engine/selfTest';
import { alignedFaces, toFaceCrop, type AlignedFace } from './lib/adversarial/alignedFaces';
import { choosePairs } from './lib/adversarial/choosePairs';
import { applyResizeCrops, drawResizeCrops, type DefenceSettings } from './lib/adversarial/defence';
import { embedPixels } from './lib/adversarial/embedTensor';
import { linfDistance } from './lib/adversarial/linf';
import { similarityObjective } from './lib/adversarial/objective';
import { attack, fgsmSettings, pgdSettings } from './lib/adversarial/pgd';
import { formatRate, median, tableHeader, tableRow, type Outcome } from './lib/adversarial/report';
import { seededRandom } from './lib/adversarial/stats';
import { loadNodeModel } from './lib/adversarial/tfNode';
import { lfwDevDir } from './lib/faces';
import { openHarness } from './lib/harness';
import { pairsWithPhotos, parsePairs, type LabelledPair } from './lib/pairs';

const EPSILONS = [1, 2, 4, 8] as const;
const HEADLINE_EPS = 2;
const FAR_LEVEL = '0.001' as const;
/** Five views enlarged by up to 10 %: the TAR cost stays small (see SECURITY.md). */
const DEFENCE: DefenceSettings = { views: 5, maxResized: 165 };

const count = z.coerce.number().int().min(1).max(500);
const argsSchema = z.object({
  impostors: count,
  genuine: count,
  steps: z.coerce.number().int().min(1).max(200),
  eotEps: z
    .string()
    .transform((s) => (s.trim() === '' ? [] : s.split(',').map(Number)))
    .refine((list) => list.every((e) => (EPSILONS as readonly number[]).includes(e)), {
      message: `each ε must be one of ${EPSILONS.join(', ')}`,
    }),
  eotViews: z.coerce.number().int().min(1).max(16),
  seed: z.coerce.number().int().min(0),
});
const { values } = parseArgs({
  options: {
    impostors: { type: 'string', default: '10' },
    genuine: { type: 'string', default: '120' },
    steps: { type: 'string', default: '10' },
    'eot-eps': { type: 'string', default: String(HEADLINE_EPS) },
    'eot-views': { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
  },
});
const parsedArgs = argsSchema.safeParse({
  ...values,
  eotEps: values['eot-eps'],
  eotViews: values['eot-views'],
});
if (!parsedArgs.success) {
  console.error(`bench:adversarial: bad arguments: ${z.prettifyError(parsedArgs.error)}`);
  process.exit(2);
}
const args = parsedArgs.data;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// 1. Pairs: a seeded draw of pairsDevTest.txt, with a margin for photos without a face.
const devDir = lfwDevDir();
const imagesDir = join(devDir, 'images');
const { usable: allPairs } = pairsWithPhotos(
  parsePairs(await readFile(join(devDir, 'pairsDevTest.txt'), 'utf8')).pairs,
  (p) => existsSync(join(imagesDir, p)),
);
const margin = 10;
const draw = (same: boolean, n: number, usable?: (photo: string) => boolean) =>
  choosePairs(allPairs, {
    same,
    count: Math.min(n + (usable ? 0 : margin), 500),
    seed: args.seed,
    usable,
  });
const candidates = [...draw(false, args.impostors), ...draw(true, args.genuine)];
const photos = [...new Set(candidates.flatMap((p) => [p.a, p.b]))];

// 2. Aligned crops and embeddings from the real pipeline in the browser.
const model = await loadNodeModel();
const { entry, embedder, weights } = model;
const size = entry.input.size;
const harness = await openHarness({ imagesDir });
let faces: Map<string, AlignedFace | null>;
try {
  const init = await harness.page.evaluate((o) => window.facegate.init(o), {
    backends: ['wasm' as const],
  });
  if (init.error) throw new Error(`engine did not start: ${init.error.message}`);
  faces = await alignedFaces(harness.page, photos, entry.id, size);
} finally {
  await harness.close();
}
const found = (photo: string) => !!faces.get(photo);
const impostorPairs = draw(false, args.impostors, found);
const genuinePairs = draw(true, args.genuine, found);
const face = (photo: string) => faces.get(photo)!;
console.log(
  `${photos.length} photos cropped in the browser (${elapsed()}); ` +
    `${impostorPairs.length} impostor pairs, ${genuinePairs.length} genuine pairs from pairsDevTest.txt (seed ${args.seed})`,
);

// 3. The Node copy must compute what the app computes, before any figure means anything.
const threshold = thresholdFor(entry.thresholds.similarityAtFar, FAR_LEVEL);
const embedCrops = (batch: Float32Array[]) => embedder.embed(batch.map((p) => toFaceCrop(p, size)));
await checkSameModel();

// 4. Genuine accepts with and without the defence (the defence's cost).
const defenderRandom = seededRandom(args.seed ^ 0x5eed);
let tarClean = 0;
let tarDefended = 0;
for (const pair of genuinePairs) {
  const template = makeTemplate(entry.id, [face(pair.a).embedding]);
  if (verify([face(pair.b).embedding], template, entry.id, threshold).accepted) tarClean++;
  if ((await defendedVerdict(face(pair.b).pixels, template)).accepted) tarDefended++;
}
console.log(`genuine pairs scored (${elapsed()})`);

// 5. The attacks: FGSM and PGD at every ε, EOT-PGD (adaptive) where asked.
const attackNames = ['none', 'fgsm', `pgd-${args.steps}`, `eot-pgd-${args.steps}x${args.eotViews}`];
const outcomes = new Map<string, Outcome[]>();
const record = (name: string, eps: number, o: Outcome) => {
  const key = `${name}@${eps}`;
  outcomes.set(key, [...(outcomes.get(key) ?? []), o]);
};
const attackerRandom = seededRandom(args.seed ^ 0xa77ac);
/** Seconds per gradient step, per attack: the figure that sizes N. */
const stepTimes = new Map<string, number[]>();
for (const [i, pair] of impostorPairs.entries()) {
  const x0 = face(pair.a).pixels;
  const victim = face(pair.b).embedding;
  const template = makeTemplate(entry.id, [victim]);
  const judge = async (pixels: Float32Array): Promise<Outcome> => {
    const [embedding] = await embedCrops([pixels]);
    const plain = verify([embedding!], template, entry.id, threshold);
    const defended = await defendedVerdict(pixels, template);
    return {
      accepted: plain.accepted,
      defended: defended.accepted,
      similarity: plain.similarity,
      defendedSimilarity: defended.similarity,
    };
  };
  record('none', 0, await judge(x0));
  const plain = similarityObjective(entry, weights, victim);
  for (const eps of EPSILONS) {
    const runs = [
      ['fgsm', fgsmSettings(eps), plain],
      [`pgd-${args.steps}`, pgdSettings(eps, args.steps), plain],
    ] as const;
    const eot = args.eotEps.includes(eps)
      ? ([
          `eot-pgd-${args.steps}x${args.eotViews}`,
          pgdSettings(eps, args.steps),
          similarityObjective(entry, weights, victim, {
            defence: DEFENCE,
            views: args.eotViews,
            random: attackerRandom,
          }),
        ] as const)
      : null;
    for (const [name, settings, objective] of eot ? [...runs, eot] : runs) {
      const begun = performance.now();
      const { pixels } = attack(x0, objective, settings, attackerRandom);
      stepTimes.set(name, [
        ...(stepTimes.get(name) ?? []),
        (performance.now() - begun) / 1000 / settings.steps,
      ]);
      if (linfDistance(pixels, x0) > eps) throw new Error(`${name} left the ε=${eps} box`);
      record(name, eps, await judge(pixels));
    }
  }
  console.log(`  impostor pair ${i + 1}/${impostorPairs.length} attacked (${elapsed()})`);
}

// 6. The table, then the one-line summary.
const n = impostorPairs.length;
console.log(
  `\nImpostor accepts at FAR ${FAR_LEVEL} (similarity ≥ ${threshold}), ${n} pairs; ` +
    `95 % Wilson intervals (wide at this N):`,
);
console.log(tableHeader());
for (const name of attackNames) {
  for (const eps of name === 'none' ? [0] : EPSILONS) {
    const rows = outcomes.get(`${name}@${eps}`);
    if (rows) console.log(tableRow(name, eps, rows));
  }
}
console.log(
  `(eot-pgd is the adaptive attack, aimed at the defence; medians are the similarity the ` +
    `app compares with the threshold)`,
);
console.log(
  'seconds per gradient step: ' +
    [...stepTimes].map(([name, t]) => `${name} ${median(t).toFixed(2)}`).join(', '),
);
const g = genuinePairs.length;
console.log(
  `\nGenuine accepts, ${g} pairs: tar ${formatRate(tarClean, g)}; ` +
    `with the defence ${formatRate(tarDefended, g)}`,
);

const anyAccepted = (eps: number, field: 'accepted' | 'defended') => {
  const names = attackNames.filter((a) => a !== 'none');
  let hits = 0;
  for (let i = 0; i < n; i++) {
    if (names.some((a) => outcomes.get(`${a}@${eps}`)?.[i]?.[field])) hits++;
  }
  return hits / n;
};
console.log(
  `adversarial eps=${HEADLINE_EPS} far_attack=${anyAccepted(HEADLINE_EPS, 'accepted').toFixed(3)} ` +
    `far_defended=${anyAccepted(HEADLINE_EPS, 'defended').toFixed(3)} ` +
    `tar_cost=${((tarClean - tarDefended) / g).toFixed(3)}`,
);

/** The app's verdict on `views` random resize-and-crop views of one crop (median rule). */
async function defendedVerdict(pixels: Float32Array, template: ReturnType<typeof makeTemplate>) {
  const views = drawResizeCrops(DEFENCE.views, size, DEFENCE.maxResized, defenderRandom);
  const batch = tf.tidy(() =>
    tf.clipByValue(
      tf.round(applyResizeCrops(tf.tensor4d(pixels, [1, size, size, 3]), views)),
      0,
      255,
    ),
  );
  const data = batch.dataSync() as Float32Array;
  batch.dispose();
  const per = size * size * 3;
  const crops = views.map((_, k) => data.slice(k * per, (k + 1) * per));
  return verify(await embedCrops(crops), template, entry.id, threshold);
}

/** Self-test vector, and Node's embeddings against the browser's and the tensor copy's. */
async function checkSameModel(): Promise<void> {
  const [selfTest] = await embedder.embed([{ rgba: selfTestPattern(size), size }]);
  const selfCos = cosineSimilarity(selfTest!, entry.selfTest.expected);
  const sample: LabelledPair[] = impostorPairs.slice(0, 3);
  const crops = sample.map((p) => face(p.a).pixels);
  const app = await embedCrops(crops);
  const browserCos = Math.min(
    ...app.map((e, i) => cosineSimilarity(e, face(sample[i]!.a).embedding)),
  );
  const copy = tf.tidy(() =>
    embedPixels(tf.tensor4d(concatPixels(crops), [crops.length, size, size, 3]), entry, weights),
  );
  const copyRows = copy.arraySync();
  copy.dispose();
  const copyCos = Math.min(...app.map((e, i) => cosineSimilarity(e, copyRows[i]!)));
  console.log(
    `model check: self-test cosine ${selfCos.toFixed(5)}, Node vs browser ${browserCos.toFixed(5)}, ` +
      `differentiable copy vs app ${copyCos.toFixed(6)}`,
  );
  if (selfCos < SELF_TEST_MIN_COSINE || browserCos < 0.999 || copyCos < 0.99999) {
    throw new Error('the Node embedding path does not match the app: figures would be meaningless');
  }
}

function concatPixels(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  parts.forEach((p, i) => out.set(p, i * p.length));
  return out;
}
