import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const point = z.tuple([z.number().finite(), z.number().finite()]);

/** A file the app serves, copied from an npm package and pinned by its hash. */
export const modelFileSchema = z.object({
  /** Path under node_modules the preparation script copies from. */
  source: z.string().min(1),
  /** Path under public/ (and so under the site root) the file is served at. */
  path: z.string().regex(/^[a-z0-9_./-]+$/i),
  sha256,
  /** The source file's hash, when the script changes the file (detector metadata). */
  sourceSha256: sha256.optional(),
  /** A change the preparation script makes before pinning. */
  patch: z
    .object({
      kind: z.literal('tflite-normalization-metadata'),
      mean: z.number(),
      std: z.number().positive(),
    })
    .optional(),
});

export const detectorSchema = z.object({
  id: z.string().min(1),
  /** short: a face within about 2 m of the camera; full: faces up to about 5 m away. */
  range: z.enum(['short', 'full']),
  description: z.string(),
  file: modelFileSchema,
});

export const farLevels = ['0.01', '0.001', '0.0001'] as const;
export type FarLevel = (typeof farLevels)[number];

export const embedderSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  /**
   * graph-model: a TensorFlow.js graph model (model.json then its weight shards), as
   * tensorflowjs_converter writes it. dlib-resnet34: face-api's ResNet-34 weights.
   */
  architecture: z.enum(['graph-model', 'dlib-resnet34']),
  files: z.array(modelFileSchema).min(1),
  input: z.object({
    /** Side of the square face crop, in pixels. */
    size: z.number().int().min(32).max(512),
    colorOrder: z.enum(['RGB', 'BGR']),
    /** The model sees (pixel − mean[c]) · scale, pixels in 0..255, channels in colorOrder. */
    mean: z.tuple([z.number(), z.number(), z.number()]),
    scale: z.number().positive(),
    /** Name of the graph model's input, when it has several or an unusual one. */
    tensorName: z.string().optional(),
  }),
  /** Name of the graph model's output tensor, when not the first. */
  outputName: z.string().optional(),
  embeddingSize: z.number().int().min(16).max(4096),
  /** Where alignment places each keypoint in the crop, in crop pixels. */
  canonicalKeypoints: z.object({
    rightEye: point,
    leftEye: point,
    noseTip: point,
    mouthCenter: point,
  }),
  /** Also embed the mirrored crop and average both (a second view of the same face). */
  flipAverage: z.boolean(),
  thresholds: z.object({
    calibratedOn: z.string(),
    /** Cosine similarity at which that share of impostor pairs is accepted. */
    similarityAtFar: z.object({ '0.01': z.number(), '0.001': z.number(), '0.0001': z.number() }),
    /** The similarity that gave the best accuracy on the calibration pairs. */
    bestAccuracy: z.number(),
  }),
  /** Measured on pairs never used for calibration, at `thresholds.bestAccuracy`. */
  evaluation: z.object({
    pairs: z.string(),
    accuracy: z.number().min(0).max(1),
    backend: z.string(),
  }),
  selfTest: z.object({
    /**
     * The embedding of the built-in test pattern, measured on the WASM backend. Empty
     * until measured (scripts/pin-self-test.ts); such a model is refused at start.
     */
    expected: z.array(z.number().finite()),
  }),
});

/**
 * A passive liveness model: a TensorFlow.js graph model that scores one face crop. It
 * sees the detector's box, enlarged by `boxScale` and squared, as `size`×`size` RGB
 * pixels times `scale`; its score is output number `outputIndex`.
 */
export const passiveLivenessSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  files: z.array(modelFileSchema).min(2),
  input: z.object({
    size: z.number().int().min(16).max(512),
    scale: z.number().positive(),
    boxScale: z.number().min(1).max(3),
  }),
  outputIndex: z.number().int().min(0),
});

export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  /** Runtime files (wasm and their loaders) served beside the models. */
  runtime: z.array(modelFileSchema),
  detectors: z.array(detectorSchema).min(1),
  embedders: z.array(embedderSchema).min(1),
  defaultEmbedder: z.string(),
  /** Second-signal liveness models, run on every embedded face; none is required. */
  passiveLiveness: z.array(passiveLivenessSchema).default([]),
});

export type ModelFile = z.infer<typeof modelFileSchema>;
export type DetectorEntry = z.infer<typeof detectorSchema>;
export type EmbedderEntry = z.infer<typeof embedderSchema>;
export type PassiveLivenessEntry = z.infer<typeof passiveLivenessSchema>;
export type ModelManifest = z.infer<typeof manifestSchema>;

/** Parses the manifest; the errors name the field at fault. */
export function parseManifest(json: unknown): ModelManifest {
  const manifest = manifestSchema.parse(json);
  if (!manifest.embedders.some((e) => e.id === manifest.defaultEmbedder)) {
    throw new Error(`defaultEmbedder "${manifest.defaultEmbedder}" names no embedder`);
  }
  for (const e of manifest.embedders) {
    const n = e.selfTest.expected.length;
    if (n !== 0 && n !== e.embeddingSize) {
      throw new Error(`embedder ${e.id}: selfTest.expected must have ${e.embeddingSize} numbers`);
    }
  }
  return manifest;
}
