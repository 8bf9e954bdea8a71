import type { EngineClient } from '../client/engineClient';
import type { AnalyzeOptions, AnalyzeResult } from '../shared/engineApi';

export interface FrameLoopOptions {
  /** At most this many frames a second go to the engine. */
  maxFps: number;
  /** What each frame is analysed for (default: the largest face's embedding). */
  analyze?: AnalyzeOptions;
  signal: AbortSignal;
  onResult: (result: AnalyzeResult) => void;
  onError: (error: unknown) => void;
}

/**
 * Sends frames of a playing video (camera or file) to the engine at a bounded rate,
 * one in flight at a time, until the signal aborts. The frame goes as an ImageBitmap
 * and is transferred: the UI thread keeps no copy.
 */
export function runFrameLoop(
  video: HTMLVideoElement,
  engine: EngineClient,
  options: FrameLoopOptions,
): void {
  const interval = 1000 / options.maxFps;
  let last = 0;

  const tick = async () => {
    if (options.signal.aborted) return;
    const wait = last + interval - performance.now();
    if (wait > 0) {
      setTimeout(() => void tick(), wait);
      return;
    }
    last = performance.now();
    try {
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const frame = await createImageBitmap(video);
        const result = await engine.analyze(
          frame,
          options.analyze ?? { embed: 'largest' },
          options.signal,
        );
        if (!options.signal.aborted) options.onResult(result);
      }
    } catch (error) {
      if (!options.signal.aborted) options.onError(error);
      return;
    }
    setTimeout(() => void tick(), 0);
  };
  void tick();
}
