import { describe, expect, it } from 'vitest';
import type { LabelledPair } from '../pairs';
import { choosePairs } from './choosePairs';

const pairs: LabelledPair[] = Array.from({ length: 40 }, (_, i) => ({
  a: `P${i}/a.jpg`,
  b: `Q${i}/b.jpg`,
  same: i % 2 === 0,
  fold: 0,
}));

describe('choosing pairs for the attack', () => {
  it('gives the same pairs for the same seed, of the kind asked, without repeats', () => {
    const one = choosePairs(pairs, { same: false, count: 8, seed: 7 });
    const two = choosePairs(pairs, { same: false, count: 8, seed: 7 });
    expect(one).toEqual(two);
    expect(one.every((p) => !p.same)).toBe(true);
    expect(new Set(one).size).toBe(8);
    expect(choosePairs(pairs, { same: false, count: 8, seed: 8 })).not.toEqual(one);
  });

  it('skips pairs with an unusable photo and keeps the order of the rest', () => {
    const all = choosePairs(pairs, { same: true, count: 20, seed: 1 });
    const dropped = all[2]!.b;
    const chosen = choosePairs(pairs, {
      same: true,
      count: 5,
      seed: 1,
      usable: (p) => p !== dropped,
    });
    expect(chosen).toEqual([all[0], all[1], all[3], all[4], all[5]]);
  });

  it('says so when there are not enough usable pairs', () => {
    expect(() => choosePairs(pairs, { same: true, count: 21, seed: 1 })).toThrow(/only 20/);
  });
});
