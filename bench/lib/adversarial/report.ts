import { wilsonInterval } from './stats';

/** "k/n rate [low, high]" with the 95 % Wilson interval. */
export function formatRate(successes: number, trials: number): string {
  const { low, high } = wilsonInterval(successes, trials);
  const rate = successes / trials;
  return `${successes}/${trials} ${rate.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`;
}
