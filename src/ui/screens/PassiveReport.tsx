import type { LivenessScores } from '../../shared/engineApi';

/**
 * The passive liveness models' median scores over the frames the challenge used. They
 * are shown, never decided on: on our clips, all of them photos, they scored most
 * photos as live (README, Liveness).
 */
export function PassiveReport({ scores }: { scores: LivenessScores }) {
  const text = Object.entries(scores)
    .map(([id, value]) => `${id} ${value.toFixed(2)}`)
    .join(', ');
  return (
    <p data-testid="passive-liveness" className="passive-report">
      Passive liveness models (shown only, not part of the decision): {text}.
    </p>
  );
}
