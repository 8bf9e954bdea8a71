import { describe, expect, it } from 'vitest';
import { linfDistance } from './linf';
import { attack, fgsmSettings, pgdSettings, type Objective } from './pgd';
import { seededRandom } from './stats';

// A linear objective w·x: its maximum in the box is x0 + ε·sign(w), clipped to [0, 255].
const w = Float32Array.from([1, -2, 0.5, -0.1, 3]);
const linear: Objective = (x) => ({
  value: x.reduce((s, v, i) => s + v * w[i]!, 0),
  gradient: w,
});
const x0 = Float32Array.from([100, 100, 254, 1, 50]);

describe('FGSM and PGD', () => {
  it('FGSM takes one step of the whole budget towards the objective', () => {
    const { pixels, trace } = attack(x0, linear, fgsmSettings(4), seededRandom(1));
    expect(Array.from(pixels)).toEqual([104, 96, 255, 0, 54]);
    expect(trace).toHaveLength(1);
  });

  it('PGD from a random start reaches the corner of the box and stays inside it', () => {
    const { pixels, trace } = attack(x0, linear, pgdSettings(2, 10), seededRandom(1));
    expect(Array.from(pixels)).toEqual([102, 98, 255, 0, 52]);
    expect(linfDistance(pixels, x0)).toBeLessThanOrEqual(2);
    expect(trace).toHaveLength(10);
    expect(trace.at(-1)!).toBeGreaterThan(trace[0]!);
  });

  it('moves nothing when the gradient is zero (no free perturbation)', () => {
    const flat: Objective = () => ({ value: 0, gradient: new Float32Array(5) });
    const { pixels } = attack(x0, flat, fgsmSettings(8), seededRandom(1));
    expect(Array.from(pixels)).toEqual(Array.from(x0));
  });
});
