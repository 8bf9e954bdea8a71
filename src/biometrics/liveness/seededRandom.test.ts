import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(first);
  });

  it('gives other numbers for another seed', () => {
    const a = Array.from({ length: 5 }, seededRandom(1));
    const b = Array.from({ length: 5 }, seededRandom(2));
    expect(a).not.toEqual(b);
  });

  it('stays in [0, 1) and spreads over it', () => {
    const next = seededRandom(0xffffffff);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]!++;
    }
    // Each tenth holds about 1,000 draws; 800–1,200 is far outside chance for a fair one.
    for (const n of buckets) expect(n).toBeGreaterThan(800);
    for (const n of buckets) expect(n).toBeLessThan(1200);
  });

  it('refuses a seed outside 32 bits', () => {
    expect(() => seededRandom(-1)).toThrow(RangeError);
    expect(() => seededRandom(2 ** 32)).toThrow(RangeError);
    expect(() => seededRandom(1.5)).toThrow(RangeError);
  });
});
