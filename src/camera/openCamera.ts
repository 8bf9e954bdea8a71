import { cameraErrorCode, type CameraErrorCode } from './cameraErrors';

export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(readonly code: CameraErrorCode) {
    super(code);
  }
}

/**
 * Opens a camera stream. `onLost` fires when the track ends without being stopped by
 * us (camera unplugged, permission revoked mid-session).
 *
 * @throws CameraError
 */
export async function openCamera(
  deviceId: string | undefined,
  onLost: () => void,
): Promise<MediaStream> {
  if (!window.isSecureContext) throw new CameraError('insecure-context');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'user' }),
        width: { ideal: 1280 },
        height: { ideal: 720 },
      },
      audio: false,
    });
  } catch (error) {
    throw new CameraError(cameraErrorCode(error));
  }
  for (const track of stream.getVideoTracks()) track.addEventListener('ended', onLost);
  return stream;
}

/** Stops every track; their `ended` listeners do not fire for a stop we asked for. */
export function closeCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput');
}
