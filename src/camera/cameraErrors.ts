/** Why the camera cannot be used; each has its own plain message and a way to retry. */
export type CameraErrorCode =
  | 'permission-denied'
  | 'no-camera'
  | 'camera-busy'
  | 'camera-lost'
  | 'insecure-context'
  | 'unsupported';

export const cameraErrorMessages: Record<CameraErrorCode, string> = {
  'permission-denied':
    'Facegate may not use the camera. Allow camera access for this site in the browser’s settings, then try again.',
  'no-camera': 'No camera was found. Connect a camera, then try again, or pick a photo instead.',
  'camera-busy': 'The camera is in use by another app or tab. Close it there, then try again.',
  'camera-lost': 'The camera stopped (was it unplugged?). Reconnect it, then try again.',
  'insecure-context': 'The camera works only on a secure (https) page.',
  unsupported: 'This browser cannot use a camera. Pick a photo or video instead.',
};

/** Maps what getUserMedia threw to one of our codes. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'camera-busy';
    default:
      return 'camera-busy';
  }
}
