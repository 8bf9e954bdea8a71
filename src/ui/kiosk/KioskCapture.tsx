import { useCallback, useEffect, useRef, useState } from 'react';
import { guidanceText } from '../../biometrics/qualityPolicy';
import type { EngineClient } from '../../client/engineClient';
import type { AnalyzeResult } from '../../shared/engineApi';
import { Capture, type CaptureSource } from '../capture/Capture';
import { FRAMES_FROM_STREAM } from '../capture/CapturePanel';
import { useGoodFrames } from '../capture/useGoodFrames';

interface KioskCaptureProps {
  engine: EngineClient;
  cameraId: string | undefined;
  /** A face is in front of the camera: someone is still using the kiosk. */
  onFaceSeen: () => void;
  /** Called once with the good frames' embeddings. */
  onDone: (embeddings: Float32Array[]) => void;
}

/**
 * The camera only, started at once: a kiosk takes no files. The camera stops when this
 * unmounts, which is how the kiosk stops a capture nobody finished.
 */
export function KioskCapture({ engine, cameraId, onFaceSeen, onDone }: KioskCaptureProps) {
  const [source] = useState<CaptureSource>(() => ({ kind: 'camera', deviceId: cameraId }));
  const wanted = FRAMES_FROM_STREAM.attempt;
  const { frames, onResult, done } = useGoodFrames(wanted, true);
  const callbacks = useRef({ onFaceSeen, onDone });
  useEffect(() => {
    callbacks.current = { onFaceSeen, onDone };
  });

  useEffect(() => {
    if (done) callbacks.current.onDone(frames.embeddings);
  }, [done, frames.embeddings]);

  const onFrame = useCallback(
    (result: AnalyzeResult) => {
      onResult(result);
      if (result.faces.length > 0) callbacks.current.onFaceSeen();
    },
    [onResult],
  );

  const count = frames.embeddings.length;
  return (
    <div className="stack">
      <Capture
        engine={engine}
        source={source}
        active={!done}
        onResult={onFrame}
        box={frames.box}
        frameSize={frames.frameSize}
      />
      <progress value={count} max={wanted} aria-label="Good frames captured" />
      <p role="status" aria-live="polite" className="kiosk-guidance">
        {done ? 'Got it.' : frames.guidance ? guidanceText[frames.guidance] : 'Look at the camera.'}
      </p>
    </div>
  );
}
