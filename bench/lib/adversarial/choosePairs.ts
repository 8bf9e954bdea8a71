import type { LabelledPair } from '../pairs';
import { seededRandom, shuffled } from './stats';

/**
 * `count` pairs of one kind (same person or not), in a seeded random order, skipping
 * those whose photos are not usable (no face found). Deterministic: the same file, seed
 * and usable set give the same pairs, so runs can be compared.
 *
 * @throws RangeError when fewer than `count` usable pairs of that kind exist
 */
export function choosePairs(
  pairs: readonly LabelledPair[],
  options: { same: boolean; count: number; seed: number; usable?: (photo: string) => boolean },
): LabelledPair[] {
  const { same, count, seed, usable = () => true } = options;
  const ofKind = pairs.filter((p) => p.same === same);
  const chosen = shuffled(ofKind, seededRandom(seed))
    .filter((p) => usable(p.a) && usable(p.b))
    .slice(0, count);
  if (chosen.length < count) {
    throw new RangeError(
      `only ${chosen.length} usable ${same ? 'same' : 'different'}-person pairs, ${count} asked`,
    );
  }
  return chosen;
}
