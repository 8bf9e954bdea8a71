import { useCallback, useState } from 'react';
import { defaultQualityPolicy } from '../../biometrics/qualityPolicy';
import type { AnalyzeResult } from '../../shared/engineApi';
import { addFrame, noFrames, type GoodFrames } from './goodFrames';

/** Collects good frames until `wanted` are in; `reset` starts over. */
export function useGoodFrames(wanted: number, allowOthers: boolean) {
  const [frames, setFrames] = useState<GoodFrames>(noFrames);
  const onResult = useCallback(
    (result: AnalyzeResult) =>
      setFrames((state) =>
        state.embeddings.length >= wanted
          ? state
          : addFrame(state, result, defaultQualityPolicy, allowOthers),
      ),
    [wanted, allowOthers],
  );
  const reset = useCallback(() => setFrames(noFrames), []);
  return { frames, onResult, reset, done: frames.embeddings.length >= wanted };
}
