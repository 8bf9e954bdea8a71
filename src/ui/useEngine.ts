import { useEffect, useState } from 'react';
import { createEngineClient, type EngineClient } from '../client/engineClient';
import type { EngineStatus } from '../shared/engineApi';
import { isEngineError, type EngineErrorCode } from '../shared/errors';

export type DetectorRange = 'short' | 'full';

export type EngineState =
  | { phase: 'loading' }
  | { phase: 'ready'; client: EngineClient; status: EngineStatus }
  | { phase: 'failed'; code: EngineErrorCode; detail: string };

const loading: EngineState = { phase: 'loading' };

/** Starts an engine worker, and a new one whenever the detector range changes. */
export function useEngine(detectorRange: DetectorRange): EngineState {
  // The state remembers which range it belongs to, so a change of range reads as loading.
  const [settled, setSettled] = useState<{ range: DetectorRange; state: EngineState } | null>(null);
  useEffect(() => {
    const client = createEngineClient();
    const controller = new AbortController();
    client.init({ detectorRange }, controller.signal).then(
      (status) => setSettled({ range: detectorRange, state: { phase: 'ready', client, status } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({
          range: detectorRange,
          state: {
            phase: 'failed',
            code: isEngineError(error) ? error.code : 'internal',
            detail: error instanceof Error ? error.message : String(error),
          },
        });
      },
    );
    return () => {
      controller.abort();
      client.terminate();
    };
  }, [detectorRange]);
  return settled?.range === detectorRange ? settled.state : loading;
}
