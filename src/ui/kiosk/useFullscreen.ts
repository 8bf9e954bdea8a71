import { useCallback, useEffect, useState } from 'react';

/**
 * Asks for the whole page fullscreen. Browsers grant it only during a click or a key
 * press, so call this first thing in such a handler, before any await. Whether it
 * worked shows up as a `fullscreenchange` event; a refusal rejects.
 */
export async function enterFullscreen(): Promise<void> {
  if (!document.fullscreenEnabled || document.fullscreenElement) return;
  await document.documentElement.requestFullscreen();
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

const notices = {
  unsupported: 'This browser does not allow fullscreen here; the kiosk runs in the window.',
  refused: 'The browser refused fullscreen; the kiosk runs in the window.',
  off: 'The kiosk is not fullscreen.',
} as const;

/**
 * Whether the page is fullscreen, a plain notice when it is not, and a way to ask again
 * from a click. A kiosk that cannot go fullscreen still works; it only says so.
 */
export function useFullscreen() {
  const supported = document.fullscreenEnabled;
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const request = useCallback(() => {
    enterFullscreen().then(
      () => setRefused(false),
      () => setRefused(true),
    );
  }, []);

  let notice: string | null = null;
  if (!supported) notice = notices.unsupported;
  else if (!active) notice = refused ? notices.refused : notices.off;
  return { notice, canRequest: supported && !active, request };
}
