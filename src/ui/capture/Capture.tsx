import { useEffect, useRef, useState } from 'react';
import { cameraErrorMessages, type CameraErrorCode } from '../../camera/cameraErrors';
import { runFrameLoop } from '../../camera/frameLoop';
import { CameraError, closeCamera, openCamera } from '../../camera/openCamera';
import type { EngineClient } from '../../client/engineClient';
import type { AnalyzeResult } from '../../shared/engineApi';
import { isEngineError } from '../../shared/errors';
import { inputErrorMessages } from '../../input/inputErrors';
import { holdActivity } from '../../pwa/activity';
import { engineErrorMessages } from '../messages';

export type CaptureSource =
  | { kind: 'camera'; deviceId: string | undefined }
  | { kind: 'video'; file: File }
  | { kind: 'photo'; bitmap: ImageBitmap };

interface CaptureProps {
  engine: EngineClient;
  source: CaptureSource;
  /** Frames stop going to the engine when false. */
  active: boolean;
  onResult: (result: AnalyzeResult) => void;
  /** The face box to draw, in frame pixels. */
  box: { x: number; y: number; width: number; height: number } | null;
  frameSize: { width: number; height: number } | null;
  /** Also score faces with the passive liveness models (verification). */
  passiveLiveness?: boolean;
}

const MAX_FPS = 6;
/** A video file that shows no frame in this long is taken as unreadable. */
const VIDEO_FIRST_FRAME_MS = 10_000;

/**
 * The live preview (mirrored for the person, as a mirror is what people expect) with
 * the face box, feeding unmirrored frames to the engine at a bounded rate.
 */
export function Capture({
  engine,
  source,
  active,
  onResult,
  box,
  frameSize,
  passiveLiveness = false,
}: CaptureProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [cameraError, setCameraError] = useState<CameraErrorCode | null>(null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onResultRef = useRef(onResult);
  useEffect(() => {
    onResultRef.current = onResult;
  });

  // Camera or video file into the <video> element.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || source.kind === 'photo') return;
    let stream: MediaStream | null = null;
    let url: string | null = null;
    let cancelled = false;
    let firstFrameTimer: ReturnType<typeof setTimeout> | undefined;
    const unreadable = () => setEngineError(inputErrorMessages['video-unplayable']);
    if (source.kind === 'camera') {
      openCamera(source.deviceId, () => setCameraError('camera-lost')).then(
        (s) => {
          if (cancelled) return closeCamera(s);
          stream = s;
          video.srcObject = s;
          void video.play().catch(() => undefined);
        },
        (error: unknown) => {
          if (!cancelled) setCameraError(error instanceof CameraError ? error.code : 'camera-busy');
        },
      );
    } else {
      url = URL.createObjectURL(source.file);
      video.src = url;
      video.loop = true;
      video.muted = true;
      // A truncated file may neither fail nor play: without a deadline the screen would
      // wait for its face for ever.
      video.addEventListener('error', unreadable);
      firstFrameTimer = setTimeout(() => {
        if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) unreadable();
      }, VIDEO_FIRST_FRAME_MS);
      void video.play().catch(unreadable);
    }
    return () => {
      cancelled = true;
      clearTimeout(firstFrameTimer);
      video.removeEventListener('error', unreadable);
      closeCamera(stream);
      video.srcObject = null;
      if (url) URL.revokeObjectURL(url);
    };
  }, [source, attempt]);

  // Held from the moment a source is chosen until the capture leaves the screen, not just
  // while frames flow: the screen takes its own hold for the verdict when the capture
  // ends, and the two must overlap.
  useEffect(() => holdActivity(), []);

  // Frames to the engine while active.
  useEffect(() => {
    if (!active || cameraError) return;
    const controller = new AbortController();
    const onError = (error: unknown) => {
      // This effect's own cleanup aborted the request (a new source, or React's
      // development double run): nothing went wrong that the person should read.
      if (controller.signal.aborted) return;
      setEngineError(isEngineError(error) ? engineErrorMessages[error.code] : String(error));
    };
    if (source.kind === 'photo') {
      createImageBitmap(source.bitmap)
        .then((copy) =>
          engine.analyze(copy, { embed: 'largest', passiveLiveness }, controller.signal),
        )
        .then((r) => !controller.signal.aborted && onResultRef.current(r), onError);
    } else if (videoRef.current) {
      runFrameLoop(videoRef.current, engine, {
        maxFps: MAX_FPS,
        analyze: { embed: 'largest', passiveLiveness },
        signal: controller.signal,
        onResult: (r) => onResultRef.current(r),
        onError,
      });
    }
    return () => controller.abort();
  }, [active, source, engine, cameraError, attempt, passiveLiveness]);

  if (cameraError) {
    return (
      <div role="alert" className="error-box">
        <p className="error">{cameraErrorMessages[cameraError]}</p>
        <button
          type="button"
          onClick={() => {
            setCameraError(null);
            setAttempt((n) => n + 1);
          }}
        >
          Try the camera again
        </button>
      </div>
    );
  }
  const mirrored = source.kind === 'camera';
  return (
    <div className="capture">
      {source.kind === 'photo' ? (
        <PhotoPreview bitmap={source.bitmap} />
      ) : (
        <video
          ref={videoRef}
          className={mirrored ? 'preview mirrored' : 'preview'}
          playsInline
          muted
          aria-label={mirrored ? 'Camera preview' : 'Video preview'}
        />
      )}
      {box && frameSize && <FaceBox box={box} frameSize={frameSize} mirrored={mirrored} />}
      {engineError && (
        <div role="alert" className="error-box">
          <p className="error">{engineError}</p>
          <button
            type="button"
            onClick={() => {
              setEngineError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      )}
    </div>
  );
}

function PhotoPreview({ bitmap }: { bitmap: ImageBitmap }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  }, [bitmap]);
  return <canvas ref={ref} className="preview" aria-label="The chosen photo" />;
}

/** The face box as an SVG overlay scaled with the preview (no inline styles: strict CSP). */
function FaceBox({
  box,
  frameSize,
  mirrored,
}: {
  box: { x: number; y: number; width: number; height: number };
  frameSize: { width: number; height: number };
  mirrored: boolean;
}) {
  const x = mirrored ? frameSize.width - box.x - box.width : box.x;
  return (
    <svg
      className="overlay"
      viewBox={`0 0 ${frameSize.width} ${frameSize.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      <rect x={x} y={box.y} width={box.width} height={box.height} className="face-box" />
    </svg>
  );
}
