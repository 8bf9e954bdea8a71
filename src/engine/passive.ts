import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { SimilarityTransform } from '../biometrics/alignment';
import type { Box } from '../biometrics/geometry';
import { EngineError } from '../shared/errors';
import type { LivenessScores } from '../shared/engineApi';
import type { PassiveLivenessEntry } from '../shared/manifest';
import { Cropper } from './crop';
import { basename } from './modelFiles';

export interface PassiveLiveness {
  /** Every model's score for the face in `box` of the frame. */
  score(frame: ImageBitmap, box: Box): Promise<LivenessScores>;
  dispose(): void;
}

interface Loaded {
  entry: PassiveLivenessEntry;
  model: GraphModel;
  /** One per model, so each keeps a canvas of its own input size. */
  cropper: Cropper;
}

/**
 * The passive liveness models of the manifest, built from bytes that have passed their
 * hash check. They are a second signal only: see the README's Liveness section for what
 * they were measured to do on our clips.
 *
 * @throws EngineError `model-invalid` when a model's files do not form a graph model.
 */
export async function createPassiveLiveness(
  entries: readonly PassiveLivenessEntry[],
  bytes: ReadonlyMap<string, Uint8Array>,
): Promise<PassiveLiveness> {
  const loaded: Loaded[] = [];
  try {
    for (const entry of entries)
      loaded.push({ entry, model: await loadEntry(entry, bytes), cropper: new Cropper() });
  } catch (error) {
    loaded.forEach((l) => l.model.dispose());
    if (error instanceof EngineError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'model-invalid',
      `a passive liveness model could not be built: ${detail}`,
    );
  }
  return {
    async score(frame, box) {
      const scores: LivenessScores = {};
      for (const { entry, model, cropper } of loaded) {
        const { size, scale, boxScale } = entry.input;
        const crop = cropper.crop(frame, squareCrop(box, boxScale, size), size);
        const input = new Float32Array(size * size * 3);
        for (let i = 0, o = 0; o < input.length; i += 4) {
          input[o++] = crop.rgba[i]! * scale;
          input[o++] = crop.rgba[i + 1]! * scale;
          input[o++] = crop.rgba[i + 2]! * scale;
        }
        const output = tf.tidy(
          () => model.execute(tf.tensor4d(input, [1, size, size, 3])) as tf.Tensor,
        );
        try {
          const values = await output.data();
          scores[entry.id] = values[entry.outputIndex] ?? NaN;
        } finally {
          output.dispose();
        }
      }
      return scores;
    },
    dispose() {
      loaded.forEach((l) => l.model.dispose());
    },
  };
}

/** The transform that maps the box, enlarged by `boxScale` and squared, onto the crop. */
export function squareCrop(box: Box, boxScale: number, size: number): SimilarityTransform {
  const side = boxScale * Math.max(box.width, box.height);
  const left = box.x + box.width / 2 - side / 2;
  const top = box.y + box.height / 2 - side / 2;
  const a = size / side;
  return { a, b: 0, tx: -a * left, ty: -a * top };
}

async function loadEntry(
  entry: PassiveLivenessEntry,
  bytes: ReadonlyMap<string, Uint8Array>,
): Promise<GraphModel> {
  const [head, ...shards] = entry.files;
  const json = bytes.get(head!.path);
  if (!json) throw new EngineError('model-invalid', `${entry.id}: ${head!.path} was not loaded`);
  const artifacts = JSON.parse(new TextDecoder().decode(json)) as tf.io.ModelJSON;
  const byName = new Map(shards.map((f) => [basename(f.path), bytes.get(f.path)]));
  const paths = artifacts.weightsManifest.flatMap((g) => g.paths);
  const parts = paths.map((p) => {
    const shard = byName.get(basename(p));
    if (!shard) throw new EngineError('model-invalid', `${entry.id}: no file for shard ${p}`);
    return shard;
  });
  const weightData = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    weightData.set(part, offset);
    offset += part.byteLength;
  }
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightsManifest.flatMap((g) => g.weights),
      weightData: weightData.buffer,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      signature: artifacts.signature,
      userDefinedMetadata: artifacts.userDefinedMetadata,
    }),
  );
}
