import { describe, expect, it } from 'vitest';
import { medianScores } from './passiveScores';

describe('medianScores', () => {
  it('is the median of each model over the frames', () => {
    const frames = [
      { antispoof: 0.9, liveness: 0.1 },
      { antispoof: 0.2, liveness: 0.3 },
      { antispoof: 0.5, liveness: 0.2 },
      { antispoof: 0.7, liveness: 0.4 },
    ];
    const m = medianScores(frames)!;
    expect(m.antispoof).toBeCloseTo(0.6, 12);
    expect(m.liveness).toBeCloseTo(0.25, 12);
  });

  it('skips frames without scores and non-finite scores', () => {
    expect(medianScores([null, { a: 0.4 }, { a: NaN }, { a: 0.8 }, { a: 0.5 }])).toEqual({
      a: 0.5,
    });
  });

  it('is null when no frame has a score', () => {
    expect(medianScores([])).toBeNull();
    expect(medianScores([null, {}])).toBeNull();
  });
});
