// A second engine worker for the hostile-message tests, reached without the typed
// client: calls go through Comlink with whatever arguments the test gives, and raw
// messages are posted as they are. Part of the test harness only.
import * as Comlink from 'comlink';
import type { EngineApi } from '../shared/engineApi';

/** How a test names a frame it cannot send from Node: a grey bitmap, or a photo's. */
export type FrameSpec = { $frame: 'grey' } | { $frame: 'photo'; url: string };

const isFrameSpec = (v: unknown): v is FrameSpec =>
  typeof v === 'object' && v !== null && '$frame' in v;

async function toFrame(spec: FrameSpec): Promise<ImageBitmap> {
  if (spec.$frame === 'photo') {
    const blob = await (await fetch(spec.url)).blob();
    return createImageBitmap(blob, { imageOrientation: 'from-image' });
  }
  const canvas = new OffscreenCanvas(320, 240);
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'rgb(128, 128, 128)';
  context.fillRect(0, 0, 320, 240);
  return canvas.transferToImageBitmap();
}

export function createRawWorker() {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), {
    type: 'module',
    name: 'facegate-engine-raw',
  });
  const remote = Comlink.wrap<Record<keyof EngineApi, (...args: unknown[]) => unknown>>(worker);

  return {
    /** Calls `method` with `args` as given; frame specs become bitmaps, transferred. */
    async call(method: keyof EngineApi, args: unknown[]): Promise<unknown> {
      const real = await Promise.all(args.map((a) => (isFrameSpec(a) ? toFrame(a) : a)));
      const wired = real.map((a) => (a instanceof ImageBitmap ? Comlink.transfer(a, [a]) : a));
      return remote[method](...wired);
    },

    /**
     * Posts `message` as it is. The worker's answer to its id, or `null` when none came
     * within `waitMs` (a message without an id cannot be answered).
     */
    post(message: unknown, waitMs: number): Promise<unknown> {
      const id = (message as { id?: unknown } | null)?.id;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          worker.removeEventListener('message', listen);
          resolve(null);
        }, waitMs);
        const listen = (event: MessageEvent<{ id?: unknown }>) => {
          if (id === undefined || event.data?.id !== id) return;
          clearTimeout(timer);
          worker.removeEventListener('message', listen);
          resolve(event.data);
        };
        worker.addEventListener('message', listen);
        worker.postMessage(message);
      });
    },
  };
}
