import { EngineError } from '../shared/errors';

/** Frames larger than this on a side are scaled down before anything else sees them. */
export const MAX_FRAME_SIDE = 4096;

/** The scale that brings a frame within MAX_FRAME_SIDE (1 when it already fits). */
export function downscaleFactor(width: number, height: number): number {
  const side = Math.max(width, height);
  return side > MAX_FRAME_SIDE ? MAX_FRAME_SIDE / side : 1;
}

/**
 * The frame to analyse, and the factor from its pixels back to the caller's. The
 * caller's bitmap is closed when a scaled copy replaces it.
 *
 * @throws EngineError `frame-invalid` for a closed or empty bitmap.
 */
export async function boundedFrame(
  frame: ImageBitmap,
): Promise<{ bitmap: ImageBitmap; toCaller: number }> {
  if (!(frame.width > 0 && frame.height > 0)) {
    throw new EngineError('frame-invalid', 'the frame is empty or was already released');
  }
  const scale = downscaleFactor(frame.width, frame.height);
  if (scale === 1) return { bitmap: frame, toCaller: 1 };
  const bitmap = await createImageBitmap(frame, {
    resizeWidth: Math.max(1, Math.round(frame.width * scale)),
    resizeHeight: Math.max(1, Math.round(frame.height * scale)),
    resizeQuality: 'high',
  });
  frame.close();
  return { bitmap, toCaller: 1 / scale };
}
