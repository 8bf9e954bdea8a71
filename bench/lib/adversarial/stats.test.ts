import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled, wilsonInterval } from './stats';

describe('Wilson interval', () => {
  it('matches the textbook value for 8 of 10', () => {
    // (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with p = 0.8, n = 10, z = 1.96.
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('is not zero-width at 0 or n successes, and stays in [0, 1]', () => {
    const none = wilsonInterval(0, 16);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.1936, 3);
    const all = wilsonInterval(16, 16);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8064, 3);
  });

  it('narrows as the sample grows', () => {
    const small = wilsonInterval(5, 10);
    const large = wilsonInterval(500, 1000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds, within [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(42));
    const b = Array.from({ length: 5 }, seededRandom(42));
    const c = Array.from({ length: 5 }, seededRandom(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffled(items, seededRandom(3));
    expect(out).not.toEqual(items);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});
