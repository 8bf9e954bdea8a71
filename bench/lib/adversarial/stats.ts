// Small-sample statistics for the attack rates: a handful of pairs gives a rate whose
// uncertainty matters more than its value.
import { seededRandom } from '../../../src/biometrics/liveness/seededRandom';

// The app's own generator, so the bench draws with the one tested implementation.
export { seededRandom };

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` of `trials` at the normal quantile z (1.96:
 * 95 %). Unlike the plain ±z·√(p(1−p)/n), it stays inside [0, 1] and is not zero-width
 * at 0 or n successes, which is where small attack samples land.
 *
 * @throws RangeError when the counts are not integers with 0 ≤ successes ≤ trials, trials > 0
 */
export function wilsonInterval(successes: number, trials: number, z = 1.96): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || trials <= 0) {
    throw new RangeError('counts must be integers and trials > 0');
  }
  if (successes < 0 || successes > trials) throw new RangeError('successes outside 0…trials');
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials ** 2));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The items in a seeded random order (Fisher–Yates); the input is left as it was. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
