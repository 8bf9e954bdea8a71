import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { whenIdle } from './idle';

// What a new version must not reload the page under: a capture feeding the engine, and a
// flow from its capture until the person has moved on from its result (a reload would
// throw away a verdict before anyone read it). A module-level counter rather than React
// context: the capture and the update prompt sit in different branches of the tree and
// need nothing else from each other.
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

/**
 * Runs `action` now, or as soon as the last hold is let go: listened to directly, not
 * through a render, since a new attempt lets go of one hold and takes the next in the same
 * commit, a moment no render sees. @returns true when it had to wait.
 */
export function whenActivityEnds(action: () => void): boolean {
  return whenIdle({ isBusy, subscribe: subscribeActivity }, action);
}

/** True while any capture runs, or a flow's outcome waits to be read. */
export function useBusy(): boolean {
  return useSyncExternalStore(subscribeActivity, isBusy);
}

/** Holds the activity while `active` is true. */
export function useActivityWhile(active: boolean): void {
  useEffect(() => (active ? holdActivity() : undefined), [active]);
}

/**
 * A hold a screen takes at a moment of its own and keeps until the person leaves the
 * outcome (or the screen goes). Taken when a capture ends, while the capture still holds,
 * so that no moment between the capture and its verdict is free for a reload.
 */
export function useOutcomeHold(): { take(): void; release(): void } {
  const held = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      held.current?.();
      held.current = null;
    },
    [],
  );
  return useMemo(
    () => ({
      take: () => void (held.current ??= holdActivity()),
      release: () => {
        const release = held.current;
        held.current = null;
        release?.();
      },
    }),
    [],
  );
}
