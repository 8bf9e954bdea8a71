import { useCallback, useEffect, useState } from 'react';
import {
  describeStoreError,
  isStoreError,
  openFacegateStore,
  type FacegateStore,
  type Settings,
} from '../store';

export type StoreState =
  | { phase: 'opening' }
  | { phase: 'ready'; store: FacegateStore; settings: Settings }
  | { phase: 'failed'; message: string };

/** Opens the store for the page's lifetime and keeps the settings in React state. */
export function useStore() {
  const [state, setState] = useState<StoreState>({ phase: 'opening' });
  useEffect(() => {
    let store: FacegateStore | null = null;
    let closed = false;
    openFacegateStore()
      .then(async (s) => {
        store = s;
        const settings = await s.getSettings();
        if (!closed) setState({ phase: 'ready', store: s, settings });
      })
      .catch((error: unknown) => {
        if (!closed) setState({ phase: 'failed', message: storeMessage(error) });
      });
    return () => {
      closed = true;
      store?.close();
    };
  }, []);

  const updateSettings = useCallback(
    async (change: Partial<Settings>) => {
      if (state.phase !== 'ready') return;
      const settings = await state.store.updateSettings(change);
      setState({ ...state, settings });
    },
    [state],
  );
  /** Reads the settings again, after something replaced them (erase everything). */
  const reloadSettings = useCallback(async () => {
    if (state.phase !== 'ready') return;
    setState({ ...state, settings: await state.store.getSettings() });
  }, [state]);
  return { state, updateSettings, reloadSettings };
}

export function storeMessage(error: unknown): string {
  return isStoreError(error)
    ? describeStoreError(error)
    : 'Facegate could not use this browser’s storage. Reload the page and try again.';
}
