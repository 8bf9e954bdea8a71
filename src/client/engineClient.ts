import * as Comlink from 'comlink';
import { installErrorTransfer } from '../shared/comlinkErrors';
import type {
  AnalyzeOptions,
  AnalyzeResult,
  EngineApi,
  EngineStatus,
  InitOptions,
  MemoryFigures,
} from '../shared/engineApi';
import { EngineError } from '../shared/errors';

/** The UI's handle on the face engine worker. Every call can be abandoned with a signal. */
export interface EngineClient {
  init(options?: InitOptions, signal?: AbortSignal): Promise<EngineStatus>;
  /** Analyses a frame; the bitmap is transferred to the worker and unusable afterwards. */
  analyze(
    frame: ImageBitmap,
    options?: AnalyzeOptions,
    signal?: AbortSignal,
  ): Promise<AnalyzeResult>;
  memory(): Promise<MemoryFigures>;
  terminate(): void;
}

let nextRequest = 0;

function abortedError(): EngineError {
  return new EngineError('aborted', 'the request was cancelled');
}

/** Rejects as soon as the signal fires, whatever the worker is doing. */
function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(abortedError());
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export function createEngineClient(): EngineClient {
  installErrorTransfer();
  let worker: Worker;
  let remote: Comlink.Remote<EngineApi>;
  const spawn = () => {
    worker = new Worker(new URL('../engine/worker.ts', import.meta.url), {
      type: 'module',
      name: 'facegate-engine',
    });
    remote = Comlink.wrap<EngineApi>(worker);
  };
  const release = () => {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  };
  spawn();

  // A lost GPU context or device cannot be brought back inside the worker: a new worker
  // starts with the same options and chooses its backend afresh. Calls made meanwhile
  // wait for it.
  let lastInit: InitOptions | null = null;
  let restarting: Promise<unknown> | null = null;
  const restart = () => {
    restarting ??= (async () => {
      release();
      spawn();
      if (lastInit) await remote.init(lastInit);
    })()
      .catch(() => undefined)
      .finally(() => (restarting = null));
  };
  const afterRestart = async () => {
    if (restarting) await restarting;
  };

  return {
    init(options = {}, signal) {
      lastInit = options;
      return abortable(
        afterRestart().then(() => remote.init(options)),
        signal,
        () => undefined,
      );
    },

    analyze(frame, options = {}, signal) {
      if (signal?.aborted) {
        frame.close();
        return Promise.reject(abortedError());
      }
      const requestId = `r${++nextRequest}`;
      const call = afterRestart()
        .then(() => {
          // Abandoned while a new worker started: the frame was never sent, so close it.
          if (signal?.aborted) {
            frame.close();
            throw abortedError();
          }
          return remote.analyze(requestId, Comlink.transfer(frame, [frame]), options);
        })
        .catch((error: unknown) => {
          if (error instanceof EngineError && error.code === 'backend-lost') restart();
          throw error;
        });
      return abortable(call, signal, () => void remote.cancel(requestId));
    },

    memory() {
      return afterRestart().then(() => remote.memory());
    },

    terminate() {
      release();
    },
  };
}
