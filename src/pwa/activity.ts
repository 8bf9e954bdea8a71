import { useEffect, useSyncExternalStore } from 'react';

// What a new version must not swap code or reload underneath: a capture feeding the engine,
// and a flow from its capture until the person has moved on from its result (a reload
// would throw away a verdict before anyone read it). A module-level counter rather than React context: the capture and the update prompt
// sit in different branches of the tree and need nothing else from each other.
let running = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Marks work as under way until the returned function is called (once). */
export function holdActivity(): () => void {
  running++;
  notify();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    notify();
  };
}

export function isBusy(): boolean {
  return running > 0;
}

export function subscribeActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while any capture runs, or a flow's outcome waits to be read. */
export function useBusy(): boolean {
  return useSyncExternalStore(subscribeActivity, isBusy);
}

/**
 * Holds the activity while `active` is true: a flow from its capture until its outcome is
 * left. A change of `round` (a new attempt from a result) lets go for a moment, so that a
 * reload waiting for the flow happens there, before the next capture starts.
 */
export function useActivityWhile(active: boolean, round = 0): void {
  useEffect(() => (active ? holdActivity() : undefined), [active, round]);
}
