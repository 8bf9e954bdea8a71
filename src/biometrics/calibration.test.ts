import { describe, expect, it } from 'vitest';
import {
  accuracyAt,
  bestAccuracyThreshold,
  equalErrorRate,
  ratesAt,
  thresholdAtFar,
  type ScoredPair,
} from './calibration';

const genuine = (...scores: number[]): ScoredPair[] =>
  scores.map((similarity) => ({ similarity, samePerson: true }));
const impostor = (...scores: number[]): ScoredPair[] =>
  scores.map((similarity) => ({ similarity, samePerson: false }));

// 4 genuine pairs and 10 impostor pairs; impostors sorted high to low:
// 0.6, 0.5, 0.3, 0.2, 0.1, 0.0, −0.1, −0.2, −0.3, −0.4.
const PAIRS: ScoredPair[] = [
  ...genuine(0.9, 0.8, 0.7, 0.4),
  ...impostor(0.3, -0.1, 0.6, 0.0, -0.4, 0.2, 0.5, -0.2, 0.1, -0.3),
];

describe('thresholdAtFar', () => {
  it('at FAR 0 accepts no impostor: threshold just above the top impostor (0.6)', () => {
    const op = thresholdAtFar(PAIRS, 0);
    expect(op.threshold).toBeGreaterThan(0.6);
    expect(op.threshold).toBeLessThan(0.6 + 1e-6);
    expect(op.falseAcceptRate).toBe(0);
    expect(op.trueAcceptRate).toBe(0.75); // 0.9, 0.8, 0.7 of 4
  });

  it('at FAR 0.1 allows 1 of 10 impostors: threshold just above 0.5', () => {
    const op = thresholdAtFar(PAIRS, 0.1);
    expect(op.threshold).toBeGreaterThan(0.5);
    expect(op.threshold).toBeLessThan(0.5 + 1e-6);
    expect(op.falseAcceptRate).toBe(0.1); // only 0.6
    expect(op.trueAcceptRate).toBe(0.75);
  });

  it('at FAR 0.5 allows 5 of 10 impostors: threshold just above 0.0', () => {
    const op = thresholdAtFar(PAIRS, 0.5);
    expect(op.threshold).toBeGreaterThan(0);
    expect(op.threshold).toBeLessThan(1e-6);
    expect(op.falseAcceptRate).toBe(0.5); // 0.6, 0.5, 0.3, 0.2, 0.1
    expect(op.trueAcceptRate).toBe(1);
  });

  it('never exceeds the target FAR, and is the lowest such threshold', () => {
    for (const target of [0, 0.05, 0.1, 0.15, 0.25, 0.5, 0.99]) {
      const op = thresholdAtFar(PAIRS, target);
      expect(op.falseAcceptRate).toBeLessThanOrEqual(target);
      expect(ratesAt(PAIRS, op.threshold)).toEqual({
        falseAcceptRate: op.falseAcceptRate,
        trueAcceptRate: op.trueAcceptRate,
      });
      // Accepting the next impostor down would exceed the target.
      const lower = op.threshold - 1e-6;
      expect(ratesAt(PAIRS, lower).falseAcceptRate).toBeGreaterThan(target);
    }
  });

  it('does not exceed the target when impostor scores tie', () => {
    // Two impostors at 0.5: allowing 1 of 4 cannot accept just one of them.
    const pairs = [...genuine(0.9, 0.45), ...impostor(0.5, 0.5, 0.1, 0)];
    const op = thresholdAtFar(pairs, 0.25);
    expect(op.threshold).toBeGreaterThan(0.5);
    expect(op.falseAcceptRate).toBe(0);
    expect(op.trueAcceptRate).toBe(0.5);
  });

  it('accepts everything when the target allows every impostor', () => {
    const op = thresholdAtFar(PAIRS, 1);
    expect(op.threshold).toBe(-Infinity);
    expect(op.falseAcceptRate).toBe(1);
  });

  it('counts genuine pairs scored −Infinity (no face found) as rejected', () => {
    const withFailures = [...PAIRS, ...genuine(-Infinity, -Infinity, -Infinity, -Infinity)];
    const op = thresholdAtFar(withFailures, 0.5);
    expect(op.falseAcceptRate).toBe(0.5);
    expect(op.trueAcceptRate).toBe(0.5); // 4 accepted of 8, down from 1
    expect(thresholdAtFar(withFailures, 0).trueAcceptRate).toBe(0.375); // 3 of 8
  });

  it('handles impostor pairs scored −Infinity (no face found)', () => {
    // Impostors 0.5 and −Infinity; target 0.5 allows one. Any finite threshold at or
    // below 0.5 accepts the 0.5 impostor only (FAR 0.5) and all genuine pairs.
    const pairs = [...genuine(0.9, 0.2), ...impostor(0.5, -Infinity)];
    const op = thresholdAtFar(pairs, 0.5);
    expect(Number.isNaN(op.threshold)).toBe(false);
    expect(op.threshold).toBeLessThanOrEqual(0.2);
    expect(op.falseAcceptRate).toBe(0.5);
    expect(op.trueAcceptRate).toBe(1);
  });

  it('throws RangeError when there are no impostor pairs', () => {
    expect(() => thresholdAtFar(genuine(0.9, 0.8), 0.1)).toThrow(RangeError);
    expect(() => thresholdAtFar([], 0.1)).toThrow(RangeError);
  });
});

describe('ratesAt and accuracyAt', () => {
  it('accept a pair whose similarity equals the threshold', () => {
    expect(ratesAt(PAIRS, 0.4)).toEqual({ falseAcceptRate: 0.2, trueAcceptRate: 1 });
    // Correct: 4 genuine accepted + 8 impostors rejected, of 14.
    expect(accuracyAt(PAIRS, 0.4)).toBeCloseTo(12 / 14, 12);
  });

  it('give 0 for empty input', () => {
    expect(ratesAt([], 0)).toEqual({ falseAcceptRate: 0, trueAcceptRate: 0 });
    expect(accuracyAt([], 0)).toBe(0);
  });
});

describe('bestAccuracyThreshold', () => {
  it('gives accuracy 1 at the midpoint of the gap on separable data', () => {
    const pairs = [...genuine(0.8, 0.9), ...impostor(0.1, 0.2)];
    expect(bestAccuracyThreshold(pairs)).toEqual({ threshold: 0.5, accuracy: 1 }); // (0.2+0.8)/2
  });

  it('finds the best threshold on overlapping data', () => {
    // Threshold 0.65 (between 0.6 and 0.7): genuine 0.7, 0.8, 0.9 accepted, 0.3 rejected
    // wrongly; all 4 impostors rejected: 7 of 8 correct. At 0.5: 6 of 8; at 0.25: 6 of 8.
    const pairs = [...genuine(0.3, 0.7, 0.8, 0.9), ...impostor(0.1, 0.2, 0.4, 0.6)];
    const best = bestAccuracyThreshold(pairs);
    expect(best.accuracy).toBe(0.875);
    expect(best.threshold).toBeCloseTo(0.65, 12);
  });
});

describe('equalErrorRate', () => {
  it('is 0 on separable data', () => {
    expect(equalErrorRate([...genuine(0.8, 0.9, 0.7), ...impostor(0.1, 0.2, 0.3)])).toBe(0);
  });

  it('is 0.5 when genuine and impostor scores are the same distribution', () => {
    // At 0.25: FAR = 2/4 (0.3, 0.4), FRR = 2/4 (0.1, 0.2).
    const scores = [0.1, 0.2, 0.3, 0.4];
    expect(equalErrorRate([...genuine(...scores), ...impostor(...scores)])).toBeCloseTo(0.5, 12);
  });

  it('is 0.25 with one error of each kind in four', () => {
    // At 0.5: FAR 1/4 (0.6), FRR 1/4 (0.3).
    const pairs = [...genuine(0.3, 0.7, 0.8, 0.9), ...impostor(0.1, 0.2, 0.4, 0.6)];
    expect(equalErrorRate(pairs)).toBeCloseTo(0.25, 12);
  });
});
