// The fake camera: a y4m clip built from real LFW photos at test time, played by
// Chromium as its camera, arrives in the page as the photos, in neutral colour.
import { tmpdir } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../bench/lib/harness';
import { clipFor, composeFrame, decodePhoto, fakeCameraArgs, type RgbFrame } from './support/clips';

const WIDTH = 640;
const HEIGHT = 480;
const PHOTO = 360;
const FPS = 30;
const FRAMES_PER_PHOTO = 30; // one second each; the clip loops every two seconds
// A bright and a dark face, so the two are easy to tell apart.
const photos = ['Aaron_Sorkin/Aaron_Sorkin_0001.jpg', 'Adam_Sandler/Adam_Sandler_0001.jpg'];

// The clip must exist before the browser starts: build it as the spec loads. Playwright
// loads the spec in its runner and in each worker; clipFor reuses a finished clip.
const clip = await clipFor(photos, tmpdir(), {
  width: WIDTH,
  height: HEIGHT,
  photoSize: PHOTO,
  fps: FPS,
  framesPerPhoto: FRAMES_PER_PHOTO,
});

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...fakeCameraArgs(clip)],
  },
});

// Frames are compared as 20×20-pixel blocks: the photo (360×360 at 140,60) covers
// block columns 7–24 and rows 3–20 exactly.
const BLOCK = 20;
const COLS = WIDTH / BLOCK;
const ROWS = HEIGHT / BLOCK;
const photoBlock = (col: number, row: number) => col >= 7 && col < 25 && row >= 3 && row < 21;

/** Per block: mean R, G, B and the standard deviation of luma; row-major. */
type Blocks = number[];

function blockStats(frame: RgbFrame): Blocks {
  const out: number[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let l = 0;
      let l2 = 0;
      for (let y = row * BLOCK; y < (row + 1) * BLOCK; y++) {
        for (let x = col * BLOCK; x < (col + 1) * BLOCK; x++) {
          const p = (y * frame.width + x) * 3;
          const [pr, pg, pb] = [frame.data[p]!, frame.data[p + 1]!, frame.data[p + 2]!];
          const lum = 0.299 * pr + 0.587 * pg + 0.114 * pb;
          r += pr;
          g += pg;
          b += pb;
          l += lum;
          l2 += lum * lum;
        }
      }
      const n = BLOCK * BLOCK;
      out.push(r / n, g / n, b / n, Math.sqrt(Math.max(0, l2 / n - (l / n) ** 2)));
    }
  }
  return out;
}

/** Mean absolute difference of the block colour means over the photo's blocks. */
function photoDiff(a: Blocks, b: Blocks): number {
  let sum = 0;
  let n = 0;
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      if (!photoBlock(col, row)) continue;
      const i = (row * COLS + col) * 4;
      for (let k = 0; k < 3; k++) sum += Math.abs(a[i + k]! - b[i + k]!);
      n += 3;
    }
  }
  return sum / n;
}

function meanLuma(blocks: Blocks, where: (col: number, row: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      if (!where(col, row)) continue;
      const i = (row * COLS + col) * 4;
      sum += 0.299 * blocks[i]! + 0.587 * blocks[i + 1]! + 0.114 * blocks[i + 2]!;
      n++;
    }
  }
  return sum / n;
}

interface CameraRun {
  firstFrameMs: number;
  framesInOneSecond: number;
  settings: { width?: number; height?: number; frameRate?: number };
  samples: { atMs: number; blocks: Blocks }[];
}

/** Opens the camera in the page, waits for its first frame and samples frames. */
async function runCamera(page: Page, sampleCount: number, everyMs: number): Promise<CameraRun> {
  return page.evaluate(
    async ({ sampleCount, everyMs, block }) => {
      const t0 = performance.now();
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const track = stream.getVideoTracks()[0]!;
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
      const firstFrameMs = performance.now() - t0;

      let framesInOneSecond = 0;
      const counting = performance.now();
      await new Promise<void>((resolve) => {
        const onFrame = () => {
          framesInOneSecond++;
          if (performance.now() - counting < 1000) video.requestVideoFrameCallback(onFrame);
          else resolve();
        };
        video.requestVideoFrameCallback(onFrame);
      });

      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const grab = () => {
        context.drawImage(video, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        const blocks: number[] = [];
        for (let row = 0; row < height / block; row++) {
          for (let col = 0; col < width / block; col++) {
            let r = 0;
            let g = 0;
            let b = 0;
            let l = 0;
            let l2 = 0;
            for (let y = row * block; y < (row + 1) * block; y++) {
              for (let x = col * block; x < (col + 1) * block; x++) {
                const p = (y * width + x) * 4;
                const lum = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
                r += data[p]!;
                g += data[p + 1]!;
                b += data[p + 2]!;
                l += lum;
                l2 += lum * lum;
              }
            }
            const n = block * block;
            blocks.push(r / n, g / n, b / n, Math.sqrt(Math.max(0, l2 / n - (l / n) ** 2)));
          }
        }
        return blocks;
      };
      const samples: { atMs: number; blocks: number[] }[] = [];
      for (let i = 0; i < sampleCount; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, everyMs));
        samples.push({ atMs: performance.now() - t0, blocks: grab() });
      }
      const { width, height, frameRate } = track.getSettings();
      track.stop();
      return { firstFrameMs, framesInOneSecond, settings: { width, height, frameRate }, samples };
    },
    { sampleCount, everyMs, block: BLOCK },
  );
}

const expected = await Promise.all(
  photos.map(async (photo) => {
    const decoded = await decodePhoto(photo);
    let luma = 0;
    for (let p = 0; p < decoded.data.length; p += 3) {
      luma +=
        0.299 * decoded.data[p]! + 0.587 * decoded.data[p + 1]! + 0.114 * decoded.data[p + 2]!;
    }
    return {
      photo,
      meanLuma: luma / (decoded.width * decoded.height),
      blocks: blockStats(composeFrame(decoded, { width: WIDTH, height: HEIGHT, photoSize: PHOTO })),
    };
  }),
);

/** Which clip photo a frame shows, and how far it is from each. */
function classify(blocks: Blocks) {
  const diffs = expected.map((e) => photoDiff(blocks, e.blocks));
  const best = diffs[0]! <= diffs[1]! ? 0 : 1;
  return { best, diffs };
}

test.describe('fake camera from LFW photos', () => {
  test('delivers the clip photos as camera frames, in neutral colour, in order', async ({
    page,
  }) => {
    await page.goto('/harness.html');
    // ~3.2 s of samples: more than one loop of the two-second clip.
    const run = await runCamera(page, 17, 200);
    test.info().annotations.push(
      {
        type: 'first frame',
        description: `${Math.round(run.firstFrameMs)} ms after getUserMedia`,
      },
      { type: 'frames in 1 s', description: String(run.framesInOneSecond) },
    );
    expect(run.settings).toMatchObject({ width: WIDTH, height: HEIGHT, frameRate: FPS });
    expect(run.firstFrameMs).toBeLessThan(5_000);
    expect(run.framesInOneSecond).toBeGreaterThan(FPS / 2);

    const first = run.samples[0]!.blocks;
    // Not green: the letterbox stays its exact mid-grey, R = G = B, and flat.
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLS; col++) {
        if (photoBlock(col, row)) continue;
        const i = (row * COLS + col) * 4;
        for (let k = 0; k < 3; k++) expect(Math.abs(first[i + k]! - 128)).toBeLessThan(4);
        expect(first[i + 3]!).toBeLessThan(1.5);
      }
    }
    const channelMean = [0, 1, 2].map(
      (k) => first.filter((_, i) => i % 4 === k).reduce((a, b) => a + b, 0) / (ROWS * COLS),
    );
    for (const c of channelMean) {
      expect(c).toBeGreaterThan(40);
      expect(c).toBeLessThan(220);
    }
    expect(channelMean[1]!).toBeLessThan(Math.max(channelMean[0]!, channelMean[2]!) + 10);

    // Each sampled frame is one of the photos, pixel for pixel (to the I420 round trip),
    // its centre as bright as the photo itself; and the clip moves on to the second photo.
    const shown = run.samples.map((s) => {
      const { best, diffs } = classify(s.blocks);
      expect(diffs[best]!, `frame at ${Math.round(s.atMs)} ms vs ${photos[best]}`).toBeLessThan(6);
      expect(diffs[1 - best]!).toBeGreaterThan(15);
      expect(Math.abs(meanLuma(s.blocks, photoBlock) - expected[best]!.meanLuma)).toBeLessThan(6);
      return best;
    });
    expect(new Set(shown)).toEqual(new Set([0, 1]));
  });

  test('a frame holds one face-sized photo region on a flat background', async ({ page }) => {
    await page.goto('/harness.html');
    const run = await runCamera(page, 1, 0);
    const blocks = run.samples[0]!.blocks;
    // Blocks that are not flat mid-grey: the photo, wherever the camera put it.
    let [left, top, right, bottom] = [COLS, ROWS, -1, -1];
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLS; col++) {
        const i = (row * COLS + col) * 4;
        const flatGrey =
          [0, 1, 2].every((k) => Math.abs(blocks[i + k]! - 128) < 4) && blocks[i + 3]! < 1.5;
        if (flatGrey) continue;
        [left, top] = [Math.min(left, col), Math.min(top, row)];
        [right, bottom] = [Math.max(right, col), Math.max(bottom, row)];
      }
    }
    const box = {
      x: left * BLOCK,
      y: top * BLOCK,
      width: (right - left + 1) * BLOCK,
      height: (bottom - top + 1) * BLOCK,
    };
    test.info().annotations.push({ type: 'photo region', description: JSON.stringify(box) });
    // A face-sized region: most of the frame's height, square, centred.
    expect(box.width).toBeGreaterThanOrEqual(PHOTO - 2 * BLOCK);
    expect(box.width).toBeLessThanOrEqual(PHOTO);
    expect(box.height).toBeGreaterThanOrEqual(PHOTO - 2 * BLOCK);
    expect(box.height).toBeLessThanOrEqual(PHOTO);
    expect(Math.abs(box.x + box.width / 2 - WIDTH / 2)).toBeLessThanOrEqual(BLOCK);
    expect(Math.abs(box.y + box.height / 2 - HEIGHT / 2)).toBeLessThanOrEqual(BLOCK);
    // Textured like a photo, not a flat patch.
    const inBox = (col: number, row: number) =>
      col >= left && col <= right && row >= top && row <= bottom;
    let texture = 0;
    let n = 0;
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        texture += blocks[(row * COLS + col) * 4 + 3]!;
        n++;
      }
    }
    expect(texture / n).toBeGreaterThan(5);
    expect(meanLuma(blocks, inBox)).toBeGreaterThan(30);
  });
});
