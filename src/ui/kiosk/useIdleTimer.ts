import { useCallback, useEffect, useRef } from 'react';

/** What counts as someone using the kiosk. */
const inputEvents = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Calls `onIdle` once `idleMs` pass with no input on the page, while `enabled`. Returns
 * a function that restarts the wait, for activity that is not input (a face in front of
 * the camera, a result just shown).
 */
export function useIdleTimer(enabled: boolean, idleMs: number, onIdle: () => void): () => void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  const timer = useRef<number | undefined>(undefined);

  const restart = useCallback(() => {
    window.clearTimeout(timer.current);
    if (enabled) timer.current = window.setTimeout(() => onIdleRef.current(), idleMs);
  }, [enabled, idleMs]);

  useEffect(() => {
    restart();
    if (!enabled) return;
    // Capture phase: a handler that stops propagation must not hide activity.
    for (const name of inputEvents) window.addEventListener(name, restart, { capture: true });
    return () => {
      for (const name of inputEvents) window.removeEventListener(name, restart, { capture: true });
      window.clearTimeout(timer.current);
    };
  }, [enabled, restart]);

  return restart;
}
