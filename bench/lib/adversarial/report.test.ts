import { describe, expect, it } from 'vitest';
import { formatRate, median, tableRow } from './report';

describe('the attack report', () => {
  it('writes a rate with its count and 95 % interval', () => {
    expect(formatRate(8, 10)).toBe('8/10 0.800 [0.490, 0.943]');
    expect(formatRate(0, 16)).toBe('0/16 0.000 [0.000, 0.194]');
  });

  it('takes the lower median, as the app fuses frames', () => {
    expect(median([0.9, 0.1, 0.5])).toBe(0.5);
    expect(median([0.4, 0.2, 0.8, 0.6])).toBe(0.4);
    expect(median([])).toBeNaN();
  });

  it('counts accepts with and without the defence separately', () => {
    const row = tableRow('pgd-10', 2, [
      { accepted: true, defended: false, similarity: 0.95, defendedSimilarity: 0.9 },
      { accepted: true, defended: true, similarity: 0.97, defendedSimilarity: 0.94 },
      { accepted: false, defended: false, similarity: 0.8, defendedSimilarity: 0.7 },
    ]);
    expect(row).toMatch(/^pgd-10\s+2\s+2\/3 0\.667 .*0\.950\s+1\/3 0\.333 .*0\.900$/);
  });
});
