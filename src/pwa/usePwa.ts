import { useSyncExternalStore } from 'react';
import { getPwaState, subscribePwa, type PwaState } from './serviceWorker';

export function usePwa(): PwaState {
  return useSyncExternalStore(subscribePwa, getPwaState);
}
