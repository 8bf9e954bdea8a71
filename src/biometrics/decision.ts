import type { FarLevel } from '../shared/manifest';
import { isAccepted } from './calibration';
import { fusedSimilarity } from './fusion';
import { clampCosine, l2Normalize } from './similarity';
import { ModelMismatchError, templateSimilarity, type Template } from './templates';

/** An embedder's calibrated thresholds, as in the manifest's `similarityAtFar`. */
export type SimilarityAtFar = Readonly<Record<FarLevel, number>>;

/**
 * The similarity threshold at which the model accepts that share of impostors.
 *
 * The thresholds were calibrated on pairs of single photos; a probe frame scored
 * against an enrolment mean is on a close but not identical scale, so the false-accept
 * rate they name is an estimate for Facegate's verdicts until calibrated on templates.
 *
 * A manifest entry not yet calibrated holds 0 (which would accept almost anyone): it is
 * refused, so a verdict is never made on a threshold nobody measured.
 *
 * @throws RangeError when the threshold for `far` is not in (0, 1].
 */
export function thresholdFor(thresholds: SimilarityAtFar, far: FarLevel): number {
  const threshold = thresholds[far];
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new RangeError(`no calibrated threshold for FAR ${far}`);
  }
  return threshold;
}

/** The verdict of a 1:1 verification. */
export interface Verification {
  accepted: boolean;
  /** The fused similarity of the attempt's frames with the template. */
  similarity: number;
  threshold: number;
}

/**
 * Verifies that the frames of one attempt show the person of `template`: each frame is
 * scored against the template's mean and the scores are fused with `fusedSimilarity`,
 * so a strict majority of the frames must reach the threshold.
 *
 * @throws ModelMismatchError when `modelId` is not the template's model.
 * @throws RangeError when there are no frames, or a frame's embedding is unusable or
 * of another length than the template's.
 */
export function verify(
  probeEmbeddings: readonly ArrayLike<number>[],
  template: Template,
  modelId: string,
  threshold: number,
): Verification {
  if (modelId !== template.modelId) throw new ModelMismatchError(modelId, template.modelId);
  const similarities = probeEmbeddings.map((p) => templateSimilarity(p, template, modelId));
  const similarity = fusedSimilarity(similarities);
  return { accepted: isAccepted(similarity, threshold), similarity, threshold };
}

/** The outcome of a 1:N search: the best person at or above the threshold, or nobody. */
export type Identification =
  | { personId: string; similarity: number }
  | {
      personId: null;
      /** The best similarity found, below the threshold; null when there was nobody. */
      bestSimilarity: number | null;
    };

/** An enrolled person offered to `identify`. */
export interface Candidate {
  personId: string;
  template: Template;
}

/**
 * The template means of one model, as rows of one contiguous matrix, searched by dot
 * product. Build it once and reuse it: a 1:N search then reads one block of memory
 * instead of chasing 100,000 small arrays. Rows cannot be removed; rebuild the index
 * when a person is deleted.
 */
export class TemplateIndex {
  /** Row length: `dim` rounded up to a multiple of 4, zero-padded, for `dotRow`. */
  private readonly stride: number;
  private matrix: Float32Array;
  private readonly personIds: string[] = [];
  private skippedCount = 0;

  /** @throws RangeError when `dim` is not a positive integer. */
  constructor(
    readonly modelId: string,
    readonly dim: number,
    initialCapacity = 1024,
  ) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`bad dimension ${dim}`);
    this.stride = Math.ceil(dim / 4) * 4;
    this.matrix = new Float32Array(Math.max(1, initialCapacity) * this.stride);
  }

  /**
   * An index of the candidates enrolled with `modelId`. The others are counted in
   * `skipped` rather than refused, so the UI can ask those people to enrol again.
   *
   * @throws RangeError when a candidate of this model has a mean of another length.
   */
  static fromCandidates(
    modelId: string,
    dim: number,
    candidates: readonly Candidate[],
  ): TemplateIndex {
    const index = new TemplateIndex(modelId, dim, candidates.length);
    for (const { personId, template } of candidates) {
      if (template.modelId === modelId) index.add(personId, template.mean);
      else index.skippedCount++;
    }
    return index;
  }

  /** Candidates left out by `fromCandidates` because they belong to another model. */
  get skipped(): number {
    return this.skippedCount;
  }

  /** Number of templates in the index. */
  get size(): number {
    return this.personIds.length;
  }

  /**
   * Adds a template mean; it is scaled to unit length again so that a stored mean that
   * lost precision still gives a cosine.
   *
   * @throws RangeError when the mean has another length than `dim` or is unusable.
   */
  add(personId: string, mean: ArrayLike<number>): void {
    if (mean.length !== this.dim) {
      throw new RangeError(`template of length ${mean.length} in an index of ${this.dim}`);
    }
    const unit = l2Normalize(mean);
    const row = this.personIds.length;
    if ((row + 1) * this.stride > this.matrix.length) {
      const grown = new Float32Array(this.matrix.length * 2);
      grown.set(this.matrix);
      this.matrix = grown;
    }
    this.matrix.set(unit, row * this.stride);
    this.personIds.push(personId);
  }

  /**
   * The template most similar to one probe embedding, if it reaches the threshold.
   * Ties go to the template added first.
   *
   * @throws RangeError when the probe has another length than `dim` or is unusable.
   */
  search(probe: ArrayLike<number>, threshold: number): Identification {
    const p = this.unitProbe(probe);
    const m = this.matrix;
    const stride = this.stride;
    const n = this.personIds.length;
    let best = -Infinity;
    let bestRow = -1;

    // Rows and probe are unit vectors, so the dot product is the cosine.
    for (let row = 0, base = 0; row < n; row++, base += stride) {
      const dot = dotRow(m, base, p, stride);
      if (dot > best) {
        best = dot;
        bestRow = row;
      }
    }

    return this.outcome(bestRow, best, threshold);
  }

  /**
   * The best template for the frames of one attempt, each template scored as `verify`
   * scores it: the lower median of its per-frame similarities.
   *
   * @throws RangeError when there are no frames, or a frame has another length than
   * `dim` or is unusable.
   */
  searchFrames(probeEmbeddings: readonly ArrayLike<number>[], threshold: number): Identification {
    if (probeEmbeddings.length === 0) throw new RangeError('no probe embeddings');
    if (probeEmbeddings.length === 1) return this.search(probeEmbeddings[0]!, threshold);
    const probes = probeEmbeddings.map((e) => this.unitProbe(e));
    const k = probes.length;
    const middle = (k - 1) >> 1;
    const m = this.matrix;
    const stride = this.stride;
    const n = this.personIds.length;
    const sorted = new Float64Array(k);
    let best = -Infinity;
    let bestRow = -1;

    // All frames against one row before the next, while the row is in cache.
    for (let row = 0, base = 0; row < n; row++, base += stride) {
      for (let f = 0; f < k; f++) {
        const dot = dotRow(m, base, probes[f]!, stride);

        // Insertion sort: k is a handful of frames.
        let i = f;
        for (; i > 0 && sorted[i - 1]! > dot; i--) sorted[i] = sorted[i - 1]!;
        sorted[i] = dot;
      }
      const median = sorted[middle]!;
      if (median > best) {
        best = median;
        bestRow = row;
      }
    }

    return this.outcome(bestRow, best, threshold);
  }

  private unitProbe(probe: ArrayLike<number>): Float32Array {
    if (probe.length !== this.dim) {
      throw new RangeError(`probe of length ${probe.length} in an index of ${this.dim}`);
    }
    const padded = new Float32Array(this.stride);
    padded.set(l2Normalize(probe));
    return padded;
  }

  private outcome(bestRow: number, dot: number, threshold: number): Identification {
    if (bestRow < 0) return { personId: null, bestSimilarity: null };
    const best = clampCosine(dot);
    if (!isAccepted(best, threshold)) return { personId: null, bestSimilarity: best };
    return { personId: this.personIds[bestRow]!, similarity: best };
  }
}

/**
 * Dot product of the matrix row starting at `base` with `p`, over `stride` values, a
 * multiple of 4. Four running sums let the CPU overlap the multiplications instead of
 * waiting on one sum: in V8 about twice as fast as the plain loop, and padding the rows
 * spares the loop a remainder step that cost a good part of that gain.
 */
function dotRow(m: Float32Array, base: number, p: Float32Array, stride: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let j = 0; j < stride; j += 4) {
    const k = base + j;
    a += m[k]! * p[j]!;
    b += m[k + 1]! * p[j + 1]!;
    c += m[k + 2]! * p[j + 2]!;
    d += m[k + 3]! * p[j + 3]!;
  }
  return a + b + (c + d);
}

/**
 * Identifies the person in the frames of one attempt among enrolled candidates: the
 * most similar one if it reaches the threshold, else unknown. Candidates of another
 * model are skipped and counted, never compared.
 *
 * Each impostor in the gallery is one more chance of a false accept, so over N people
 * the false-accept rate is up to N times the per-comparison rate: choose the threshold
 * for a FAR about N times smaller than the one wanted for the whole search.
 *
 * Pass a `TemplateIndex` built once when searching many times; an array of candidates
 * is indexed on every call.
 *
 * @throws ModelMismatchError when a `TemplateIndex` of another model is passed.
 * @throws RangeError when there are no frames, or a frame or a candidate's template
 * is unusable or of another length than the first frame.
 */
export function identify(
  probeEmbeddings: readonly ArrayLike<number>[],
  candidates: readonly Candidate[] | TemplateIndex,
  modelId: string,
  threshold: number,
): Identification & { skipped: number } {
  const first = probeEmbeddings[0];
  if (first === undefined) throw new RangeError('no probe embeddings');
  const index =
    candidates instanceof TemplateIndex
      ? candidates
      : TemplateIndex.fromCandidates(modelId, first.length, candidates);
  if (index.modelId !== modelId) throw new ModelMismatchError(modelId, index.modelId);
  return { ...index.searchFrames(probeEmbeddings, threshold), skipped: index.skipped };
}
