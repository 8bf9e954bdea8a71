// Test and benchmark harness: the real engine client and worker, driven by Playwright
// through `window.facegate`. Built only with `--mode harness`; never part of the app.
import { createEngineClient } from '../client/engineClient';
import { alignmentFor, Cropper } from '../engine/crop';
import type { AnalyzeOptions, AnalyzeResult, EngineApi, InitOptions } from '../shared/engineApi';
import { isEngineError } from '../shared/errors';
import { embedderEntry } from '../shared/models';
import { createRawWorker } from './rawWorker';

const client = createEngineClient();
const cropper = new Cropper();

async function bitmapFrom(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return createImageBitmap(await response.blob(), { imageOrientation: 'from-image' });
}

/** Runs a call and returns plain data, with engine errors as { error: { code, message } }. */
async function settle<T>(work: () => Promise<T>) {
  try {
    return { value: await work() };
  } catch (error) {
    if (isEngineError(error)) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'unexpected', message: String(error) } };
  }
}

/** Analyses `count` frames cycling through the photos; the engine's timings per frame. */
function timeFrames(urls: string[], count: number, options: AnalyzeOptions) {
  return settle(async () => {
    const sources = await Promise.all(urls.map(bitmapFrom));
    const timings: AnalyzeResult['timings'][] = [];
    for (let i = 0; i < count; i++) {
      const copy = await createImageBitmap(sources[i % sources.length]!);
      const result = await client.analyze(copy, options);
      timings.push(result.timings);
    }
    sources.forEach((s) => s.close());
    return timings;
  });
}

const harness = {
  init: (options: InitOptions) => settle(() => client.init(options)),

  /** Analyses an image URL; embeddings come back as plain arrays. */
  analyzeUrl: (url: string, options: AnalyzeOptions = {}) =>
    settle(async () => {
      const result = await client.analyze(await bitmapFrom(url), options);
      return {
        ...result,
        faces: result.faces.map((f) => ({
          ...f,
          embedding: f.embedding ? Array.from(f.embedding) : null,
        })),
      };
    }),

  /**
   * The face nearest the photo's centre (LFW's labelled face): its embedding from the
   * worker, and the aligned crop the embedder saw, redrawn here by the same code from
   * the same keypoints, as base64 RGBA. For attacks on the crop (bench:adversarial).
   */
  alignedFace: (url: string, embedderId: string) =>
    settle(async () => {
      const entry = embedderEntry(embedderId);
      if (!entry) throw new Error(`no embedder ${embedderId}`);
      const bitmap = await bitmapFrom(url);
      const copy = await createImageBitmap(bitmap);
      const { faces, frameWidth, frameHeight } = await client.analyze(copy, { embed: 'all' });
      const centre = (f: (typeof faces)[number]) =>
        Math.hypot(
          f.box.x + f.box.width / 2 - frameWidth / 2,
          f.box.y + f.box.height / 2 - frameHeight / 2,
        );
      const face = [...faces].sort((a, b) => centre(a) - centre(b))[0];
      if (!face?.embedding) return null;
      const { rgba } = cropper.crop(bitmap, alignmentFor(face.keypoints, entry), entry.input.size);
      bitmap.close();
      let binary = '';
      for (const byte of rgba) binary += String.fromCharCode(byte);
      return { embedding: Array.from(face.embedding), crop: btoa(binary) };
    }),

  /** Analyses the same decoded frame `count` times, for leak checks. */
  repeat: (url: string, count: number, options: AnalyzeOptions = {}) =>
    timeFrames([url], count, options),

  timeFrames: (urls: string[], count: number, options: AnalyzeOptions = {}) =>
    timeFrames(urls, count, options),

  memory: () => settle(() => client.memory()),

  /** The photo drawn onto a `width`×`height` frame (for the oversized-frame path). */
  analyzeEnlarged: (url: string, width: number, height: number) =>
    settle(async () => {
      const photo = await bitmapFrom(url);
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.drawImage(photo, 0, 0, width, height);
      photo.close();
      const result = await client.analyze(canvas.transferToImageBitmap(), { embed: 'largest' });
      return { ...result, faces: result.faces.map((f) => ({ ...f, embedding: null })) };
    }),

  /** A frame of one grey level: nothing in it is a face. */
  analyzeSolid: (width: number, height: number, grey: number) =>
    settle(async () => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = `rgb(${grey}, ${grey}, ${grey})`;
      context.fillRect(0, 0, width, height);
      return client.analyze(canvas.transferToImageBitmap());
    }),

  /** Sends options as given, unchecked by TypeScript (hostile-message tests). */
  initUnchecked: (options: unknown) => settle(() => client.init(options as InitOptions)),

  /** A second worker driven without the typed client (hostile-message tests). */
  rawWorker: (() => {
    let raw: ReturnType<typeof createRawWorker> | null = null;
    const get = () => (raw ??= createRawWorker());
    return {
      call: (method: keyof EngineApi, args: unknown[]) => settle(() => get().call(method, args)),
      post: (message: unknown, waitMs = 2000) => get().post(message, waitMs),
    };
  })(),

  /** Starts an analysis and abandons it after `ms` milliseconds. */
  analyzeAbortedAfter: (url: string, ms: number) =>
    settle(async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), ms);
      return client.analyze(await bitmapFrom(url), {}, controller.signal);
    }),
};

declare global {
  interface Window {
    facegate: typeof harness;
  }
}
window.facegate = harness;
document.body.dataset.ready = 'true';
