import type { Point } from './geometry';

/**
 * A similarity transform (uniform scale, rotation, translation) written as the 2×3
 * matrix [[a, -b, tx], [b, a, ty]]: x' = a·x − b·y + tx, y' = b·x + a·y + ty.
 */
export interface SimilarityTransform {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/**
 * The least-squares similarity transform that maps `from[i]` onto `to[i]`
 * (Umeyama's method restricted to 2-D, without reflection).
 *
 * @throws RangeError when fewer than two point pairs are given, the lists differ in
 * length, or the source points all coincide (no scale can be found).
 */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): SimilarityTransform {
  if (from.length !== to.length || from.length < 2) {
    throw new RangeError('fitSimilarity needs two lists of the same length, at least 2 points');
  }
  const n = from.length;
  const fromMean = mean(from);
  const toMean = mean(to);

  // Closed form for the scaled rotation [[a, -b], [b, a]] on centred points.
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const p = from[i]!;
    const q = to[i]!;
    const px = p.x - fromMean.x;
    const py = p.y - fromMean.y;
    const qx = q.x - toMean.x;
    const qy = q.y - toMean.y;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (!(norm > 1e-12)) {
    throw new RangeError('fitSimilarity: the source points coincide');
  }
  const a = dot / norm;
  const b = cross / norm;
  return {
    a,
    b,
    tx: toMean.x - (a * fromMean.x - b * fromMean.y),
    ty: toMean.y - (b * fromMean.x + a * fromMean.y),
  };
}

export function applySimilarity(t: SimilarityTransform, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/** The scale factor of the transform (how many output pixels per input pixel). */
export function similarityScale(t: SimilarityTransform): number {
  return Math.hypot(t.a, t.b);
}

/** Root-mean-square distance between the mapped source points and their targets. */
export function alignmentResidual(
  t: SimilarityTransform,
  from: readonly Point[],
  to: readonly Point[],
): number {
  let sum = 0;
  for (let i = 0; i < from.length; i++) {
    const p = applySimilarity(t, from[i]!);
    const q = to[i]!;
    sum += (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
  }
  return Math.sqrt(sum / from.length);
}

function mean(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
