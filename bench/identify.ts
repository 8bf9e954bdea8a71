// Median milliseconds per 1:N search of TemplateIndex over synthetic galleries of random
// 128-D unit templates (a seeded generator, so every run searches the same vectors).
// Random vectors stand in for real templates: search time depends on the gallery's size
// and dimension, not on what the faces look like.
//
//   npm run bench:identify
import { TemplateIndex } from '../src/biometrics/decision';

const DIM = 128;
const SIZES = [1_000, 10_000, 100_000];
const SEARCHES = 201;
const WARM_UP = 10;
// Only for the sanity check: a stored template found again scores 1.
const SELF_MATCH = 0.9999;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function uniform(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit vectors uniform on the sphere: normalised standard normals (Box–Muller). */
function randomUnitVectors(count: number, dim: number, seed: number): Float32Array {
  const next = uniform(seed);
  const out = new Float32Array(count * dim);
  for (let v = 0; v < count; v++) {
    const row = out.subarray(v * dim, (v + 1) * dim);
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      const x = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      row[i] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < dim; i++) row[i]! /= norm;
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const largest = SIZES[SIZES.length - 1]!;
const gallery = randomUnitVectors(largest, DIM, 1);
const probes = randomUnitVectors(SEARCHES + WARM_UP, DIM, 2);
const probe = (i: number) => probes.subarray(i * DIM, (i + 1) * DIM);

console.log(`1:N search, ${DIM}-D unit templates, median of ${SEARCHES} searches`);
console.log('       n   build ms  median ms     p90 ms  best sim');
let last = NaN;
for (const n of SIZES) {
  // Build.
  const started = performance.now();
  const index = new TemplateIndex('synthetic', DIM, n);
  for (let i = 0; i < n; i++) index.add(`p${i}`, gallery.subarray(i * DIM, (i + 1) * DIM));
  const buildMs = performance.now() - started;

  // Sanity: a probe equal to a stored template must come back as that person.
  for (const row of [0, n >> 1, n - 1]) {
    const found = index.search(gallery.subarray(row * DIM, (row + 1) * DIM), SELF_MATCH);
    if (found.personId !== `p${row}`) {
      console.error(`n=${n}: template p${row} searched for itself, got ${JSON.stringify(found)}`);
      process.exit(1);
    }
  }

  // Time; the warm-up lets the JIT compile the loop first.
  for (let i = 0; i < WARM_UP; i++) index.search(probe(SEARCHES + i), SELF_MATCH);
  const times: number[] = [];
  const best: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const t = performance.now();
    const result = index.search(probe(i), SELF_MATCH);
    times.push(performance.now() - t);
    best.push(result.personId === null ? (result.bestSimilarity ?? NaN) : result.similarity);
  }
  last = median(times);
  console.log(
    `${String(n).padStart(8)} ${buildMs.toFixed(1).padStart(10)} ${last.toFixed(3).padStart(10)} ` +
      `${quantile(times, 0.9).toFixed(3).padStart(10)} ${median(best).toFixed(3).padStart(9)}`,
  );
}
console.log(`identify n=${largest} ms=${last.toFixed(3)}`);
