import { describe, expect, it } from 'vitest';
import { makeTemplate, ModelMismatchError, templateSimilarity } from './templates';

describe('makeTemplate', () => {
  it('keeps the model, unit copies of the embeddings and their mean', () => {
    const input = [Float32Array.from([2, 0]), Float32Array.from([0, 1])];
    const template = makeTemplate('facenet', input);
    expect(template.modelId).toBe('facenet');
    expect(template.mean[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(template.mean[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect([...template.embeddings[0]!]).toEqual([1, 0]);
    expect([...template.embeddings[1]!]).toEqual([0, 1]);
    // The caller's arrays are neither kept nor changed.
    expect(template.embeddings[0]).not.toBe(input[0]);
    expect([...input[0]!]).toEqual([2, 0]);
  });

  it('refuses an empty model id, no embeddings, unequal lengths and non-finite values', () => {
    expect(() => makeTemplate('', [[1, 0]])).toThrow(RangeError);
    expect(() => makeTemplate('m', [])).toThrow(RangeError);
    expect(() =>
      makeTemplate('m', [
        [1, 0],
        [1, 0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() => makeTemplate('m', [[1, NaN]])).toThrow(RangeError);
    expect(() =>
      makeTemplate('m', [
        [1, 0],
        [Infinity, 0],
      ]),
    ).toThrow(RangeError);
    expect(() => makeTemplate('m', [[0, 0]])).toThrow(RangeError);
  });
});

describe('templateSimilarity', () => {
  const template = makeTemplate('facenet', [
    [1, 0],
    [0, 1],
  ]);

  it('is the cosine with the mean', () => {
    expect(templateSimilarity([1, 1], template, 'facenet')).toBeCloseTo(1, 6);
    expect(templateSimilarity([1, 0], template, 'facenet')).toBeCloseTo(Math.SQRT1_2, 6);
    expect(templateSimilarity([-5, -5], template, 'facenet')).toBeCloseTo(-1, 6);
    expect(templateSimilarity([1, -1], template, 'facenet')).toBeCloseTo(0, 6);
  });

  it('throws ModelMismatchError for a probe of another model, naming both', () => {
    let error: unknown;
    try {
      templateSimilarity([1, 1], template, 'arcface');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelMismatchError);
    expect(error).toBeInstanceOf(Error);
    const mismatch = error as ModelMismatchError;
    expect(mismatch.code).toBe('model-mismatch');
    expect(mismatch.name).toBe('ModelMismatchError');
    expect(mismatch.probeModelId).toBe('arcface');
    expect(mismatch.templateModelId).toBe('facenet');
  });

  it('throws RangeError for a probe of another length or an unusable probe', () => {
    expect(() => templateSimilarity([1, 1, 1], template, 'facenet')).toThrow(RangeError);
    expect(() => templateSimilarity([0, 0], template, 'facenet')).toThrow(RangeError);
    expect(() => templateSimilarity([NaN, 1], template, 'facenet')).toThrow(RangeError);
  });
});
