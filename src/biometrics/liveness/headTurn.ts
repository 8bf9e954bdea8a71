import { distance, midpoint, type FaceKeypoints } from '../geometry';

/**
 * How far the head is turned, from the nose tip's offset to the midpoint of the eyes,
 * measured along the eye line and divided by the distance between the eyes. Positive
 * when the nose points to the frame's right (in an unmirrored frame, the person turns to
 * their own left), negative to the frame's left, about 0 facing the camera.
 *
 * Why not the ear tragions (as `yawDegrees` does): when the head turns, the far ear
 * goes out of sight and the detector guesses where it is; the eyes and the nose stay
 * visible. Dividing by the eye distance makes the figure independent of how far away
 * the face is, and measuring along the eye line makes it independent of head tilt.
 * For a nose that stands out by d from eyes 2e apart, the figure is (d / 2e) · tan(yaw):
 * it grows with the turn but is not an angle.
 *
 * @returns the offset in eye distances; 0 when the eyes coincide (no usable face)
 */
export function headTurn(k: FaceKeypoints): number {
  const interOcular = distance(k.rightEye, k.leftEye);
  if (!(interOcular > 1e-9)) return 0;
  const ux = (k.leftEye.x - k.rightEye.x) / interOcular;
  const uy = (k.leftEye.y - k.rightEye.y) / interOcular;
  const centre = midpoint(k.rightEye, k.leftEye);
  const along = (k.noseTip.x - centre.x) * ux + (k.noseTip.y - centre.y) * uy;
  return along / interOcular;
}

/** A head pose as the challenge reads it. `between` is neither facing nor turned. */
export type HeadPose = 'straight' | 'left' | 'right' | 'between';

/**
 * The pose for a `headTurn` figure: turned at or beyond `turnedAt`, straight within
 * `straightWithin`, between otherwise. `left` and `right` are the person's own: the
 * person's left is the frame's right in an unmirrored camera frame.
 */
export function headPose(turn: number, straightWithin: number, turnedAt: number): HeadPose {
  if (Math.abs(turn) <= straightWithin) return 'straight';
  if (turn >= turnedAt) return 'left';
  if (turn <= -turnedAt) return 'right';
  return 'between';
}
