import { describe, expect, it } from 'vitest';
import { cosineSimilarity, isUsableEmbedding, l2Norm, l2Normalize } from './similarity';

describe('cosineSimilarity', () => {
  it('gives known values', () => {
    // [1,0]·[1,1] = 1, |[1,1]| = √2.
    expect(cosineSimilarity([1, 0], [1, 1])).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(cosineSimilarity([1, 2, 3], [-1, -2, -3])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([2, 2], [7, 7])).toBeCloseTo(1, 12);
    // [3,4]·[4,3] = 24, |·| = 5 each.
    expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(0.96, 12);
  });

  it('ignores the length of the vectors and accepts typed arrays', () => {
    const a = Float32Array.from([0.5, -1, 2]);
    const b = [3, 1, -0.5];
    expect(cosineSimilarity(a, b)).toBeCloseTo(cosineSimilarity([5, -10, 20], b), 6);
  });

  it('throws RangeError when the lengths differ', () => {
    expect(() => cosineSimilarity([1, 0], [1, 0, 0])).toThrow(RangeError);
  });

  it('throws RangeError for a zero vector', () => {
    expect(() => cosineSimilarity([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => cosineSimilarity([1, 1], [0, 0])).toThrow(RangeError);
    expect(() => cosineSimilarity([], [])).toThrow(RangeError);
  });
});

describe('l2Norm', () => {
  it('is the Euclidean length', () => {
    expect(l2Norm([3, 4])).toBe(5);
    expect(l2Norm([])).toBe(0);
  });
});

describe('l2Normalize', () => {
  it('scales to unit length, keeping direction', () => {
    const v = l2Normalize([3, 4]);
    expect(v).toBeInstanceOf(Float32Array);
    expect(v[0]).toBeCloseTo(0.6, 6);
    expect(v[1]).toBeCloseTo(0.8, 6);
    const w = l2Normalize([1, -2, 3, -4, 5]);
    expect(l2Norm(w)).toBeCloseTo(1, 6);
    expect(w[1]! / w[0]!).toBeCloseTo(-2, 5);
  });

  it('throws RangeError on zero, NaN and Infinity vectors', () => {
    expect(() => l2Normalize([0, 0, 0])).toThrow(RangeError);
    expect(() => l2Normalize([])).toThrow(RangeError);
    expect(() => l2Normalize([1, NaN])).toThrow(RangeError);
    expect(() => l2Normalize([1, Infinity])).toThrow(RangeError);
    expect(() => l2Normalize([-Infinity, 0])).toThrow(RangeError);
  });
});

describe('isUsableEmbedding', () => {
  it('is true for a finite, non-zero vector', () => {
    expect(isUsableEmbedding([0, 0, 0.001])).toBe(true);
    expect(isUsableEmbedding(Float32Array.from([-1, 2]))).toBe(true);
  });

  it('is false for NaN, Infinity and all-zero vectors', () => {
    expect(isUsableEmbedding([1, NaN])).toBe(false);
    expect(isUsableEmbedding([1, Infinity])).toBe(false);
    expect(isUsableEmbedding([-Infinity, 1])).toBe(false);
    expect(isUsableEmbedding(new Float32Array(128))).toBe(false);
    expect(isUsableEmbedding([])).toBe(false);
  });
});
