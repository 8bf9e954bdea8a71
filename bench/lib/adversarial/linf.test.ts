import { describe, expect, it } from 'vitest';
import { linfDistance, projectLinf, randomStart, signStep, toPixels } from './linf';
import { seededRandom } from './stats';

const f = (...v: number[]) => Float32Array.from(v);

describe('the L∞ budget on 8-bit pixels', () => {
  it('clips each value into the ε-box around the original', () => {
    const out = projectLinf(f(90, 110, 100.5, 96), f(100, 100, 100, 100), 4);
    expect(Array.from(out)).toEqual([96, 104, 100.5, 96]);
    expect(linfDistance(out, f(100, 100, 100, 100))).toBeLessThanOrEqual(4);
  });

  it('never leaves [0, 255], even where the box would', () => {
    expect(Array.from(projectLinf(f(-3, 260), f(1, 253), 8))).toEqual([0, 255]);
  });

  it('refuses a negative ε and images of different sizes', () => {
    expect(() => projectLinf(f(1), f(1), -1)).toThrow(RangeError);
    expect(() => projectLinf(f(1, 2), f(1), 1)).toThrow(/size/);
  });

  it('steps along the sign of the gradient, not its size, and not where it is zero', () => {
    const out = signStep(f(10, 10, 10), f(0.001, -50, 0), 2);
    expect(Array.from(out)).toEqual([12, 8, 10]);
  });

  it('starts PGD inside the box, and not at the clean image', () => {
    const x0 = new Float32Array(1000).fill(128);
    const start = randomStart(x0, 2, seededRandom(1));
    expect(linfDistance(start, x0)).toBeLessThanOrEqual(2);
    expect(linfDistance(start, x0)).toBeGreaterThan(1.5);
  });

  it('rounds to displayable pixels without leaving an integer budget', () => {
    const x0 = f(100, 0, 255);
    const x = projectLinf(f(101.5, -1, 250.4), x0, 2);
    const pixels = toPixels(x);
    expect(Array.from(pixels)).toEqual([102, 0, 253]);
    expect(linfDistance(pixels, x0)).toBeLessThanOrEqual(2);
  });
});
