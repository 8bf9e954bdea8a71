/** A point in pixels, x to the right and y down. */
export interface Point {
  x: number;
  y: number;
}

/**
 * The face keypoints that MediaPipe's face detector gives, named for the person:
 * `rightEye` is the person's right eye, on the left of an unmirrored frame.
 */
export interface FaceKeypoints {
  rightEye: Point;
  leftEye: Point;
  noseTip: Point;
  mouthCenter: Point;
  rightEarTragion: Point;
  leftEarTragion: Point;
}

export const KEYPOINT_NAMES = [
  'rightEye',
  'leftEye',
  'noseTip',
  'mouthCenter',
  'rightEarTragion',
  'leftEarTragion',
] as const satisfies readonly (keyof FaceKeypoints)[];

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
