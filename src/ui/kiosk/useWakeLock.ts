import { useEffect, useState } from 'react';

const notices = {
  unsupported: 'This browser cannot keep the screen on: set the device never to sleep.',
  refused: 'The browser would not keep the screen on: set the device never to sleep.',
} as const;

/**
 * Holds a screen wake lock while mounted. The browser lets it go whenever the page is
 * hidden, so it is taken again each time the page becomes visible. Returns a plain
 * notice when the screen may sleep, null while the lock holds.
 */
export function useWakeLock(): string | null {
  const supported = 'wakeLock' in navigator;
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;

    const take = () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      navigator.wakeLock.request('screen').then(
        (taken) => {
          if (stopped) return void taken.release();
          sentinel = taken;
          setRefused(false);
        },
        () => {
          if (!stopped) setRefused(true);
        },
      );
    };

    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', take);
      void sentinel?.release();
    };
  }, [supported]);

  if (!supported) return notices.unsupported;
  return refused ? notices.refused : null;
}
