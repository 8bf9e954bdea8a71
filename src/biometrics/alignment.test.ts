import { describe, expect, it } from 'vitest';
import {
  alignmentResidual,
  applySimilarity,
  fitSimilarity,
  similarityScale,
  type SimilarityTransform,
} from './alignment';
import type { Point } from './geometry';

// Scale 2, rotation 30°: a = 2·cos 30° = √3, b = 2·sin 30° = 1; translation (5, −3).
const KNOWN: SimilarityTransform = { a: Math.sqrt(3), b: 1, tx: 5, ty: -3 };
const SOURCE: Point[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: 2, y: 3 },
];

describe('applySimilarity', () => {
  it('maps points by x′ = a·x − b·y + tx, y′ = b·x + a·y + ty', () => {
    // (1, 0) → (√3 + 5, 1 − 3); (0, 1) → (−1 + 5, √3 − 3); (2, 3) → (2√3 − 3 + 5, 2 + 3√3 − 3).
    const r3 = Math.sqrt(3);
    expect(applySimilarity(KNOWN, { x: 0, y: 0 })).toEqual({ x: 5, y: -3 });
    const p1 = applySimilarity(KNOWN, { x: 1, y: 0 });
    expect(p1.x).toBeCloseTo(r3 + 5, 12);
    expect(p1.y).toBeCloseTo(-2, 12);
    const p2 = applySimilarity(KNOWN, { x: 0, y: 1 });
    expect(p2.x).toBeCloseTo(4, 12);
    expect(p2.y).toBeCloseTo(r3 - 3, 12);
    const p3 = applySimilarity(KNOWN, { x: 2, y: 3 });
    expect(p3.x).toBeCloseTo(2 * r3 + 2, 12);
    expect(p3.y).toBeCloseTo(3 * r3 - 1, 12);
  });

  it('is the identity for a = 1, b = 0, no translation', () => {
    expect(applySimilarity({ a: 1, b: 0, tx: 0, ty: 0 }, { x: -7.5, y: 3.25 })).toEqual({
      x: -7.5,
      y: 3.25,
    });
  });
});

describe('similarityScale', () => {
  it('is hypot(a, b)', () => {
    expect(similarityScale(KNOWN)).toBeCloseTo(2, 12); // √(3 + 1) = 2
    expect(similarityScale({ a: 3, b: -4, tx: 9, ty: 9 })).toBe(5);
    expect(similarityScale({ a: 0, b: 0, tx: 1, ty: 1 })).toBe(0);
  });
});

describe('fitSimilarity', () => {
  it('recovers a known transform exactly from 4 points', () => {
    const target = SOURCE.map((p) => applySimilarity(KNOWN, p));
    const t = fitSimilarity(SOURCE, target);
    expect(t.a).toBeCloseTo(Math.sqrt(3), 10);
    expect(t.b).toBeCloseTo(1, 10);
    expect(t.tx).toBeCloseTo(5, 10);
    expect(t.ty).toBeCloseTo(-3, 10);
    expect(similarityScale(t)).toBeCloseTo(2, 10);
    expect((Math.atan2(t.b, t.a) * 180) / Math.PI).toBeCloseTo(30, 8);
    expect(alignmentResidual(t, SOURCE, target)).toBeLessThan(1e-12);
  });

  it('recovers a transform from just 2 points', () => {
    const from = [
      { x: 10, y: 20 },
      { x: 30, y: 20 },
    ];
    const to = from.map((p) => applySimilarity(KNOWN, p));
    const t = fitSimilarity(from, to);
    expect(t.a).toBeCloseTo(KNOWN.a, 10);
    expect(t.b).toBeCloseTo(KNOWN.b, 10);
    expect(t.tx).toBeCloseTo(KNOWN.tx, 10);
    expect(t.ty).toBeCloseTo(KNOWN.ty, 10);
  });

  it('gives the identity for identical lists', () => {
    const t = fitSimilarity(SOURCE, SOURCE);
    expect(t.a).toBeCloseTo(1, 12);
    expect(t.b).toBeCloseTo(0, 12);
    expect(t.tx).toBeCloseTo(0, 12);
    expect(t.ty).toBeCloseTo(0, 12);
  });

  it('with noise, gives the least-squares fit: no perturbed transform does better', () => {
    // Fixed, hand-picked noise of up to ±0.3 px on each coordinate.
    const noise = [
      [0.3, -0.1],
      [-0.2, 0.25],
      [0.1, 0.05],
      [-0.15, -0.3],
      [0.05, 0.2],
    ] as const;
    const from = [...SOURCE, { x: -4, y: 2 }];
    const to = from.map((p, i) => {
      const q = applySimilarity(KNOWN, p);
      return { x: q.x + noise[i]![0], y: q.y + noise[i]![1] };
    });
    const fit = fitSimilarity(from, to);
    const best = alignmentResidual(fit, from, to);
    expect(best).toBeGreaterThan(0);
    // The optimum is no worse than the transform that generated the data.
    expect(best).toBeLessThanOrEqual(alignmentResidual(KNOWN, from, to));
    for (const key of ['a', 'b', 'tx', 'ty'] as const) {
      for (const delta of [0.01, -0.01]) {
        const perturbed = { ...fit, [key]: fit[key] + delta };
        expect(alignmentResidual(perturbed, from, to)).toBeGreaterThan(best);
      }
    }
  });

  it('does not produce a mirror image for reflected points', () => {
    // A scalene triangle (sides 1, 2, √5) and its mirror x → −x: no proper similarity
    // maps one onto the other, though the reflection diag(−1, 1) does, exactly.
    const from = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 2 },
    ];
    const to = from.map((p) => ({ x: -p.x, y: p.y }));
    const t = fitSimilarity(from, to);
    // Centred: Σ dot = 2, Σ cross = −4/3, Σ |p|² = 10/3, so a = 0.6, b = −0.4.
    expect(t.a).toBeCloseTo(0.6, 12);
    expect(t.b).toBeCloseTo(-0.4, 12);
    // det [[a, −b], [b, a]] = a² + b² > 0: orientation is preserved.
    expect(t.a * t.a + t.b * t.b).toBeGreaterThan(0);
    // Σ residual² = Σ|q|² − (dot² + cross²)/norm = 10/3 − (52/9)/(10/3) = 1.6, over 3 points.
    expect(alignmentResidual(t, from, to)).toBeCloseTo(Math.sqrt(1.6 / 3), 12);
    expect(alignmentResidual(t, from, to)).toBeGreaterThan(0.5);
  });

  it('throws RangeError when the lists differ in length', () => {
    expect(() => fitSimilarity(SOURCE, SOURCE.slice(0, 3))).toThrow(RangeError);
  });

  it('throws RangeError for fewer than 2 points', () => {
    expect(() => fitSimilarity([{ x: 1, y: 2 }], [{ x: 3, y: 4 }])).toThrow(RangeError);
    expect(() => fitSimilarity([], [])).toThrow(RangeError);
  });

  it('throws RangeError when the source points coincide', () => {
    const same = [
      { x: 4, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 4 },
    ];
    expect(() => fitSimilarity(same, SOURCE.slice(0, 3))).toThrow(RangeError);
  });
});

describe('alignmentResidual', () => {
  it('is the RMS distance between mapped points and targets', () => {
    const identity = { a: 1, b: 0, tx: 0, ty: 0 };
    const from = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    // Offsets 3-4-5 and 0: √((25 + 0) / 2).
    const to = [
      { x: 3, y: 4 },
      { x: 1, y: 1 },
    ];
    expect(alignmentResidual(identity, from, to)).toBeCloseTo(Math.sqrt(12.5), 12);
  });
});
