import { guidanceFor, type Guidance, type QualityPolicy } from '../../biometrics/qualityPolicy';
import type { AnalyzeResult } from '../../shared/engineApi';

/** Frames collected for one enrolment or one attempt. */
export interface GoodFrames {
  embeddings: Float32Array[];
  /** What the last frame needs, null when it was good. */
  guidance: Guidance | null;
  /** The last frame's largest face box, in frame pixels, for the overlay. */
  box: { x: number; y: number; width: number; height: number } | null;
  frameSize: { width: number; height: number } | null;
}

export const noFrames: GoodFrames = { embeddings: [], guidance: null, box: null, frameSize: null };

/**
 * Adds a frame's result: its embedding is kept only when the frame holds exactly the
 * face we want and that face passes the quality policy. With `allowOthers`, a frame
 * with several people keeps the largest face (a kiosk queue); enrolment wants one.
 */
export function addFrame(
  state: GoodFrames,
  result: AnalyzeResult,
  policy: QualityPolicy,
  allowOthers: boolean,
): GoodFrames {
  const faces = allowOthers ? result.faces.slice(0, 1) : result.faces;
  const guidance = guidanceFor(faces, policy);
  const largest = result.faces[0] ?? null;
  const next: GoodFrames = {
    embeddings: state.embeddings,
    guidance,
    box: largest?.box ?? null,
    frameSize: { width: result.frameWidth, height: result.frameHeight },
  };
  if (guidance === null && largest?.embedding) {
    next.embeddings = [...state.embeddings, largest.embedding];
  }
  return next;
}
