import { afterEach, describe, expect, it, vi } from 'vitest';
import { challengeSeed } from './challengeSeed';

describe('challengeSeed', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws 32 random bits each time', () => {
    const seeds = Array.from({ length: 20 }, challengeSeed);
    for (const seed of seeds) {
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThanOrEqual(0xffffffff);
    }
    expect(new Set(seeds).size).toBeGreaterThan(15);
  });

  it('ignores a seed in the address outside the harness build', () => {
    expect(import.meta.env.MODE).not.toBe('harness');
    vi.stubGlobal('location', { search: '?challengeSeed=5' });
    const seeds = Array.from({ length: 10 }, challengeSeed);
    expect(seeds.filter((s) => s === 5).length).toBeLessThan(10);
    expect(new Set(seeds).size).toBeGreaterThan(5);
  });
});
