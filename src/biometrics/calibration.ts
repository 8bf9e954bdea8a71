/** A pair that could not be scored (similarity −∞) is never accepted, whatever the threshold. */
export function isAccepted(similarity: number, threshold: number): boolean {
  return Number.isFinite(similarity) && similarity >= threshold;
}

/** A scored comparison: the similarity of two faces and whether they are one person. */
export interface ScoredPair {
  similarity: number;
  samePerson: boolean;
}

export interface OperatingPoint {
  threshold: number;
  /** Share of different-person pairs accepted. */
  falseAcceptRate: number;
  /** Share of same-person pairs accepted. */
  trueAcceptRate: number;
}

/**
 * The lowest threshold whose false-accept rate does not exceed `targetFar`, with a pair
 * accepted when its similarity is at least the threshold. A pair that could not be
 * scored (a face not found) must be passed with similarity −Infinity, never left out.
 */
export function thresholdAtFar(pairs: readonly ScoredPair[], targetFar: number): OperatingPoint {
  const impostors = pairs
    .filter((p) => !p.samePerson)
    .map((p) => p.similarity)
    .sort((x, y) => y - x);
  if (impostors.length === 0) throw new RangeError('no different-person pairs');
  const allowed = Math.floor(targetFar * impostors.length);
  // Accept strictly above the (allowed+1)-th highest impostor score.
  const boundary = impostors[allowed];
  const threshold = boundary === undefined || boundary === -Infinity ? -Infinity : nextUp(boundary);
  return { threshold, ...ratesAt(pairs, threshold) };
}

export function ratesAt(
  pairs: readonly ScoredPair[],
  threshold: number,
): { falseAcceptRate: number; trueAcceptRate: number } {
  let genuine = 0;
  let genuineAccepted = 0;
  let impostor = 0;
  let impostorAccepted = 0;
  for (const p of pairs) {
    const accepted = isAccepted(p.similarity, threshold);
    if (p.samePerson) {
      genuine++;
      if (accepted) genuineAccepted++;
    } else {
      impostor++;
      if (accepted) impostorAccepted++;
    }
  }
  return {
    falseAcceptRate: impostor ? impostorAccepted / impostor : 0,
    trueAcceptRate: genuine ? genuineAccepted / genuine : 0,
  };
}

export function accuracyAt(pairs: readonly ScoredPair[], threshold: number): number {
  let correct = 0;
  for (const p of pairs) if (isAccepted(p.similarity, threshold) === p.samePerson) correct++;
  return pairs.length ? correct / pairs.length : 0;
}

/** The threshold (a midpoint between adjacent scores) that gives the best accuracy. */
export function bestAccuracyThreshold(pairs: readonly ScoredPair[]): {
  threshold: number;
  accuracy: number;
} {
  const candidates = candidateThresholds(pairs);
  let best = { threshold: candidates[0] ?? 0, accuracy: -1 };
  for (const t of candidates) {
    const accuracy = accuracyAt(pairs, t);
    if (accuracy > best.accuracy) best = { threshold: t, accuracy };
  }
  return best;
}

/** Equal error rate: where the false-accept and false-reject rates meet. */
export function equalErrorRate(pairs: readonly ScoredPair[]): number {
  let best = { gap: Infinity, eer: 1 };
  for (const t of candidateThresholds(pairs)) {
    const { falseAcceptRate, trueAcceptRate } = ratesAt(pairs, t);
    const frr = 1 - trueAcceptRate;
    const gap = Math.abs(falseAcceptRate - frr);
    if (gap < best.gap) best = { gap, eer: (falseAcceptRate + frr) / 2 };
  }
  return best.eer;
}

function candidateThresholds(pairs: readonly ScoredPair[]): number[] {
  const scores = [...new Set(pairs.map((p) => p.similarity).filter(Number.isFinite))].sort(
    (a, b) => a - b,
  );
  const out = [-Infinity];
  for (let i = 0; i + 1 < scores.length; i++) out.push((scores[i]! + scores[i + 1]!) / 2);
  if (scores.length) out.push(nextUp(scores[scores.length - 1]!));
  return out;
}

function nextUp(x: number): number {
  return x + Math.max(Math.abs(x) * 1e-9, 1e-12);
}
