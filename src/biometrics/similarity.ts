/** Euclidean (L2) norm of a vector. */
export function l2Norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}

/**
 * The vector scaled to unit length.
 *
 * @throws RangeError for a zero or non-finite vector: such an embedding carries no
 * identity and must never be stored or compared.
 */
export function l2Normalize(v: ArrayLike<number>): Float32Array {
  const norm = l2Norm(v);
  if (!Number.isFinite(norm) || norm < 1e-12) {
    throw new RangeError('cannot normalise a zero or non-finite vector');
  }
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/**
 * Cosine similarity in [-1, 1].
 *
 * @throws RangeError when the lengths differ or either vector is zero.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
  }
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  if (!(na > 0 && nb > 0) || !Number.isFinite(na) || !Number.isFinite(nb)) {
    throw new RangeError('cosine similarity of a zero or non-finite vector');
  }
  return clampCosine(dot / (Math.sqrt(na) * Math.sqrt(nb)));
}

/**
 * A computed cosine held to [-1, 1]. Rounding in float sums puts the cosine of a face
 * with itself a hair above 1, and a similarity outside its range is refused where it is
 * stored, which would turn a perfect match into an error.
 */
export function clampCosine(x: number): number {
  return Math.min(1, Math.max(-1, x));
}

/** True when every component is finite and the vector is not all zeros. */
export function isUsableEmbedding(v: ArrayLike<number>): boolean {
  let any = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!Number.isFinite(x)) return false;
    if (x !== 0) any = true;
  }
  return any;
}
