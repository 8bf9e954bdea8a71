import * as tf from '@tensorflow/tfjs-core';
import { geometricQuality, laplacianVariance, meanOf, rgbaToGrey } from '../biometrics/quality';
import type { Box, FaceKeypoints } from '../biometrics/geometry';
import type { AnalyzedFace, AnalyzeResult, EngineStatus, MemoryFigures } from '../shared/engineApi';
import { EngineError } from '../shared/errors';
import type { EmbedderEntry, ModelManifest } from '../shared/manifest';
import { watchBackendLoss } from './backendLoss';
import { chooseBackend, type BackendName } from './backends';
import { alignmentFor, Cropper } from './crop';
import { createDetector, type DetectedFace, type Detector } from './detector';
import type { Embedder, FaceCrop } from './embedder';
import { boundedFrame } from './frame';
import { fetchVerified, type UrlResolver } from './modelFiles';
import { createPassiveLiveness, type PassiveLiveness } from './passive';

export interface EngineConfig {
  detectorRange: 'short' | 'full';
  embedderId?: string | undefined;
  backends: BackendName[];
  allowSoftwareGpu: boolean;
  skipSelfTestCheck: boolean;
  minDetectionScore: number;
}

/**
 * The face pipeline: detect → quality → align → embed. One instance lives in the
 * worker; MediaPipe and TensorFlow.js objects are made once in `start` and reused.
 */
export class FaceEngine {
  private readonly cropper = new Cropper();
  /** Requests under way, and those of them cancelled. */
  private readonly active = new Set<string>();
  private readonly cancelled = new Set<string>();

  /** Why the backend's GPU context or device was lost, or null while it works. */
  private readonly backendLost = watchBackendLoss(tf.backend());

  private constructor(
    private readonly detector: Detector,
    private readonly embedder: Embedder,
    private readonly passive: PassiveLiveness,
    readonly status: EngineStatus,
  ) {}

  static async start(
    manifest: ModelManifest,
    config: EngineConfig,
    resolveUrl: UrlResolver,
  ): Promise<FaceEngine> {
    const detectorEntry = manifest.detectors.find((d) => d.range === config.detectorRange);
    if (!detectorEntry) {
      throw new EngineError('model-missing', `no ${config.detectorRange}-range face detector`);
    }
    const embedderEntry = findEmbedder(manifest, config.embedderId ?? manifest.defaultEmbedder);

    // Every file is hash-checked before MediaPipe or TensorFlow.js parses a byte of it.
    const passiveFiles = manifest.passiveLiveness.flatMap((e) => e.files);
    const [detectorBytes, ...otherBytes] = await Promise.all([
      fetchVerified(detectorEntry.file, resolveUrl),
      ...embedderEntry.files.map((f) => fetchVerified(f, resolveUrl)),
      ...passiveFiles.map((f) => fetchVerified(f, resolveUrl)),
    ]);
    const embedderBytes = otherBytes.slice(0, embedderEntry.files.length);
    const bytes = new Map(embedderEntry.files.map((f, i) => [f.path, embedderBytes[i]!]));
    const passiveBytes = new Map(
      passiveFiles.map((f, i) => [f.path, otherBytes[embedderEntry.files.length + i]!]),
    );

    const choice = await chooseBackend(embedderEntry, bytes, {
      order: config.backends,
      allowSoftwareGpu: config.allowSoftwareGpu,
      skipSelfTestCheck: config.skipSelfTestCheck,
      wasmFolderUrl: resolveUrl('wasm/tfjs/'),
    });
    let detector: Detector;
    let passive: PassiveLiveness;
    try {
      passive = await createPassiveLiveness(manifest.passiveLiveness, passiveBytes);
    } catch (error) {
      choice.embedder.dispose();
      throw error;
    }
    try {
      detector = await createDetector(
        detectorBytes!,
        resolveUrl('wasm/mediapipe'),
        config.minDetectionScore,
      );
    } catch (error) {
      choice.embedder.dispose();
      passive.dispose();
      throw error;
    }
    return new FaceEngine(detector, choice.embedder, passive, {
      backend: choice.backend,
      backendAttempts: choice.attempts,
      detectorId: detectorEntry.id,
      embedderId: embedderEntry.id,
      embeddingSize: embedderEntry.embeddingSize,
      selfTestVector: Array.from(choice.selfTestVector),
    });
  }

  /**
   * Every face in the frame with its quality figures, and embeddings for those asked.
   * The frame is closed when done: it was transferred, so nobody else holds it.
   */
  async analyze(
    requestId: string,
    frame: ImageBitmap,
    embed: 'all' | 'largest' | 'none',
    passiveLiveness = false,
  ): Promise<AnalyzeResult> {
    const started = performance.now();
    this.active.add(requestId);
    const frameWidth = frame.width;
    const frameHeight = frame.height;
    let bitmap: ImageBitmap | null = null;
    try {
      this.throwIfBackendLost();
      const bounded = await boundedFrame(frame);
      bitmap = bounded.bitmap;
      this.throwIfCancelled(requestId);

      // 1. Detect, largest face first.
      const detected = this.detector
        .detect(bitmap)
        .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
      const detectedAt = performance.now();

      // 2. Align each face to the model's canonical crop; quality from geometry and pixels.
      const entry = this.embedder.entry;
      const crops: FaceCrop[] = detected.map((face) =>
        this.cropper.crop(bitmap!, alignmentFor(face.keypoints, entry), entry.input.size),
      );
      const faces = detected.map((face, i) =>
        describeFace(face, crops[i]!, bitmap!.width, bitmap!.height, bounded.toCaller),
      );
      const alignedAt = performance.now();
      this.throwIfCancelled(requestId);

      // 3. Embed the faces asked for, in one batch.
      const wanted =
        embed === 'all' ? faces.length : embed === 'largest' ? Math.min(1, faces.length) : 0;
      const embeddings = await this.embedder.embed(crops.slice(0, wanted));
      embeddings.forEach((e, i) => (faces[i]!.embedding = e));
      const embeddedAt = performance.now();
      this.throwIfCancelled(requestId);
      // A loss during this frame leaves its faces and embeddings untrustworthy.
      this.throwIfBackendLost();

      // 4. The passive liveness scores of the same faces: a second signal, reported.
      for (let i = 0; i < (passiveLiveness ? wanted : 0); i++) {
        faces[i]!.livenessScores = await this.passive.score(bitmap, detected[i]!.box);
      }
      this.throwIfCancelled(requestId);

      return {
        frameWidth,
        frameHeight,
        faces,
        timings: {
          detectMs: detectedAt - started,
          alignMs: alignedAt - detectedAt,
          embedMs: embeddedAt - alignedAt,
          totalMs: embeddedAt - started,
        },
      };
    } finally {
      this.active.delete(requestId);
      this.cancelled.delete(requestId);
      bitmap?.close();
      frame.close();
    }
  }

  cancel(requestId: string): void {
    // A cancel that arrives after its request finished has nothing left to stop.
    if (this.active.has(requestId)) this.cancelled.add(requestId);
  }

  memory(): MemoryFigures {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  }

  dispose(): void {
    this.embedder.dispose();
    this.passive.dispose();
  }

  private throwIfBackendLost(): void {
    const reason = this.backendLost();
    if (reason !== null) throw new EngineError('backend-lost', reason);
  }

  private throwIfCancelled(requestId: string): void {
    if (this.cancelled.has(requestId))
      throw new EngineError('aborted', 'the request was cancelled');
  }
}

function findEmbedder(manifest: ModelManifest, id: string): EmbedderEntry {
  const entry = manifest.embedders.find((e) => e.id === id);
  if (!entry) throw new EngineError('model-missing', `no embedding model "${id}"`);
  return entry;
}

function describeFace(
  face: DetectedFace,
  crop: FaceCrop,
  width: number,
  height: number,
  toCaller: number,
): AnalyzedFace {
  const grey = rgbaToGrey(crop.rgba);
  const geometry = geometricQuality(face.box, face.keypoints, width, height);
  return {
    box: scaleBox(face.box, toCaller),
    score: face.score,
    keypoints: scaleKeypoints(face.keypoints, toCaller),
    quality: {
      faceWidth: geometry.faceWidth * toCaller,
      interOcular: geometry.interOcular * toCaller,
      edgeMargin: geometry.edgeMargin * toCaller,
      yawDegrees: geometry.yawDegrees,
      rollDegrees: geometry.rollDegrees,
      sharpness: laplacianVariance(grey, crop.size, crop.size),
      brightness: meanOf(grey),
    },
    embedding: null,
    livenessScores: null,
  };
}

function scaleBox(box: Box, k: number): Box {
  return { x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k };
}

function scaleKeypoints(points: FaceKeypoints, k: number): FaceKeypoints {
  const out = {} as Record<keyof FaceKeypoints, { x: number; y: number }>;
  for (const [name, p] of Object.entries(points) as [
    keyof FaceKeypoints,
    { x: number; y: number },
  ][]) {
    out[name] = { x: p.x * k, y: p.y * k };
  }
  return out;
}
