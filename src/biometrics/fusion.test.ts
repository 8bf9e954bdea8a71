import { describe, expect, it } from 'vitest';
import { fuseEmbeddings, fusedSimilarity } from './fusion';
import { l2Norm } from './similarity';

describe('fuseEmbeddings', () => {
  it('is the renormalised mean of unit vectors', () => {
    const fused = fuseEmbeddings([
      [1, 0],
      [0, 1],
    ]);
    expect(fused).toBeInstanceOf(Float32Array);
    expect(fused[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(fused[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('weighs every frame alike, whatever the length of its raw embedding', () => {
    // [10,0] and [0,1] point the same ways as [1,0] and [0,1].
    const fused = fuseEmbeddings([
      [10, 0],
      [0, 1],
    ]);
    expect(fused[0]).toBeCloseTo(fused[1]!, 6);
    // Three frames: (1,0) + (1,0) + (0,1) = (2,1), /√5.
    const three = fuseEmbeddings([[1, 0], [3, 0], Float32Array.from([0, 2])]);
    expect(three[0]).toBeCloseTo(2 / Math.sqrt(5), 6);
    expect(three[1]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(l2Norm(three)).toBeCloseTo(1, 6);
  });

  it('returns the direction of a single embedding', () => {
    const fused = fuseEmbeddings([[3, 4]]);
    expect(fused[0]).toBeCloseTo(0.6, 6);
    expect(fused[1]).toBeCloseTo(0.8, 6);
  });

  it('throws RangeError on no, unequal, unusable or cancelling embeddings', () => {
    expect(() => fuseEmbeddings([])).toThrow(RangeError);
    expect(() =>
      fuseEmbeddings([
        [1, 0],
        [1, 0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fuseEmbeddings([
        [1, 0],
        [NaN, 1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fuseEmbeddings([
        [1, 0],
        [0, Infinity],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fuseEmbeddings([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fuseEmbeddings([
        [1, 0],
        [-1, 0],
      ]),
    ).toThrow(RangeError);
  });
});

describe('fusedSimilarity', () => {
  it('is the median of an odd count', () => {
    expect(fusedSimilarity([0.7])).toBe(0.7);
    expect(fusedSimilarity([0.9, 0.1, 0.5])).toBe(0.5);
    expect(fusedSimilarity([0.6, 0.62, 0.58, 0.61, 0.59])).toBe(0.6);
  });

  it('is the lower median of an even count: half the frames are not a majority', () => {
    expect(fusedSimilarity([0.2, 0.8])).toBe(0.2);
    expect(fusedSimilarity([0.8, 0.7, 0.3, 0.2])).toBe(0.3);
  });

  it('ignores one bad frame in either direction', () => {
    const good = [0.61, 0.63, 0.62, 0.6, 0.64];
    expect(fusedSimilarity([...good.slice(1), -0.2])).toBe(0.62);
    expect(fusedSimilarity([...good.slice(1), 0.99])).toBe(0.63);
  });

  it('counts an unscored frame (−Infinity) as a failed frame', () => {
    expect(fusedSimilarity([0.7, -Infinity, 0.8])).toBe(0.7);
    expect(fusedSimilarity([0.7, -Infinity, -Infinity])).toBe(-Infinity);
  });

  it('does not reorder its argument', () => {
    const similarities = [0.9, 0.1, 0.5];
    fusedSimilarity(similarities);
    expect(similarities).toEqual([0.9, 0.1, 0.5]);
  });

  it('throws RangeError on no similarities or a NaN', () => {
    expect(() => fusedSimilarity([])).toThrow(RangeError);
    expect(() => fusedSimilarity([0.5, NaN, 0.7])).toThrow(RangeError);
  });
});
