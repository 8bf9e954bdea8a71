import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { isUsableEmbedding, l2Normalize } from '../biometrics/similarity';
import { EngineError } from '../shared/errors';
import type { EmbedderEntry } from '../shared/manifest';
import { basename } from './modelFiles';
import { dlibResnet34, type WeightMap } from './nets/dlibResnet34';

/** A square RGBA crop of the aligned face, `size` pixels a side. */
export interface FaceCrop {
  rgba: Uint8ClampedArray;
  size: number;
}

/**
 * Not robust to adversarial examples: a crop perturbed by 2/255 per pixel, computed with
 * the public weights, can be embedded next to someone else's face (SECURITY.md,
 * "Adversarial robustness"). Only a trusted camera path keeps such crops out.
 */
export interface Embedder {
  readonly entry: EmbedderEntry;
  /** One L2-normalised embedding per crop, in order. */
  embed(crops: readonly FaceCrop[]): Promise<Float32Array[]>;
  dispose(): void;
}

type Forward = (batch: tf.Tensor4D) => tf.Tensor;

/** Verified bytes of each of the entry's files, keyed by the manifest path. */
export type FileBytes = ReadonlyMap<string, Uint8Array>;

interface WeightsGroup {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

/**
 * Builds the embedder an entry describes, on the current tfjs backend. The weights'
 * bytes have already passed their hash check.
 *
 * @throws EngineError `model-invalid` when the files do not form the model described.
 */
export async function createEmbedder(entry: EmbedderEntry, bytes: FileBytes): Promise<Embedder> {
  const [first, ...shards] = entry.files;
  const head = bytes.get(first!.path);
  if (!head) throw new EngineError('model-invalid', `${entry.id}: ${first!.path} was not loaded`);
  const shardBytes = new Map(shards.map((f) => [basename(f.path), bytes.get(f.path)]));
  const readShards = (paths: string[]): ArrayBuffer =>
    concat(
      paths.map((p) => {
        const shard = shardBytes.get(basename(p));
        if (!shard) throw new EngineError('model-invalid', `${entry.id}: no file for shard ${p}`);
        return shard;
      }),
    );

  let forward: Forward;
  let release: () => void;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(head));
    if (entry.architecture === 'graph-model') {
      const model = await loadGraph(json, readShards);
      forward = graphForward(model, entry);
      release = () => model.dispose();
    } else {
      const groups = json as WeightsGroup[];
      const specs = groups.flatMap((g) => g.weights);
      const data = readShards(groups.flatMap((g) => g.paths));
      const weights = tf.io.decodeWeights(data, specs) as WeightMap;
      forward = (batch) => dlibResnet34(batch, weights);
      release = () => tf.dispose(Object.values(weights));
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new EngineError('model-invalid', `${entry.id} could not be built: ${detail}`);
  }
  return new TfEmbedder(entry, forward, release);
}

async function loadGraph(
  json: unknown,
  readShards: (paths: string[]) => ArrayBuffer,
): Promise<GraphModel> {
  const artifacts = json as tf.io.ModelJSON;
  const groups = artifacts.weightsManifest;
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: groups.flatMap((g) => g.weights),
      weightData: readShards(groups.flatMap((g) => g.paths)),
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      signature: artifacts.signature,
      userDefinedMetadata: artifacts.userDefinedMetadata,
    }),
  );
}

function graphForward(model: GraphModel, entry: EmbedderEntry): Forward {
  const inputName = entry.input.tensorName ?? model.inputs[0]?.name;
  const outputName = entry.outputName ?? model.outputs[0]?.name;
  if (!inputName || !outputName) {
    throw new EngineError('model-invalid', `${entry.id}: the graph has no input or output`);
  }
  return (batch) => model.execute({ [inputName]: batch }, outputName) as tf.Tensor;
}

class TfEmbedder implements Embedder {
  constructor(
    readonly entry: EmbedderEntry,
    private readonly forward: Forward,
    private readonly release: () => void,
  ) {}

  async embed(crops: readonly FaceCrop[]): Promise<Float32Array[]> {
    if (crops.length === 0) return [];
    const { size } = this.entry.input;
    const dim = this.entry.embeddingSize;
    const views = this.entry.flipAverage ? 2 : 1;

    const output = tf.tidy(() => {
      let batch = tf.tensor4d(toModelInput(crops, this.entry), [crops.length, size, size, 3]);
      // The mirrored crop is a second view of the same face; its embedding is averaged in.
      if (views === 2) batch = tf.concat([batch, tf.reverse(batch, 2)]);
      return tf.reshape(this.forward(batch), [crops.length * views, -1]);
    });
    let raw: Float32Array;
    try {
      if (output.shape[1] !== dim) {
        throw new EngineError(
          'model-invalid',
          `${this.entry.id} gave ${output.shape[1]} numbers, the manifest says ${dim}`,
        );
      }
      raw = (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }

    return crops.map((_, i) => {
      const vector = new Float32Array(dim);
      for (let view = 0; view < views; view++) {
        const part = raw.subarray(
          (view * crops.length + i) * dim,
          (view * crops.length + i + 1) * dim,
        );
        if (!isUsableEmbedding(part)) {
          throw new EngineError(
            'internal',
            `${this.entry.id} produced a zero or non-finite vector`,
          );
        }
        const unit = l2Normalize(part);
        for (let k = 0; k < dim; k++) vector[k]! += unit[k]!;
      }
      return l2Normalize(vector);
    });
  }

  dispose(): void {
    this.release();
  }
}

/** RGBA crops to the model's channel order and normalisation, as one flat NHWC array. */
export function toModelInput(crops: readonly FaceCrop[], entry: EmbedderEntry): Float32Array {
  const { size, mean, scale, colorOrder } = entry.input;
  const pixels = size * size;
  const out = new Float32Array(crops.length * pixels * 3);
  const [r, g, b] = colorOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0];
  let o = 0;
  for (const crop of crops) {
    if (crop.size !== size || crop.rgba.length !== pixels * 4) {
      throw new EngineError('internal', `a face crop is not ${size}×${size}`);
    }
    const px = crop.rgba;
    for (let i = 0; i < pixels * 4; i += 4) {
      out[o++] = (px[i + r]! - mean[0]) * scale;
      out[o++] = (px[i + g]! - mean[1]) * scale;
      out[o++] = (px[i + b]! - mean[2]) * scale;
    }
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out.buffer;
}
