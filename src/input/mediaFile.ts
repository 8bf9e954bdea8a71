import { imageDimensions } from './imageSize';
import { InputError } from './inputErrors';
import { sniffType } from './sniff';

export const PHOTO_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  maxPixels: 50_000_000,
  minSide: 64,
} as const;
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

export type PickedMedia = { kind: 'photo'; bitmap: ImageBitmap } | { kind: 'video'; file: File };

/**
 * Checks a picked file before anything decodes it: type by content (never by name),
 * size, and for photos the pixel count read from the header. Photos are decoded with
 * their EXIF orientation applied.
 *
 * @throws InputError with the reason, in words for the person at the screen
 */
export async function readMediaFile(file: File): Promise<PickedMedia> {
  if (file.size === 0) throw new InputError('empty');
  const head = new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer());
  const type = sniffType(head);

  if (type === 'mp4' || type === 'webm') {
    if (file.size > MAX_VIDEO_BYTES) throw new InputError('too-large-file');
    return { kind: 'video', file };
  }
  if (type !== 'jpeg' && type !== 'png' && type !== 'webp') {
    throw new InputError('unsupported-type');
  }
  if (file.size > PHOTO_LIMITS.maxBytes) throw new InputError('too-large-file');

  const size = imageDimensions(type, head);
  if (!size) throw new InputError('decode-failed');
  if (size.width * size.height > PHOTO_LIMITS.maxPixels) throw new InputError('too-many-pixels');
  if (Math.min(size.width, size.height) < PHOTO_LIMITS.minSide) throw new InputError('too-small');

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new InputError('decode-failed');
  }
  return { kind: 'photo', bitmap };
}
