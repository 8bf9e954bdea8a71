import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import type { Box, FaceKeypoints, Point } from '../biometrics/geometry';
import { KEYPOINT_NAMES } from '../biometrics/geometry';
import { EngineError } from '../shared/errors';

export interface DetectedFace {
  box: Box;
  score: number;
  keypoints: FaceKeypoints;
}

export interface Detector {
  /** Faces in the frame, in frame pixels. */
  detect(frame: ImageBitmap): DetectedFace[];
}

// MediaPipe's wasm loader can start only once per worker ("ModuleFactory not set" the
// second time), so one FaceDetector serves the worker's lifetime and a new model or
// score is swapped in with setOptions. It goes when the worker is terminated.
let shared: FaceDetector | null = null;

/**
 * MediaPipe's FaceDetector on verified model bytes, with its wasm served from our
 * origin. It runs in IMAGE mode: each frame stands alone, so frames from a file, a
 * camera or a test need no strictly increasing timestamps.
 *
 * @throws EngineError `detector-failed` when MediaPipe cannot start (no WebGL, say).
 */
export async function createDetector(
  modelBytes: Uint8Array,
  wasmFolderUrl: string,
  minScore: number,
): Promise<Detector> {
  let detector: FaceDetector;
  try {
    const options = {
      baseOptions: { modelAssetBuffer: modelBytes, delegate: 'CPU' as const },
      runningMode: 'IMAGE' as const,
      minDetectionConfidence: minScore,
    };
    if (shared) {
      await shared.setOptions(options);
    } else {
      // In a module worker the ES-module build of the loader is needed (second argument).
      const fileset = await FilesetResolver.forVisionTasks(wasmFolderUrl, true);
      shared = await FaceDetector.createFromOptions(fileset, options);
    }
    detector = shared;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new EngineError('detector-failed', `the face detector could not start: ${detail}`);
  }
  return {
    detect(frame) {
      const result = detector.detect(frame);
      const faces: DetectedFace[] = [];
      for (const d of result.detections) {
        const box = d.boundingBox;
        if (!box || d.keypoints.length < KEYPOINT_NAMES.length) continue;
        const points = d.keypoints.map((k): Point => ({
          x: k.x * frame.width,
          y: k.y * frame.height,
        }));
        const keypoints = Object.fromEntries(
          KEYPOINT_NAMES.map((name, i) => [name, points[i]!]),
        ) as unknown as FaceKeypoints;
        faces.push({
          box: { x: box.originX, y: box.originY, width: box.width, height: box.height },
          score: d.categories[0]?.score ?? 0,
          keypoints,
        });
      }
      return faces;
    },
  };
}
