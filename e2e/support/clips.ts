// Fake-camera clips for end-to-end tests: real face photos turned into a YUV4MPEG2 file
// that Chromium plays as its camera (--use-file-for-fake-video-capture).
//
// Chromium reads only planar 4:2:0 from a .y4m file: C420jpeg, C420, C420mpeg2,
// C420paldv or no C tag all work (Chromium 156); C422 and C444 make getUserMedia fail
// with NotFoundError, and other pipelines show 4:2:2/MJPEG data as green frames. It picks
// the parser by the file's extension (it must end in .y4m), plays the frames at the
// header's rate (seemingly from frame 0 each time the camera opens) and loops at the end.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { decode } from 'jpeg-js';
import { lfwDevDir } from '../../bench/lib/faces';

export interface ClipOptions {
  /** Frame width in pixels, even (default 640). */
  width?: number;
  /** Frame height in pixels, even (default 480). */
  height?: number;
  /** Frames per second written into the header (default 30). */
  fps?: number;
  /** Side of the square the photo is scaled to, even (default 3/4 of the height: 360). */
  photoSize?: number;
  /** Grey level of the letterbox background, 0–255 (default 128). */
  background?: number;
}

export interface ClipFrames {
  /** An absolute JPEG path, or one relative to the LFW images folder (NAME/NAME_NNNN.jpg). */
  photo: string;
  /** How many consecutive frames show it. */
  count: number;
}

/** An RGB frame, 3 bytes a pixel, rows top to bottom. */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The header's chroma tag: 4:2:0 with chroma centred in each 2×2 block, as written. */
export const Y4M_CHROMA = 'C420jpeg';

interface Resolved {
  width: number;
  height: number;
  fps: number;
  photoSize: number;
  background: number;
}

function resolveOptions(options: ClipOptions = {}): Resolved {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.fps ?? 30;
  const photoSize = options.photoSize ?? 2 * Math.round((height * 3) / 8);
  const background = options.background ?? 128;
  for (const [name, value] of Object.entries({ width, height, photoSize })) {
    if (!Number.isInteger(value) || value <= 0 || value % 2 !== 0) {
      throw new Error(`clip ${name} must be a positive even integer, not ${value}`);
    }
  }
  if (photoSize > Math.min(width, height)) {
    throw new Error(`clip photoSize ${photoSize} does not fit a ${width}×${height} frame`);
  }
  if (!Number.isInteger(fps) || fps <= 0) throw new Error(`clip fps must be a positive integer`);
  if (!Number.isInteger(background) || background < 0 || background > 255) {
    throw new Error(`clip background must be an integer 0–255`);
  }
  return { width, height, fps, photoSize, background };
}

/** An absolute photo path: absolute paths as given, others under the LFW images folder. */
export function photoPath(photo: string): string {
  return isAbsolute(photo) ? photo : join(lfwDevDir(), 'images', photo);
}

/** Decodes a JPEG file to RGB (grey and CMYK JPEGs come out as RGB too). */
export async function decodePhoto(photo: string): Promise<RgbFrame> {
  const path = photoPath(photo);
  const decoded = decode(await readFile(path), { useTArray: true, formatAsRGBA: false });
  if (decoded.data.length !== decoded.width * decoded.height * 3) {
    throw new Error(`${path}: unexpected decoded size`);
  }
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

/**
 * The frame a clip shows for a photo: the photo scaled (bilinear) to a photoSize square,
 * centred on a flat grey background. Exported so tests can compare what the camera gave.
 */
export function composeFrame(photo: RgbFrame, options: ClipOptions = {}): RgbFrame {
  const { width, height, photoSize, background } = resolveOptions(options);
  const out = new Uint8Array(width * height * 3).fill(background);
  const left = (width - photoSize) / 2;
  const top = (height - photoSize) / 2;
  const sx = photo.width / photoSize;
  const sy = photo.height / photoSize;
  const src = photo.data;
  for (let y = 0; y < photoSize; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), photo.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, photo.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < photoSize; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), photo.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, photo.width - 1);
      const wx = fx - x0;
      const a = (y0 * photo.width + x0) * 3;
      const b = (y0 * photo.width + x1) * 3;
      const c = (y1 * photo.width + x0) * 3;
      const d = (y1 * photo.width + x1) * 3;
      const o = ((top + y) * width + left + x) * 3;
      for (let k = 0; k < 3; k++) {
        const upper = src[a + k]! + (src[b + k]! - src[a + k]!) * wx;
        const lower = src[c + k]! + (src[d + k]! - src[c + k]!) * wx;
        out[o + k] = Math.round(upper + (lower - upper) * wy);
      }
    }
  }
  return { width, height, data: out };
}

const clamp8 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * One y4m frame record: `FRAME\n`, then the Y, U and V planes (I420), BT.601 limited
 * range. Chroma is the mean of each 2×2 block, centred as 420jpeg says.
 */
export function frameRecord(frame: RgbFrame): Buffer {
  const { width, height, data } = frame;
  const marker = Buffer.from('FRAME\n', 'latin1');
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const record = Buffer.alloc(marker.length + ySize + 2 * cSize);
  marker.copy(record, 0);
  const yPlane = marker.length;
  const uPlane = yPlane + ySize;
  const vPlane = uPlane + cSize;
  for (let i = 0, p = 0; i < ySize; i++, p += 3) {
    const r = data[p]!;
    const g = data[p + 1]!;
    const b = data[p + 2]!;
    record[yPlane + i] = clamp8(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((2 * cy + dy) * width + 2 * cx + dx) * 3;
        r += data[p]!;
        g += data[p + 1]!;
        b += data[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = cy * (width / 2) + cx;
      record[uPlane + c] = clamp8(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      record[vPlane + c] = clamp8(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return record;
}

export function y4mHeader(options: ClipOptions = {}): string {
  const { width, height, fps } = resolveOptions(options);
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 ${Y4M_CHROMA}\n`;
}

/** The byte size of a clip of `frameCount` frames. */
export function clipSize(frameCount: number, options: ClipOptions = {}): number {
  const { width, height } = resolveOptions(options);
  return Buffer.byteLength(y4mHeader(options)) + frameCount * (6 + (width * height * 3) / 2);
}

/**
 * Writes a y4m clip: each photo, in order, for its `count` frames. One frame is held in
 * memory at a time; the file appears at outPath only once complete (written beside it,
 * then renamed), so concurrent writers of the same clip do not see a partial file.
 */
export async function writeClip(
  outPath: string,
  frames: ClipFrames[],
  options: ClipOptions = {},
): Promise<string> {
  resolveOptions(options);
  if (frames.length === 0 || frames.every((f) => f.count <= 0)) {
    throw new Error('a clip needs at least one frame');
  }
  for (const f of frames) {
    if (!Number.isInteger(f.count) || f.count < 0) {
      throw new Error(`${f.photo}: frame count must be a non-negative integer`);
    }
  }
  if (!outPath.endsWith('.y4m')) {
    throw new Error(`${outPath}: Chromium reads a fake camera file as y4m only if named *.y4m`);
  }
  await mkdir(dirname(outPath), { recursive: true });
  const partial = `${outPath}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  const file = await open(partial, 'w');
  try {
    await file.write(y4mHeader(options), null, 'latin1');
    for (const { photo, count } of frames) {
      if (count === 0) continue;
      const record = frameRecord(composeFrame(await decodePhoto(photo), options));
      for (let i = 0; i < count; i++) await file.write(record);
    }
    await file.close();
    await rename(partial, outPath);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return outPath;
}

/**
 * A clip showing each photo for `framesPerPhoto` frames (default: one second), in dir
 * (default the OS temp folder). See `clipOf` for how it is named and reused.
 */
export async function clipFor(
  photos: string[],
  dir: string = tmpdir(),
  options: ClipOptions & { framesPerPhoto?: number } = {},
): Promise<string> {
  const { framesPerPhoto, ...clipOptions } = options;
  const count = framesPerPhoto ?? resolveOptions(clipOptions).fps;
  return clipOf(
    photos.map((photo) => ({ photo, count })),
    dir,
    clipOptions,
  );
}

/**
 * A clip of the frames given, in dir (default the OS temp folder). The name is a hash of
 * the photos' bytes, the counts and the options, so a clip already there is reused:
 * Playwright loads a spec in its runner and again in each worker, and each load may ask
 * for the same clip.
 */
export async function clipOf(
  frames: ClipFrames[],
  dir: string = tmpdir(),
  options: ClipOptions = {},
): Promise<string> {
  const resolved = resolveOptions(options);
  const counts = frames.map((f) => f.count);
  const hash = createHash('sha256').update(JSON.stringify({ v: 2, resolved, counts }));
  for (const { photo } of frames) hash.update(await readFile(photoPath(photo)));
  const outPath = join(dir, `facegate-clip-${hash.digest('hex').slice(0, 16)}.y4m`);
  const total = counts.reduce((a, b) => a + b, 0);
  if (existsSync(outPath) && statSync(outPath).size === clipSize(total, options)) {
    return outPath;
  }
  return writeClip(outPath, frames, options);
}

/** Chromium flags that make the camera a file and grant camera access without a prompt. */
export function fakeCameraArgs(y4mPath: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mPath}`,
  ];
}
