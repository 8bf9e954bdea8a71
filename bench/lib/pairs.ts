// LFW pairs files: the development format (first line: how many pairs of each kind)
// and the 10-fold format (first line: folds, then pairs of each kind per fold).

/** Photo i of NAME, as LFW names it. */
export function photoPath(name: string, index: number): string {
  return `${name}/${name}_${String(index).padStart(4, '0')}.jpg`;
}

export interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
  /** 0 for the development format. */
  fold: number;
}

/** @throws Error naming the line that fits neither format */
export function parsePairs(text: string): { folds: number; pairs: LabelledPair[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.trim().split(/\s+/).map(Number) ?? [];
  if (!header.length || header.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error('pairs file: the first line must hold one or two positive counts');
  }
  const [folds, perKind] = (header.length === 2 ? header : [1, header[0]]) as [number, number];
  const pairs: LabelledPair[] = [];
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.trim().split(/\t| +/) as [string, string, string, string?];
    const index = i - 1;
    const fold = Math.floor(index / (2 * perKind));
    if (f.length === 3) {
      pairs.push({ a: photoPath(f[0], +f[1]), b: photoPath(f[0], +f[2]), same: true, fold });
    } else if (f.length === 4) {
      pairs.push({
        a: photoPath(f[0], +f[1]),
        b: photoPath(f[2], Number(f[3])),
        same: false,
        fold,
      });
    } else {
      throw new Error(`pairs file: line ${i + 1} is neither NAME i j nor NAME1 i NAME2 j`);
    }
  }
  if (pairs.length !== folds * 2 * perKind) {
    throw new Error(`pairs file: expected ${folds * 2 * perKind} pairs, found ${pairs.length}`);
  }
  return { folds, pairs };
}

/**
 * The pairs whose photos both exist, and those left out. LFW's public copy lacks a
 * photo or two (its README names them): a missing file is left out and reported, unlike
 * a face the detector misses, which fails its pair.
 */
export function pairsWithPhotos(
  pairs: readonly LabelledPair[],
  exists: (photo: string) => boolean,
): { usable: LabelledPair[]; missing: LabelledPair[] } {
  const usable: LabelledPair[] = [];
  const missing: LabelledPair[] = [];
  for (const p of pairs) (exists(p.a) && exists(p.b) ? usable : missing).push(p);
  return { usable, missing };
}
