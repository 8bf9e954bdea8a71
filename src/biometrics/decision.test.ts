import { describe, expect, it } from 'vitest';
import { identify, TemplateIndex, thresholdFor, verify, type Candidate } from './decision';
import { cosineSimilarity } from './similarity';
import { makeTemplate, ModelMismatchError } from './templates';

const MODEL = 'facenet';
const candidate = (personId: string, ...embeddings: number[][]): Candidate => ({
  personId,
  template: makeTemplate(MODEL, embeddings),
});

describe('thresholdFor', () => {
  const thresholds = { '0.01': 0.3, '0.001': 0.4, '0.0001': 0.5 };

  it('picks the threshold calibrated for that false-accept rate', () => {
    expect(thresholdFor(thresholds, '0.01')).toBe(0.3);
    expect(thresholdFor(thresholds, '0.001')).toBe(0.4);
    expect(thresholdFor(thresholds, '0.0001')).toBe(0.5);
  });

  it('throws RangeError for a threshold that is not finite', () => {
    expect(() => thresholdFor({ ...thresholds, '0.001': NaN }, '0.001')).toThrow(RangeError);
    expect(() => thresholdFor({ ...thresholds, '0.01': -Infinity }, '0.01')).toThrow(RangeError);
  });

  it('refuses an uncalibrated model (0) rather than accepting almost anyone', () => {
    const uncalibrated = { '0.01': 0, '0.001': 0, '0.0001': 0 };
    expect(() => thresholdFor(uncalibrated, '0.001')).toThrow(/no calibrated threshold/);
    expect(() => thresholdFor({ ...thresholds, '0.01': 1.2 }, '0.01')).toThrow(RangeError);
  });
});

describe('verify', () => {
  // Mean (1/√2, 1/√2).
  const template = makeTemplate(MODEL, [
    [1, 0],
    [0, 1],
  ]);

  it('accepts when the median frame reaches the threshold', () => {
    // Frames score 1, 1/√2, 1: median 1.
    const v = verify([[1, 1], [1, 0], Float32Array.from([2, 2])], template, MODEL, 0.9);
    expect(v.accepted).toBe(true);
    expect(v.similarity).toBeCloseTo(1, 6);
    expect(v.threshold).toBe(0.9);
  });

  it('rejects below the threshold and reports the similarity', () => {
    // Frames score 1/√2, 1/√2, 0: median 1/√2 ≈ 0.7071.
    const frames = [
      [1, 0],
      [0, 1],
      [1, -1],
    ];
    expect(verify(frames, template, MODEL, 0.7).accepted).toBe(true);
    const v = verify(frames, template, MODEL, 0.8);
    expect(v.accepted).toBe(false);
    expect(v.similarity).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('accepts at exactly the threshold', () => {
    const { similarity } = verify([[1, 0]], template, MODEL, 0);
    expect(verify([[1, 0]], template, MODEL, similarity).accepted).toBe(true);
  });

  it('survives one bad frame but not half of them', () => {
    const good = [1, 1];
    const bad = [-1, 0];
    expect(verify([good, good, bad], template, MODEL, 0.9).accepted).toBe(true);
    expect(verify([good, good, bad, bad], template, MODEL, 0.9).accepted).toBe(false);
  });

  it('throws ModelMismatchError for a template of another model', () => {
    expect(() => verify([[1, 1]], template, 'arcface', 0.5)).toThrow(ModelMismatchError);
  });

  it('throws RangeError for no frames or an unusable frame', () => {
    expect(() => verify([], template, MODEL, 0.5)).toThrow(RangeError);
    expect(() =>
      verify(
        [
          [1, 1],
          [0, 0],
        ],
        template,
        MODEL,
        0.5,
      ),
    ).toThrow(RangeError);
    expect(() => verify([[1, 1, 1]], template, MODEL, 0.5)).toThrow(RangeError);
  });
});

describe('identify', () => {
  const alice = candidate('alice', [1, 0, 0]);
  const bob = candidate('bob', [0, 1, 0]);
  const carol: Candidate = { personId: 'carol', template: makeTemplate('arcface', [[0, 0, 1]]) };
  const people = [alice, bob, carol];

  it('returns the right person above the threshold', () => {
    // Cosine with alice: 0.9 / √0.82 ≈ 0.9939.
    const result = identify([[0.9, 0.1, 0]], people, MODEL, 0.5);
    expect(result.personId).toBe('alice');
    expect(result).toMatchObject({ skipped: 1 });
    if (result.personId === null) throw new Error('unreachable');
    expect(result.similarity).toBeCloseTo(0.9 / Math.sqrt(0.82), 6);
    expect(identify([[0, 2, 0.1]], people, MODEL, 0.5).personId).toBe('bob');
  });

  it('returns unknown with the best similarity below the threshold', () => {
    // 1/√2 with both alice and bob.
    const result = identify([[1, 1, 0]], people, MODEL, 0.8);
    expect(result.personId).toBeNull();
    if (result.personId !== null) throw new Error('unreachable');
    expect(result.bestSimilarity).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('never compares with a template of another model, and counts it', () => {
    // The probe is carol's face exactly, but carol was enrolled with another model.
    const result = identify([[0, 0, 1]], people, MODEL, 0.5);
    expect(result).toEqual({ personId: null, bestSimilarity: 0, skipped: 1 });
    expect(identify([[0, 0, 1]], [carol], MODEL, 0.5)).toEqual({
      personId: null,
      bestSimilarity: null,
      skipped: 1,
    });
  });

  it('reports nobody to compare with as a null best similarity', () => {
    expect(identify([[1, 0, 0]], [], MODEL, 0.5)).toEqual({
      personId: null,
      bestSimilarity: null,
      skipped: 0,
    });
  });

  it('gives a tie to the person enrolled first', () => {
    expect(identify([[1, 1, 0]], people, MODEL, 0.7).personId).toBe('alice');
    expect(identify([[1, 1, 0]], [bob, alice], MODEL, 0.7).personId).toBe('bob');
  });

  it('scores several frames as verify does', () => {
    // alice: 0.98, 0.958, 0 → 0.958; bob: 0.196, 0, 1 → 0.196.
    const frames = [
      [1, 0.2, 0],
      [1, 0, 0.3],
      [0, 1, 0],
    ];
    const result = identify(frames, people, MODEL, 0.5);
    expect(result.personId).toBe('alice');
    if (result.personId === null) throw new Error('unreachable');
    const verdict = verify(frames, alice.template, MODEL, 0.5);
    expect(result.similarity).toBeCloseTo(verdict.similarity, 6);
    expect(result.similarity).toBeCloseTo(1 / Math.sqrt(1.09), 6);

    // An even count takes the lower median, as verify does.
    const four = [...frames, [0, 1, 0.1]];
    const even = identify(four, people, MODEL, 0);
    if (even.personId === null) throw new Error('unreachable');
    expect(even.personId).toBe('bob');
    expect(even.similarity).toBeCloseTo(verify(four, bob.template, MODEL, 0).similarity, 6);
  });

  it('searches a TemplateIndex built once, keeping its skipped count', () => {
    const index = TemplateIndex.fromCandidates(MODEL, 3, people);
    expect(index.size).toBe(2);
    expect(index.skipped).toBe(1);
    expect(identify([[0.9, 0.1, 0]], index, MODEL, 0.5)).toMatchObject({
      personId: 'alice',
      skipped: 1,
    });
  });

  it('throws ModelMismatchError for an index of another model', () => {
    const index = new TemplateIndex('arcface', 3);
    expect(() => identify([[1, 0, 0]], index, MODEL, 0.5)).toThrow(ModelMismatchError);
  });

  it('throws RangeError for no frames or a frame of another length', () => {
    expect(() => identify([], people, MODEL, 0.5)).toThrow(RangeError);
    expect(() => identify([[1, 0]], people, MODEL, 0.5)).toThrow(RangeError);
  });
});

describe('TemplateIndex', () => {
  // Seeded so a failure can be replayed.
  function random(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    };
  }

  it('grows past its initial capacity and finds every stored template', () => {
    const next = random(1);
    const dim = 16;
    const means = Array.from({ length: 300 }, () => Array.from({ length: dim }, next));
    const index = new TemplateIndex(MODEL, dim, 1);
    means.forEach((mean, i) => index.add(`p${i}`, mean));
    expect(index.size).toBe(300);
    for (const i of [0, 1, 137, 299]) {
      const result = index.search(means[i]!, 0.99);
      expect(result.personId).toBe(`p${i}`);
    }
  });

  it('scores a face against its own template at most 1, as the store requires', () => {
    const next = random(3);
    const dim = 128;
    const means = Array.from({ length: 200 }, () => Array.from({ length: dim }, next));
    const index = new TemplateIndex(MODEL, dim);
    means.forEach((mean, i) => index.add(`p${i}`, mean));
    for (const [i, mean] of means.entries()) {
      const single = index.search(mean, 0.99);
      const frames = index.searchFrames([mean, mean, mean], 0.99);
      expect(single).toEqual({ personId: `p${i}`, similarity: expect.any(Number) });
      for (const result of [single, frames]) {
        if (!('similarity' in result)) throw new Error('not identified');
        expect(result.similarity).toBeLessThanOrEqual(1);
        expect(result.similarity).toBeGreaterThan(0.999);
      }
      const template = makeTemplate(MODEL, [mean]);
      const verdict = verify([mean, mean], template, MODEL, 0.99);
      expect(verdict.similarity).toBeLessThanOrEqual(1);
    }
  });

  it('agrees with a plain cosine search', () => {
    const next = random(2);
    const dim = 8;
    const means = Array.from({ length: 200 }, () => Array.from({ length: dim }, next));
    const index = new TemplateIndex(MODEL, dim);
    means.forEach((mean, i) => index.add(`p${i}`, mean));
    for (let q = 0; q < 20; q++) {
      const probe = Array.from({ length: dim }, next);
      const scores = means.map((m) => cosineSimilarity(probe, m));
      const best = Math.max(...scores);
      const result = index.search(probe, -1);
      expect(result).toEqual({
        personId: `p${scores.indexOf(best)}`,
        similarity: expect.any(Number),
      });
      if (result.personId === null) throw new Error('unreachable');
      expect(result.similarity).toBeCloseTo(best, 5);
    }
  });

  it('throws RangeError for a bad dimension, mean or probe', () => {
    expect(() => new TemplateIndex(MODEL, 0)).toThrow(RangeError);
    expect(() => new TemplateIndex(MODEL, 2.5)).toThrow(RangeError);
    const index = new TemplateIndex(MODEL, 2);
    expect(() => index.add('a', [1, 0, 0])).toThrow(RangeError);
    expect(() => index.add('a', [0, 0])).toThrow(RangeError);
    expect(() => index.search([1, 0, 0], 0.5)).toThrow(RangeError);
    expect(() => index.searchFrames([], 0.5)).toThrow(RangeError);
  });
});
