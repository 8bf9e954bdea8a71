import { useEffect, useState } from 'react';
import { createEngineClient, type EngineClient } from '../client/engineClient';
import type { EngineStatus } from '../shared/engineApi';
import { isEngineError, type EngineErrorCode } from '../shared/errors';

export type EngineState =
  | { phase: 'loading' }
  | { phase: 'ready'; client: EngineClient; status: EngineStatus }
  | { phase: 'failed'; code: EngineErrorCode; detail: string };

/** Starts the engine worker for the component's lifetime. */
export function useEngine(): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'loading' });
  useEffect(() => {
    const client = createEngineClient();
    const controller = new AbortController();
    client.init({}, controller.signal).then(
      (status) => setState({ phase: 'ready', client, status }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          phase: 'failed',
          code: isEngineError(error) ? error.code : 'internal',
          detail: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      controller.abort();
      client.terminate();
    };
  }, []);
  return state;
}
