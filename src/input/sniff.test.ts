import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
/** An ISO media file's start: box size, `ftyp`, the major brand. */
const ftyp = (brand: string) => bytes([0, 0, 0, 24], 'ftyp', brand, [0, 0, 0, 0], brand, 'mif1');

describe('sniffType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X')],
    ['gif', bytes('GIF89a')],
    ['bmp', bytes('BM')],
    ['svg', bytes('  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3])],
    ['mp4', ftyp('isom')],
    ['mp4', ftyp('qt  ')],
  ])('tells %s by its first bytes', (type, head) => {
    expect(sniffType(head)).toBe(type);
  });

  it.each(['heic', 'heix', 'mif1', 'avif', 'avis'])(
    'takes an ISO media file of brand %s for a still image, not a video',
    (brand) => {
      expect(sniffType(ftyp(brand))).toBe('heif');
    },
  );

  it('knows nothing else, whatever the name said', () => {
    expect(sniffType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffType(bytes('these are my notes'))).toBeNull();
    expect(sniffType(new Uint8Array(0))).toBeNull();
  });
});
