import { Workbox } from 'workbox-window';
import { whenActivityEnds } from './activity';
import { versionChangeTracker } from './idle';

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
  /** A new version took control during a capture; the page reloads once it is left. */
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

  // Listened to here, not through Workbox's 'controlling', which starts only once
  // register() has resolved and so can miss a claim made by another tab's first install.
  const tracker = versionChangeTracker(navigator.serviceWorker.controller !== null);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Once a new version controls the page (accepted here or in another tab), reload so
    // that code and models match it, but never in the middle of a capture or over a
    // result the person has not left yet.
    if (!tracker.isNewVersion()) return;
    if (whenActivityEnds(() => window.location.reload())) set({ reloadPending: true });
  });
  // A worker already active while this page is uncontrolled (a hard reload went past it)
  // claims it only as another version. Asked at once, not after register(), which waits
  // for the page's load event. (It rejects where service workers are blocked: then no
  // worker will ever claim the page.)
  navigator.serviceWorker.getRegistration().then(
    (registration) => {
      if (registration?.active) tracker.claimsAreNew();
    },
    () => undefined,
  );
  // Resolves once any worker of this scope is active: installed on an earlier visit, by
  // this page, or by another tab whose install this page joined. Every active worker holds
  // a full offline copy, since a failed precache fails its install.
  void navigator.serviceWorker.ready.then(() => set({ offline: { phase: 'ready' } }));
  // A new version never replaces the running one by itself: the person accepts it.
  wb.addEventListener('waiting', () => set({ updateWaiting: true }));
  // This page's worker is gone (its install or registration failed, or a later version
  // replaced it): whatever claims the page next comes from other files. Only a first
  // install that fails loses the offline copy; a failed update leaves the old copy
  // working, even for a page that a hard reload took past it.
  const ownWorkerGone = () => {
    tracker.claimsAreNew();
    // Where service workers are blocked this rejects too: no copy either way.
    navigator.serviceWorker.getRegistration().then(
      (registration) => {
        if (!registration?.active) void markUnavailable();
      },
      () => void markUnavailable(),
    );
  };
  wb.addEventListener('redundant', ownWorkerGone);

  set({ offline: { phase: 'installing' } });
  void wb.register().catch(ownWorkerGone);
}

/** Lets the waiting version take over; the page reloads when it does. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
