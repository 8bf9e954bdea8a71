/**
 * A small deterministic generator (mulberry32): the same 32-bit seed gives the same
 * numbers on every run and every engine. It is not a cryptographic generator; the
 * unpredictability of a challenge comes from its seed, which the app draws from
 * `crypto.getRandomValues`.
 *
 * @returns a function giving numbers in [0, 1)
 * @throws RangeError when the seed is not an integer in [0, 2^32)
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`a seed must be an integer in [0, 2^32), not ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}
