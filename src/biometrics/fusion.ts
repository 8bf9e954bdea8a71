import { l2Normalize } from './similarity';

/**
 * The mean direction of several embeddings: each is scaled to unit length first, so a
 * frame whose raw embedding happens to be long does not outweigh the others, and the
 * mean is scaled to unit length again so that cosine stays a plain dot product.
 *
 * @throws RangeError when there are no embeddings, when their lengths differ, when one
 * is zero or non-finite, or when they cancel out (a zero mean has no direction).
 */
export function fuseEmbeddings(embeddings: readonly ArrayLike<number>[]): Float32Array {
  const first = embeddings[0];
  if (first === undefined) throw new RangeError('no embeddings to fuse');
  const dim = first.length;

  // Sum in double precision: float32 sums of many frames drift in the last digits.
  const sum = new Float64Array(dim);
  for (const embedding of embeddings) {
    if (embedding.length !== dim) {
      throw new RangeError(`embeddings differ in length: ${dim} and ${embedding.length}`);
    }
    const unit = l2Normalize(embedding);
    for (let i = 0; i < dim; i++) sum[i]! += unit[i]!;
  }

  return l2Normalize(sum);
}

/**
 * One similarity for an attempt scored frame by frame: the lower median of the
 * per-frame similarities.
 *
 * Why the median: a single bad frame (a blink, motion blur, a misaligned crop) moves
 * the mean, but not the median. The maximum would let an impostor through on one lucky
 * frame, so it raises the false-accept rate with every frame added; the minimum would
 * let one bad frame reject the right person.
 *
 * Why the lower median: with `similarity >= threshold` as the rule, the lower median
 * clears a threshold exactly when a strict majority of the frames clear it. With an
 * even count, the midpoint of the two middle values could pass on half of the frames.
 *
 * A frame that could not be scored is passed as −Infinity and counts as a failed frame.
 *
 * @throws RangeError when there are no similarities or one is NaN.
 */
export function fusedSimilarity(similarities: readonly number[]): number {
  if (similarities.length === 0) throw new RangeError('no similarities to fuse');
  if (similarities.some(Number.isNaN)) throw new RangeError('a similarity is NaN');

  const sorted = [...similarities].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}
