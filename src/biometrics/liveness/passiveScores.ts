/**
 * The median score of each passive liveness model over the frames of one attempt, or
 * null when no frame has scores. A model missing from some frames is the median of the
 * frames that have it; non-finite scores are left out.
 */
export function medianScores(
  frames: readonly (Readonly<Record<string, number>> | null)[],
): Record<string, number> | null {
  const byModel = new Map<string, number[]>();
  for (const scores of frames) {
    for (const [id, value] of Object.entries(scores ?? {})) {
      if (!Number.isFinite(value)) continue;
      byModel.set(id, [...(byModel.get(id) ?? []), value]);
    }
  }
  if (byModel.size === 0) return null;
  const out: Record<string, number> = {};
  for (const [id, values] of byModel) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    out[id] = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return out;
}
