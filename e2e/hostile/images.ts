// Image bytes for the hostile-input corpus, made at test time: real faces are decoded
// from the LFW set and re-encoded here, never committed; everything else is built
// byte by byte, so a huge or broken file costs a few bytes, not megabytes.
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'jpeg-js';
import { composeFrame, decodePhoto, type RgbFrame } from '../support/clips';

export type { RgbFrame };

/** A flat RGB picture. */
export function solid(width: number, height: number, grey: number): RgbFrame {
  return { width, height, data: new Uint8Array(width * height * 3).fill(grey) };
}

/** Pseudo-random RGB noise, the same every run. */
export function noise(width: number, height: number): RgbFrame {
  const data = new Uint8Array(width * height * 3);
  let state = 12345;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data };
}

/** An LFW photo (NAME/NAME_NNNN.jpg), decoded. */
export const face = (photo: string) => decodePhoto(photo);

/** `photo` scaled to a `size` square on a grey `width`×`height` canvas, centred. */
export function framed(photo: RgbFrame, width: number, height: number, size: number): RgbFrame {
  return composeFrame(photo, { width, height, photoSize: size });
}

/** `photos` pasted side by side, each in its own `cell` square, on grey. */
export function row(photos: RgbFrame[], cell = 250): RgbFrame {
  const out = solid(cell * photos.length, cell, 128);
  photos.forEach((p, i) => paste(out, framed(p, cell, cell, cell), i * cell, 0));
  return out;
}

/** `photos` in a grid of `columns`, each in a `cell` square. */
export function grid(photos: RgbFrame[], columns: number, cell = 250): RgbFrame {
  const rows = Math.ceil(photos.length / columns);
  const out = solid(cell * columns, cell * rows, 128);
  photos.forEach((p, i) =>
    paste(out, framed(p, cell, cell, cell), (i % columns) * cell, Math.floor(i / columns) * cell),
  );
  return out;
}

/** `src` drawn onto `dst` with its top left corner at (left, top); what falls outside is cut. */
export function paste(dst: RgbFrame, src: RgbFrame, left: number, top: number): RgbFrame {
  for (let y = 0; y < src.height; y++) {
    const dy = top + y;
    if (dy < 0 || dy >= dst.height) continue;
    for (let x = 0; x < src.width; x++) {
      const dx = left + x;
      if (dx < 0 || dx >= dst.width) continue;
      const s = (y * src.width + x) * 3;
      const d = (dy * dst.width + dx) * 3;
      dst.data[d] = src.data[s]!;
      dst.data[d + 1] = src.data[s + 1]!;
      dst.data[d + 2] = src.data[s + 2]!;
    }
  }
  return dst;
}

/** The rectangle (left, top, width, height) of a picture. */
export function crop(src: RgbFrame, left: number, top: number, width: number, height: number) {
  return paste(solid(width, height, 0), src, -left, -top);
}

/** Every channel through `f`. */
export function mapLevels(src: RgbFrame, f: (v: number) => number): RgbFrame {
  return { ...src, data: src.data.map((v) => Math.max(0, Math.min(255, Math.round(f(v))))) };
}

/** A box blur of `radius` pixels, applied twice (close to a Gaussian). */
export function blur(src: RgbFrame, radius: number): RgbFrame {
  let out = src;
  for (let pass = 0; pass < 2; pass++) {
    for (const horizontal of [true, false]) out = boxPass(out, radius, horizontal);
  }
  return out;
}

function boxPass(src: RgbFrame, r: number, horizontal: boolean): RgbFrame {
  const { width, height } = src;
  const data = new Uint8Array(src.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        let n = 0;
        for (let d = -r; d <= r; d++) {
          const xx = horizontal ? x + d : x;
          const yy = horizontal ? y : y + d;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          sum += src.data[(yy * width + xx) * 3 + k]!;
          n++;
        }
        data[(y * width + x) * 3 + k] = Math.round(sum / n);
      }
    }
  }
  return { width, height, data };
}

/**
 * What a viewer shows for stored pixels tagged with EXIF `orientation` (1–8): for each
 * shown pixel, the stored one it comes from.
 */
export function applyOrientation(src: RgbFrame, orientation: number): RgbFrame {
  const { width: w, height: h } = src;
  const swaps = orientation >= 5;
  const out = solid(swaps ? h : w, swaps ? w : h, 0);
  const from: Record<number, (x: number, y: number) => [number, number]> = {
    1: (x, y) => [x, y],
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  };
  const map = from[orientation];
  if (!map) throw new Error(`no EXIF orientation ${orientation}`);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const [sx, sy] = map(x, y);
      const s = (sy * w + sx) * 3;
      const d = (y * out.width + x) * 3;
      out.data.set(src.data.subarray(s, s + 3), d);
    }
  }
  return out;
}

/** The orientation that undoes each one: 6 and 8 are quarter turns the other way. */
const inverseOrientation: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  6: 8,
  7: 7,
  8: 6,
};

/** A JPEG whose stored pixels, once a viewer applies `orientation`, show `upright`. */
export function orientedJpeg(upright: RgbFrame, orientation: number): Buffer {
  const stored = applyOrientation(upright, inverseOrientation[orientation]!);
  return withExifOrientation(jpeg(stored), orientation);
}

export function jpeg(src: RgbFrame, quality = 92): Buffer {
  const rgba = new Uint8Array(src.width * src.height * 4);
  for (let i = 0, j = 0; i < src.data.length; i += 3, j += 4) {
    rgba[j] = src.data[i]!;
    rgba[j + 1] = src.data[i + 1]!;
    rgba[j + 2] = src.data[i + 2]!;
    rgba[j + 3] = 255;
  }
  return Buffer.from(encode({ data: rgba, width: src.width, height: src.height }, quality).data);
}

/**
 * `jpegBytes` with an APP1 Exif segment right after the start-of-image marker, holding
 * one IFD entry: Orientation (0x0112, SHORT) = `orientation`. Big-endian TIFF.
 */
export function withExifOrientation(jpegBytes: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // first IFD right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  return insertSegment(jpegBytes, 0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** A JPEG marker segment with `payload`, inserted after the start-of-image marker. */
export function insertSegment(jpegBytes: Buffer, marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpegBytes.subarray(0, 2), header, payload, jpegBytes.subarray(2)]);
}

/** A JPEG whose frame header says `width`×`height`, and nothing after it. */
export function jpegHeaderOnly(width: number, height: number): Buffer {
  const sof = Buffer.from([
    0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  ]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof]);
}

/** The offset of the first start-of-scan marker: everything before it is headers. */
export function startOfScan(jpegBytes: Buffer): number {
  const at = jpegBytes.indexOf(Buffer.from([0xff, 0xda]));
  if (at < 0) throw new Error('no start of scan');
  return at;
}

/** An RGB PNG, 8 or 16 bits a channel, rows unfiltered. */
export function png(src: RgbFrame, options: { bits?: 8 | 16 } = {}): Buffer {
  const bytesPerChannel = (options.bits ?? 8) / 8;
  const stride = src.width * 3 * bytesPerChannel + 1;
  const raw = Buffer.alloc(stride * src.height);
  for (let y = 0; y < src.height; y++) {
    for (let i = 0; i < src.width * 3; i++) {
      const v = src.data[y * src.width * 3 + i]!;
      const d = y * stride + 1 + i * bytesPerChannel;
      if (bytesPerChannel === 2) raw.writeUInt16BE(v * 257, d);
      else raw[d] = v;
    }
  }
  return pngFromRaw(src.width, src.height, bytesPerChannel * 8, 2, raw);
}

/**
 * A `width`×`height` PNG of one grey level, deflated row by row as it is made, so that
 * even 12000×9000 (324 MB of pixels) costs a few hundred kilobytes and no more memory.
 */
export function bigGreyPng(width: number, height: number, grey: number): Buffer {
  const rowBytes = Buffer.alloc(width * 3 + 1, grey);
  rowBytes[0] = 0;
  const raw = Buffer.alloc(rowBytes.length * height);
  for (let y = 0; y < height; y++) rowBytes.copy(raw, y * rowBytes.length);
  return pngFromRaw(width, height, 8, 2, raw);
}

function pngFromRaw(width: number, height: number, depth: number, colour: number, raw: Buffer) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colour, 0, 0, 0], 8);
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 6 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header says `width`×`height`, with a few bytes of image data. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A WebP (VP8X) whose canvas is `width`×`height`, with no image in it. */
export function webpHeaderOnly(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const chunk = Buffer.concat([Buffer.from('VP8X', 'latin1'), u32le(10), vp8x]);
  return Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    u32le(4 + chunk.length),
    Buffer.from('WEBP', 'latin1'),
    chunk,
  ]);
}

const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};

/**
 * A looping GIF89a of `frames` frames, each one pixel of a different colour on a
 * `width`×`height` screen.
 */
export function animatedGif(width: number, height: number, frames: number): Buffer {
  const screen = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0xf1, 0, 0]);
  screen.writeUInt16LE(width, 6);
  screen.writeUInt16LE(height, 8);
  const palette = Buffer.from([0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255]);
  const loop = Buffer.from([
    0x21,
    0xff,
    0x0b,
    ...Buffer.from('NETSCAPE2.0', 'latin1'),
    3,
    1,
    0,
    0,
    0,
  ]);
  const parts = [screen, palette.subarray(0, 12), loop];
  for (let i = 0; i < frames; i++) {
    const delay = Buffer.from([0x21, 0xf9, 4, 0, 10, 0, 0, 0]);
    const image = Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
    // LZW, minimum code size 2: clear, the pixel's index, end.
    const pixel = [0x44, 0x4c, 0x54, 0x5c][i % 4]!;
    parts.push(delay, image, Buffer.from([2, 2, pixel, 1, 0]));
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

/** A 24-bit BMP of one grey level. */
export function bmp(width: number, height: number, grey: number): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + stride * height, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return Buffer.concat([header, Buffer.alloc(stride * height, grey)]);
}

/** An ISO media file's first box (`ftyp`) with `brand`, then filler. */
export function isoMedia(brand: string, filler = 2048): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(brand, 8, 'latin1');
  ftyp.write(brand, 16, 'latin1');
  ftyp.write('mif1', 20, 'latin1');
  return Buffer.concat([ftyp, noiseBytes(filler)]);
}

export function noiseBytes(length: number): Buffer {
  const { data } = noise(length, 1);
  return Buffer.from(data.subarray(0, length));
}
