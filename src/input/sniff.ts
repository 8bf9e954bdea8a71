/** What a file holds, told by its first bytes, never by its name or declared type. */
export type SniffedType =
  'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'svg' | 'heif' | 'mp4' | 'webm' | null;

/**
 * Brands of ISO media files that hold still images (HEIC, HEIF, AVIF): they share MP4's
 * `ftyp` box, and without this they would be taken for a video that then fails to play.
 */
const stillImageBrands = new Set(
  'heic heix heim heis hevc hevx mif1 mif2 msf1 avif avis avio'.split(' '),
);

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length));

export function sniffType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  if (ascii(head, 4, 4) === 'ftyp') {
    return stillImageBrands.has(ascii(head, 8, 4)) ? 'heif' : 'mp4';
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  const text = new TextDecoder().decode(head.subarray(0, 512)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg';
  return null;
}
