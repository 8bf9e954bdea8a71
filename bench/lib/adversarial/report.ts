import { wilsonInterval } from './stats';

/** "k/n rate [low, high]" with the 95 % Wilson interval. */
export function formatRate(successes: number, trials: number): string {
  const { low, high } = wilsonInterval(successes, trials);
  const rate = successes / trials;
  return `${successes}/${trials} ${rate.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`;
}

/** The lower median, as the app fuses frames; NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1]! : NaN;
}

/** One attack's outcome on one pair: accepted without and with the defence. */
export interface Outcome {
  accepted: boolean;
  defended: boolean;
  similarity: number;
  defendedSimilarity: number;
}

const widths = [16, 4, 30, 8, 30, 8] as const;
const line = (cells: readonly string[]) =>
  cells
    .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
    .join('  ')
    .trimEnd();

export function tableHeader(): string {
  return line(['attack', 'eps', 'far_attack [95 % CI]', 'sim', 'far_defended [95 % CI]', 'sim']);
}

export function tableRow(attack: string, eps: number, rows: readonly Outcome[]): string {
  const n = rows.length;
  return line([
    attack,
    String(eps),
    formatRate(rows.filter((r) => r.accepted).length, n),
    median(rows.map((r) => r.similarity)).toFixed(3),
    formatRate(rows.filter((r) => r.defended).length, n),
    median(rows.map((r) => r.defendedSimilarity)).toFixed(3),
  ]);
}
