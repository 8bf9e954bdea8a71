import type { FaceQuality } from './quality';

/**
 * Limits a face must meet to be enrolled or verified. They are not tied to one
 * embedding model: they describe a face any model can read (size, pose, light, focus).
 */
export interface QualityPolicy {
  /** Eye centres at least this far apart, in frame pixels. */
  minInterOcular: number;
  /** The face box at least this far inside the frame, in frame pixels. */
  minEdgeMargin: number;
  maxAbsYawDegrees: number;
  maxAbsRollDegrees: number;
  /** Variance of the Laplacian of the aligned face. */
  minSharpness: number;
  minBrightness: number;
  maxBrightness: number;
}

export const defaultQualityPolicy: QualityPolicy = {
  minInterOcular: 24,
  minEdgeMargin: 2,
  maxAbsYawDegrees: 35,
  maxAbsRollDegrees: 20,
  minSharpness: 8,
  minBrightness: 50,
  maxBrightness: 215,
};

/** What the person should do, most important first; none means the face is good. */
export type Guidance =
  | 'no-face'
  | 'one-person'
  | 'move-closer'
  | 'move-into-frame'
  | 'face-camera'
  | 'straighten-head'
  | 'more-light'
  | 'less-light'
  | 'hold-still';

export const guidanceText: Record<Guidance, string> = {
  'no-face': 'No face found. Look at the camera.',
  'one-person': 'One person at a time, please.',
  'move-closer': 'Move closer to the camera.',
  'move-into-frame': 'Move so your whole face is in the picture.',
  'face-camera': 'Face the camera.',
  'straighten-head': 'Hold your head straight.',
  'more-light': 'More light, please: your face is too dark.',
  'less-light': 'Too bright: move away from the light.',
  'hold-still': 'Hold still: the picture is blurred.',
};

/**
 * The same findings for a photo file: the person cannot move in front of a photo, so
 * these say what is wrong with it and what photo to pick instead.
 */
export const photoGuidanceText: Record<Guidance, string> = {
  'no-face': 'No face was found in this photo.',
  'one-person': 'This photo shows more than one face. Use a photo of one person alone.',
  'move-closer': 'The face in this photo is too small. Use a photo taken closer up.',
  'move-into-frame':
    'The face is cut off by the edge of this photo. Use a photo that shows the whole face.',
  'face-camera':
    'The face in this photo is turned away. Use a photo where it looks straight ahead.',
  'straighten-head': 'The head in this photo is tilted. Use a photo where it is upright.',
  'more-light': 'The face in this photo is too dark. Use a brighter photo.',
  'less-light': 'The face in this photo is too bright. Use a photo with less glare.',
  'hold-still': 'This photo is blurred. Use a sharp photo.',
};

/**
 * The first thing wrong with a frame's faces (largest first), or null when its one face
 * is good. An upside-down face is not caught: the detector reports its keypoints as an
 * upright face's, so nothing here can tell (see README, Known limitations).
 */
export function guidanceFor(
  faces: readonly { quality: FaceQuality }[],
  policy: QualityPolicy = defaultQualityPolicy,
): Guidance | null {
  if (faces.length === 0) return 'no-face';
  const q = faces[0]!.quality;
  // Before the count: a face cut off by the edge can also yield a small phantom
  // detection beside it, and "one person at a time" would then send the person wrong.
  if (q.edgeMargin < policy.minEdgeMargin) return 'move-into-frame';
  if (faces.length > 1) return 'one-person';
  if (q.interOcular < policy.minInterOcular) return 'move-closer';
  if (Math.abs(q.yawDegrees) > policy.maxAbsYawDegrees) return 'face-camera';
  if (Math.abs(q.rollDegrees) > policy.maxAbsRollDegrees) return 'straighten-head';
  if (q.brightness < policy.minBrightness) return 'more-light';
  if (q.brightness > policy.maxBrightness) return 'less-light';
  if (q.sharpness < policy.minSharpness) return 'hold-still';
  return null;
}
