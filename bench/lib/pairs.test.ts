import { describe, expect, it } from 'vitest';
import { pairsWithPhotos, parsePairs, photoPath } from './pairs';

describe('LFW pairs files', () => {
  it('names photos with four-digit numbers', () => {
    expect(photoPath('Ai_Sugiyama', 2)).toBe('Ai_Sugiyama/Ai_Sugiyama_0002.jpg');
  });

  it('reads the development format: one count, same-person pairs then different', () => {
    const text = '2\nA\t1\t2\nB\t3\t4\nA\t1\tB\t3\nC\t1\tD\t12\n';
    const { folds, pairs } = parsePairs(text);
    expect(folds).toBe(1);
    expect(pairs).toHaveLength(4);
    expect(pairs[0]).toEqual({ a: 'A/A_0001.jpg', b: 'A/A_0002.jpg', same: true, fold: 0 });
    expect(pairs[3]).toEqual({ a: 'C/C_0001.jpg', b: 'D/D_0012.jpg', same: false, fold: 0 });
  });

  it('reads the 10-fold format and numbers the folds', () => {
    // 2 folds of 1 same + 1 different pair each.
    const text = '2\t1\nA\t1\t2\nA\t1\tB\t1\nC\t1\t2\nC\t1\tD\t1\n';
    const { folds, pairs } = parsePairs(text);
    expect(folds).toBe(2);
    expect(pairs.map((p) => [p.fold, p.same])).toEqual([
      [0, true],
      [0, false],
      [1, true],
      [1, false],
    ]);
  });

  it('refuses a malformed header, line or count', () => {
    expect(() => parsePairs('x\nA\t1\t2\n')).toThrow(/first line/);
    expect(() => parsePairs('1\nA\t1\nB\t1\tC\t2\n')).toThrow(/line 2/);
    expect(() => parsePairs('2\nA\t1\t2\nB\t1\tC\t2\n')).toThrow(/expected 4 pairs, found 2/);
  });

  it('leaves out, and reports, pairs naming a photo that is not there', () => {
    const { pairs } = parsePairs('1\nA\t1\t2\nA\t1\tB\t1\n');
    const { usable, missing } = pairsWithPhotos(pairs, (p) => p !== 'B/B_0001.jpg');
    expect(usable).toHaveLength(1);
    expect(missing).toEqual([pairs[1]]);
  });
});
