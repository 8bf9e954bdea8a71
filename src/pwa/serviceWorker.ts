import { Workbox } from 'workbox-window';
import { isBusy, subscribeActivity } from './activity';
import { reloadWhenIdle, versionChangeTracker } from './reloadWhenIdle';

/** Whether this browser keeps a copy of the app for use without a network. */
export type OfflineState =
  | { phase: 'unsupported' }
  | { phase: 'installing' }
  | { phase: 'ready' }
  /** The offline copy was refused; `freeBytes` when the browser says how much was left. */
  | { phase: 'unavailable'; freeBytes: number | null };

export interface PwaState {
  offline: OfflineState;
  /** A new version is installed and waits for the person to accept it. */
  updateWaiting: boolean;
  /** A new version took control during a capture; the page reloads when it ends. */
  reloadPending: boolean;
}

let state: PwaState = {
  offline: { phase: 'unsupported' },
  updateWaiting: false,
  reloadPending: false,
};
const listeners = new Set<() => void>();
let workbox: Workbox | null = null;

function set(change: Partial<PwaState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export function getPwaState(): PwaState {
  return state;
}

export function subscribePwa(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function freeStorage(): Promise<number | null> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined || usage === undefined ? null : Math.max(0, quota - usage);
  } catch {
    return null;
  }
}

async function markUnavailable(): Promise<void> {
  set({ offline: { phase: 'unavailable', freeBytes: await freeStorage() } });
}

/**
 * Registers the generated service worker. Its install precaches the app, the wasm
 * runtimes and every model; an install that fails (most often the storage quota) leaves
 * the app working online and says that offline use is unavailable.
 */
export function startServiceWorker(scriptUrl: string, scope: string): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox(scriptUrl, { scope });
  workbox = wb;

  // Any worker that activates, the first or a later version, holds a full offline copy.
  // (Workbox's isUpdate is not used: a later version found by an update check counts as
  // "external" and has it unset, which would put a working copy back to "saving".)
  wb.addEventListener('activated', () => set({ offline: { phase: 'ready' } }));
  // A new version never replaces the running one by itself: the person accepts it.
  wb.addEventListener('waiting', () => set({ updateWaiting: true }));
  // Once a new version controls the page (accepted here or in another tab), reload so
  // that code and models match it, but never in the middle of a capture.
  const isNewVersion = versionChangeTracker(navigator.serviceWorker.controller !== null);
  wb.addEventListener('controlling', () => {
    if (!isNewVersion()) return;
    const waits = reloadWhenIdle({
      isBusy,
      subscribe: subscribeActivity,
      reload: () => window.location.reload(),
    });
    if (waits) set({ reloadPending: true });
  });
  // Only a first install that fails matters; a failed update leaves the old copy working.
  wb.addEventListener('redundant', () => {
    if (!navigator.serviceWorker.controller) void markUnavailable();
  });

  set({ offline: { phase: 'installing' } });
  wb.register().then(
    (registration) => {
      // A copy installed on an earlier visit already serves the app offline.
      if (registration?.active) set({ offline: { phase: 'ready' } });
    },
    () => void markUnavailable(),
  );
}

/** Lets the waiting version take over; the page reloads when it does. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
