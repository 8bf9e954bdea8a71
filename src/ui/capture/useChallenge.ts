import { useCallback, useEffect, useState } from 'react';
import {
  expire,
  observe,
  startChallenge,
  type ChallengeAction,
  type ChallengePolicy,
  type ChallengeState,
} from '../../biometrics/liveness/challenge';
import { defaultQualityPolicy, type Guidance } from '../../biometrics/qualityPolicy';
import type { FrameEvidence } from '../../app/decisions';
import type { AnalyzeResult } from '../../shared/engineApi';
import { challengeFrame } from './challengeFrames';

/** How often the clock is checked while no frame comes, in milliseconds. */
const CLOCK_MS = 250;

interface Shown {
  guidance: Guidance | null;
  box: { x: number; y: number; width: number; height: number } | null;
  frameSize: { width: number; height: number } | null;
}

/** Runs one challenge over the engine's results; the state and what to show. */
export function useChallenge(
  actions: readonly ChallengeAction[],
  matches: (embedding: Float32Array) => boolean,
  policy: ChallengePolicy,
) {
  const [state, setState] = useState<ChallengeState<FrameEvidence>>(() => startChallenge(actions));
  const [shown, setShown] = useState<Shown>({ guidance: null, box: null, frameSize: null });
  const [now, setNow] = useState(() => performance.now());

  const onResult = useCallback(
    (result: AnalyzeResult) => {
      const frame = challengeFrame(result, performance.now(), matches, defaultQualityPolicy);
      setShown({ guidance: frame.guidance, box: frame.box, frameSize: frame.frameSize });
      setState((s) => observe(s, frame.observation, policy));
    },
    [matches, policy],
  );

  // The time limit holds even when frames stop coming.
  const running = state.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      const t = performance.now();
      setNow(t);
      setState((s) => expire(s, t, policy));
    }, CLOCK_MS);
    return () => clearInterval(timer);
  }, [running, policy]);

  const secondsLeft =
    state.phase === 'running' && state.startedAtMs !== null
      ? Math.max(0, Math.ceil((state.startedAtMs + policy.timeLimitMs - now) / 1000))
      : null;
  return { state, shown, onResult, secondsLeft };
}
