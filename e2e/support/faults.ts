// Faults injected into the real app in a real Chromium. Each function here either runs in
// the page (through page.evaluate or an init script) and replaces one browser API, or
// prepares the engine worker's script so that the worker starts with one replaced.
//
// The page-side functions are serialised by Playwright: they must not use anything from
// this module's scope.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { servedDir } from './served';

/** One row of the fault table: what breaks, where, and what the person must read. */
export interface Fault {
  /** The test's name. */
  title: string;
  layer: 'camera' | 'engine' | 'storage' | 'service worker' | 'page';
  /** What the person reads, in part; none when they closed the page on it. */
  message?: RegExp;
}

export const cameraRefusals = [
  {
    title: 'camera permission denied',
    layer: 'camera',
    errorName: 'NotAllowedError',
    message: /may not use the camera.*Allow camera access/,
  },
  {
    title: 'no camera',
    layer: 'camera',
    errorName: 'NotFoundError',
    message: /No camera was found/,
  },
  {
    title: 'camera busy',
    layer: 'camera',
    errorName: 'NotReadableError',
    message: /in use by another app or tab/,
  },
] as const satisfies readonly (Fault & { errorName: string })[];

export const faults = {
  trackEnded: {
    title: 'camera track ending mid-capture',
    layer: 'camera',
    message: /camera stopped.*Reconnect it, then try again/,
  },
  noWebGpuAdapter: {
    title: 'no WebGPU adapter',
    layer: 'engine',
    message: /Ready\. Running on WASM/,
  },
  webglContextLost: {
    title: 'WebGL context lost',
    layer: 'engine',
    message: /graphics processor stopped responding.*restarted its face engine.*try again/,
  },
  idbOpenFails: {
    title: 'IndexedDB open failing',
    layer: 'storage',
    message: /would not let Facegate use its storage.*Nothing was saved/,
  },
  quotaExceeded: {
    title: 'quota exceeded during a write',
    layer: 'storage',
    message: /run out of storage space for Facegate\. Nothing was saved/,
  },
  connectionClosed: {
    title: 'IndexedDB connection closing (another tab upgrades the database)',
    layer: 'storage',
    message: /updated or its data was cleared in another tab\. Reload this page/,
  },
  serviceWorkerTakeover: {
    title: 'a new service worker taking over mid-session',
    layer: 'service worker',
    message: /new version of Facegate has taken over.*reloads once you are done with the capture/,
  },
  pageClosedMidEnrolment: {
    title: 'page closed in the middle of an enrolment',
    layer: 'page',
  },
} as const satisfies Record<string, Fault>;

// ---- camera -------------------------------------------------------------------------

/** In the page: getUserMedia rejects as the browser does for `errorName`, until undone. */
export function refuseCamera(errorName: string): void {
  const media = navigator.mediaDevices;
  const original = media.getUserMedia.bind(media);
  media.getUserMedia = () =>
    Promise.reject(new DOMException('Injected fault: the camera was refused', errorName));
  (window as unknown as { undoFault: () => void }).undoFault = () => {
    media.getUserMedia = original;
  };
}

/**
 * In the page: the next camera stream's track ends once its first frame is on screen, as
 * when a camera is unplugged: the track stops and fires `ended` (a track we stop
 * ourselves fires nothing, so the event is sent by hand).
 */
export function endTrackMidCapture(): void {
  const media = navigator.mediaDevices;
  const original = media.getUserMedia.bind(media);
  const state = window as unknown as { endedTracks: MediaStreamTrack[] };
  state.endedTracks = [];
  media.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    media.getUserMedia = original;
    const [track] = stream.getVideoTracks();
    const end = () => {
      const video = document.querySelector('video');
      if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
        setTimeout(end, 10);
        return;
      }
      track!.stop();
      track!.dispatchEvent(new Event('ended'));
      state.endedTracks.push(track!);
    };
    end();
    return stream;
  };
}

// ---- storage ------------------------------------------------------------------------

/**
 * Init script: opening the app's database fails, as in a browser whose storage is
 * turned off, until `facegate-fault-off` is set in sessionStorage (so the test can undo
 * it across a reload).
 */
export function failDatabaseOpen(): void {
  try {
    if (sessionStorage.getItem('facegate-fault-off')) return;
  } catch {
    return; // a document without storage (about:blank): nothing to break
  }
  const original = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    if (name === 'facegate' && !sessionStorage.getItem('facegate-fault-off')) {
      throw new DOMException('Injected fault: the database cannot be opened', 'UnknownError');
    }
    return original.call(this, name, version);
  };
}

/** In the page: writing a template fails as a full disk does, until undone. */
export function exceedQuotaOnTemplates(): void {
  const proto = IDBObjectStore.prototype;
  const original = proto.add;
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name === 'templates') {
      throw new DOMException('Injected fault: the quota has been exceeded', 'QuotaExceededError');
    }
    return original.apply(this, args);
  };
  (window as unknown as { undoFault: () => void }).undoFault = () => {
    proto.add = original;
  };
}

/**
 * In the page: the next template write is made and then held open (the transaction kept
 * busy with reads), so that the page can be closed while the enrolment is half written.
 * `window.templateWriteStarted` turns true once it is.
 */
export function holdTemplateWrite(): void {
  const proto = IDBObjectStore.prototype;
  const original = proto.add;
  const state = window as unknown as { templateWriteStarted: boolean };
  state.templateWriteStarted = false;
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    const request = original.apply(this, args);
    if (this.name === 'templates') {
      const keepBusy = () => {
        this.get('keep-the-transaction-open').onsuccess = keepBusy;
      };
      keepBusy();
      state.templateWriteStarted = true;
    }
    return request;
  };
}

/**
 * In another page of the same browser: asks for a newer version of the app's database,
 * as a newer Facegate in another tab does, then abandons the upgrade so that the stored
 * data keeps its version. The app's open connection is told to close on the way.
 */
export function upgradeFromAnotherTab(): Promise<string> {
  return new Promise((resolve, reject) => {
    void indexedDB.databases().then((list) => {
      const current = list.find((d) => d.name === 'facegate')?.version ?? 1;
      const request = indexedDB.open('facegate', current + 1);
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onerror = () => resolve(request.error?.name ?? 'error');
      request.onsuccess = () => {
        request.result.close();
        reject(new Error('the upgrade was not abandoned'));
      };
    }, reject);
  });
}

// ---- service worker ---------------------------------------------------------------

/**
 * Puts a new version on the server: the built service worker's script gets one more line,
 * so the browser installs it as an update (the test server reads files afresh on each
 * request). Service worker script fetches cannot be routed, hence the file itself.
 *
 * @returns a function that puts the built file back.
 */
export async function serveNewServiceWorker(): Promise<() => Promise<void>> {
  const file = join(servedDir, 'sw.js');
  const built = await readFile(file, 'utf8');
  await writeFile(file, `${built}\n// the next version\n`);
  return () => writeFile(file, built);
}

/** In a page: looks for the new version, and waits until it is installed and waiting. */
export async function awaitWaitingWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) throw new Error('no service worker registration');
  await registration.update();
  while (!registration.waiting) await new Promise((r) => setTimeout(r, 100));
}

/**
 * In another tab: accepts the waiting version there, so that it takes over every tab, and
 * waits until it has activated (a tab closed at once could lose its message).
 */
export async function acceptUpdateElsewhere(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) throw new Error('no waiting service worker to accept');
  const activated = new Promise<void>((resolve, reject) => {
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated') resolve();
      // Another install replaced it: the test served the wrong script meanwhile.
      if (waiting.state === 'redundant') reject(new Error('the waiting version was replaced'));
    });
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
  await activated;
}

// ---- engine worker ------------------------------------------------------------------

/**
 * Serves the engine worker's script with `prelude` run first: the worker is a separate
 * global that init scripts do not reach, and its script is one file (see the build), so
 * code put in front of it runs before the engine's own.
 */
export async function prefixWorker(context: BrowserContext, prelude: string): Promise<void> {
  await context.route('**/assets/worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${prelude}\n${await response.text()}` });
  });
}

/** Worker prelude: a WebGPU that answers, but offers no adapter (no usable GPU). */
export const noWebGpuAdapterPrelude = `(() => {
  const gpu = { requestAdapter: async () => null, getPreferredCanvasFormat: () => 'rgba8unorm' };
  Object.defineProperty(WorkerNavigator.prototype, 'gpu', { get: () => gpu, configurable: true });
})();`;

/**
 * Worker prelude: keeps every WebGL context the worker makes, so that the test can lose
 * them all (WEBGL_lose_context, as a GPU reset does) with \`self.loseWebGL()\`.
 */
export const webglContextsPrelude = `(() => {
  const contexts = [];
  const original = OffscreenCanvas.prototype.getContext;
  OffscreenCanvas.prototype.getContext = function (type, ...rest) {
    const context = original.call(this, type, ...rest);
    if (context && /webgl/.test(type)) contexts.push(context);
    return context;
  };
  self.loseWebGL = () => {
    let lost = 0;
    for (const gl of contexts) {
      const extension = gl.getExtension('WEBGL_lose_context');
      if (extension && !gl.isContextLost()) { extension.loseContext(); lost++; }
    }
    return lost;
  };
})();`;

/** Runs `fn` in the engine worker of `page`. */
export async function inEngineWorker<T>(page: Page, fn: () => T): Promise<T> {
  const worker = page.workers().find((w) => /worker-.*\.js/.test(w.url()));
  if (!worker) throw new Error(`no engine worker among ${page.workers().map((w) => w.url())}`);
  return worker.evaluate(fn);
}
