import { useEffect, useSyncExternalStore } from 'react';

// Work that must not have its code swapped underneath it (a capture feeding the engine).
// A module-level counter rather than React context: the capture and the update prompt
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

/** True while any capture is feeding the engine. */
export function useBusy(): boolean {
  return useSyncExternalStore(subscribeActivity, isBusy);
}

/** Holds the activity while `active` is true: a flow between its capture and its write. */
export function useActivityWhile(active: boolean): void {
  useEffect(() => (active ? holdActivity() : undefined), [active]);
}
