import { z } from 'zod';
import type { Box, FaceKeypoints } from '../biometrics/geometry';
import type { FaceQuality } from '../biometrics/quality';

export const backendNameSchema = z.enum(['webgpu', 'wasm', 'webgl']);
export type BackendName = z.infer<typeof backendNameSchema>;

export const initOptionsSchema = z
  .object({
    /** short: a person at the screen; full: people further away (kiosk). */
    detectorRange: z.enum(['short', 'full']).default('short'),
    embedderId: z.string().min(1).max(100).optional(),
    /** Backends to try, in order. */
    backends: z.array(backendNameSchema).min(1).max(3).default(['webgpu', 'wasm', 'webgl']),
    allowSoftwareGpu: z.boolean().default(false),
    /** Only for measuring a new model's self-test vector. */
    skipSelfTestCheck: z.boolean().default(false),
    minDetectionScore: z.number().min(0.05).max(0.99).default(0.5),
  })
  .strict();
export type InitOptions = z.input<typeof initOptionsSchema>;

export const analyzeOptionsSchema = z
  .object({
    /** Which faces get an embedding: all, the largest one, or none (detection only). */
    embed: z.enum(['all', 'largest', 'none']).default('all'),
    /** Also score the embedded faces with the passive liveness models (a verification). */
    passiveLiveness: z.boolean().default(false),
  })
  .strict();
export type AnalyzeOptions = z.input<typeof analyzeOptionsSchema>;

export const requestIdSchema = z.string().min(1).max(64);

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason: string;
}

export interface EngineStatus {
  backend: BackendName;
  /** Every backend tried, in order, with why it was kept or passed over. */
  backendAttempts: BackendAttempt[];
  detectorId: string;
  embedderId: string;
  embeddingSize: number;
  /** The embedding the self-test pattern gave on this backend. */
  selfTestVector: number[];
}

export interface AnalyzedFace {
  /** In the caller's frame pixels. */
  box: Box;
  score: number;
  keypoints: FaceKeypoints;
  quality: FaceQuality;
  /** L2-normalised; null when not asked for. */
  embedding: Float32Array | null;
  /** The passive liveness models' scores, when asked for and the face got an embedding. */
  livenessScores: LivenessScores | null;
}

/** Scores of the passive liveness models for one face, keyed by model id. */
export type LivenessScores = Record<string, number>;

export interface AnalyzeResult {
  frameWidth: number;
  frameHeight: number;
  /** Largest face first. */
  faces: AnalyzedFace[];
  timings: { detectMs: number; alignMs: number; embedMs: number; totalMs: number };
}

export interface MemoryFigures {
  numTensors: number;
  numBytes: number;
}

/** What the worker exposes through Comlink; every argument is validated there. */
export interface EngineApi {
  init(options: InitOptions): Promise<EngineStatus>;
  analyze(requestId: string, frame: ImageBitmap, options: AnalyzeOptions): Promise<AnalyzeResult>;
  cancel(requestId: string): void;
  memory(): MemoryFigures;
  dispose(): void;
}
