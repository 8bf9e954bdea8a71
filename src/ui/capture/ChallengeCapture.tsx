import { useEffect, useRef, useState } from 'react';
import type { FinishedChallenge } from '../../app/decisions';
import {
  defaultChallengePolicy,
  type ChallengeAction,
  type ChallengePolicy,
} from '../../biometrics/liveness/challenge';
import { guidanceText } from '../../biometrics/qualityPolicy';
import type { EngineClient } from '../../client/engineClient';
import type { AnalyzeResult } from '../../shared/engineApi';
import { Capture, type CaptureSource } from './Capture';
import { useChallenge } from './useChallenge';

export const actionText: Record<ChallengeAction, string> = {
  'look-straight': 'Look straight at the camera.',
  'turn-left': 'Turn your head to your left.',
  'turn-right': 'Turn your head to your right.',
};

interface ChallengeCaptureProps {
  engine: EngineClient;
  cameraId: string | undefined;
  actions: readonly ChallengeAction[];
  /** Whether a frame's embedding is the claimed person. */
  matches: (embedding: Float32Array) => boolean;
  policy?: ChallengePolicy;
  /** A face is in front of the camera (the kiosk counts it as use). */
  onFaceSeen?: () => void;
  /** Called once, when the challenge is passed or failed. */
  onDone: (challenge: FinishedChallenge) => void;
  /** Larger text for the kiosk. */
  large?: boolean;
}

/**
 * The live camera with the challenge's instructions, one action at a time, until it is
 * passed or failed. The camera only: a photo or a video file cannot respond to
 * instructions nobody knew before, so verification takes neither.
 */
export function ChallengeCapture({
  engine,
  cameraId,
  actions,
  matches,
  policy = defaultChallengePolicy,
  onFaceSeen,
  onDone,
  large = false,
}: ChallengeCaptureProps) {
  const [source] = useState<CaptureSource>(() => ({ kind: 'camera', deviceId: cameraId }));
  const { state, shown, onResult, secondsLeft } = useChallenge(actions, matches, policy);
  const callbacks = useRef({ onFaceSeen, onDone });
  useEffect(() => {
    callbacks.current = { onFaceSeen, onDone };
  });

  useEffect(() => {
    if (state.phase !== 'running') callbacks.current.onDone(state);
  }, [state]);

  const onFrame = (result: AnalyzeResult) => {
    onResult(result);
    if (result.faces.length > 0) callbacks.current.onFaceSeen?.();
  };

  const running = state.phase === 'running';
  const action = running ? actions[state.step]! : null;
  const step = running ? state.step : actions.length;
  return (
    // The instruction and the time left come before the preview, so that they stay in
    // view on a small screen while the person holds a pose.
    <div className="stack">
      <label>
        Step {Math.min(step + 1, actions.length)} of {actions.length}{' '}
        <progress value={step} max={actions.length} aria-label="Liveness check progress" />
      </label>
      <p
        role="status"
        aria-live="assertive"
        className={large ? 'kiosk-guidance' : 'challenge-instruction'}
        data-testid="challenge-instruction"
        data-action={action ?? 'done'}
      >
        {action ? actionText[action] : 'Got it.'}
      </p>
      {running && shown.guidance && (
        <p aria-live="polite" data-testid="guidance">
          {guidanceText[shown.guidance]}
        </p>
      )}
      {secondsLeft !== null && <p>{secondsLeft} s left.</p>}
      <Capture
        engine={engine}
        source={source}
        active={running}
        onResult={onFrame}
        box={shown.box}
        frameSize={shown.frameSize}
        passiveLiveness
      />
    </div>
  );
}
