import { guidanceFor, type Guidance, type QualityPolicy } from '../../biometrics/qualityPolicy';
import { headTurn } from '../../biometrics/liveness/headTurn';
import type { ChallengeObservation } from '../../biometrics/liveness/challenge';
import type { FrameEvidence } from '../../app/decisions';
import type { AnalyzeResult } from '../../shared/engineApi';

/** One analysed frame read for the challenge, and what to tell the person about it. */
export interface ChallengeFrame {
  observation: ChallengeObservation<FrameEvidence>;
  /** What the face needs to be usable (light, size, focus), null when it is. */
  guidance: Guidance | null;
  box: { x: number; y: number; width: number; height: number } | null;
  frameSize: { width: number; height: number };
}

/**
 * The largest face of a frame as the challenge reads it. A turned head is what the
 * challenge asks for, so the quality policy's limit on head turn is lifted here; every
 * other limit (size, margin, tilt, light, focus) still decides whether it is usable.
 */
export function challengeFrame(
  result: AnalyzeResult,
  atMs: number,
  matches: (embedding: Float32Array) => boolean,
  policy: QualityPolicy,
): ChallengeFrame {
  const largest = result.faces[0] ?? null;
  const guidance = guidanceFor(largest ? [largest] : [], { ...policy, maxAbsYawDegrees: 90 });
  const frameSize = { width: result.frameWidth, height: result.frameHeight };
  if (!largest?.embedding) {
    return { observation: { atMs, face: null }, guidance, box: largest?.box ?? null, frameSize };
  }
  const usable = guidance === null;
  return {
    observation: {
      atMs,
      face: {
        box: largest.box,
        turn: headTurn(largest.keypoints),
        usable,
        // Only a usable face is compared: a dark or blurred one says little either way.
        matches: usable && matches(largest.embedding),
        embedding: { embedding: largest.embedding, livenessScores: largest.livenessScores },
      },
    },
    guidance,
    box: largest.box,
    frameSize,
  };
}
