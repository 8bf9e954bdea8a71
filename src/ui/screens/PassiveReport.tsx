import type { LivenessScores } from '../../shared/engineApi';

/**
 * The passive liveness models' median scores over the frames the challenge used. They
 * are shown, never decided on: on our test clips they did not tell a photo from a live
 * face (README, Liveness).
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
