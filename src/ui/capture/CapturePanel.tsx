import { useEffect, useState } from 'react';
import { guidanceText, photoGuidanceText } from '../../biometrics/qualityPolicy';
import type { EngineClient } from '../../client/engineClient';
import { Capture, type CaptureSource } from './Capture';
import { SourcePicker } from './SourcePicker';
import { useGoodFrames } from './useGoodFrames';

/** Good frames wanted from a camera or a video; a photo gives one. */
export const FRAMES_FROM_STREAM = { enrol: 5, attempt: 3 } as const;

interface CapturePanelProps {
  engine: EngineClient;
  cameraId: string | undefined;
  purpose: 'enrol' | 'attempt';
  /** Called once with the good frames' embeddings. */
  onDone: (embeddings: Float32Array[]) => void;
}

/**
 * Choose camera or file, then guided capture until enough good frames are in, with a
 * progress indicator and the engine's guidance announced to screen readers.
 */
export function CapturePanel({ engine, cameraId, purpose, onDone }: CapturePanelProps) {
  const [source, setSource] = useState<CaptureSource | null>(null);
  const wanted = source?.kind === 'photo' ? 1 : FRAMES_FROM_STREAM[purpose];
  const { frames, onResult, reset, done } = useGoodFrames(wanted, purpose === 'attempt');

  useEffect(() => {
    if (done) onDone(frames.embeddings);
    // onDone runs once per completed capture; a new source resets the frames.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);

  if (!source) {
    return (
      <SourcePicker
        cameraId={cameraId}
        onSource={(s) => {
          reset();
          setSource(s);
        }}
      />
    );
  }
  const count = frames.embeddings.length;
  const isPhoto = source.kind === 'photo';
  // A photo is analysed once: what is wrong with it goes in an alert, not in guidance.
  const status = done
    ? 'Got it.'
    : isPhoto
      ? frames.guidance
        ? 'This photo cannot be used.'
        : 'Looking for the face in this photo…'
      : frames.guidance
        ? guidanceText[frames.guidance]
        : 'Looking for your face…';
  return (
    <div className="stack">
      <Capture
        engine={engine}
        source={source}
        active={!done}
        onResult={onResult}
        box={frames.box}
        frameSize={frames.frameSize}
      />
      <label>
        Good frames: {count} of {wanted}{' '}
        <progress value={count} max={wanted} aria-label="Good frames captured" />
      </label>
      <p role="status" aria-live="polite" data-testid="guidance">
        {status}
      </p>
      {isPhoto && frames.guidance && (
        <p role="alert" className="error" data-testid="photo-error">
          {photoGuidanceText[frames.guidance]}
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          if (source.kind === 'photo') source.bitmap.close();
          setSource(null);
        }}
      >
        Use another camera, photo or video
      </button>
    </div>
  );
}
