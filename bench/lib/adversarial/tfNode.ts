// TensorFlow.js in Node for the attack: the WASM backend (the app's own fallback
// backend, here single-threaded), the gradients the attack needs, and the app's
// embedder built from the same hash-checked files the browser loads.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createEmbedder, type Embedder } from '../../../src/engine/embedder';
import type { WeightMap } from '../../../src/engine/nets/dlibResnet34';
import { parseManifest, type EmbedderEntry } from '../../../src/shared/manifest';
import { repoRoot } from '../faces';

// tfjs-core registers no gradients by itself (the app never needs them); these are the
// kernels on the path from the pixels to the similarity, defence transforms included.
const GRADIENT_KERNELS = [
  'Add',
  'AvgPool',
  'BatchMatMul',
  'Cast',
  'Concat',
  'Conv2D',
  'Identity',
  'MaxPool',
  'Mean',
  'Multiply',
  'PadV2',
  'RealDiv',
  'Relu',
  'Reshape',
  'ResizeBilinear',
  'Reverse',
  'Slice',
  'Sqrt',
  'Square',
  'Sub',
  'Sum',
] as const;

async function registerGradients(): Promise<void> {
  for (const kernel of GRADIENT_KERNELS) {
    // eslint-disable-next-line no-unsanitized/method -- names from the constant list above
    const module: Record<string, tf.GradConfig> = await import(
      `@tensorflow/tfjs-core/dist/gradients/${kernel}_grad.js`
    );
    const config = Object.values(module).find((c) => c.kernelName === kernel);
    if (!config) throw new Error(`tfjs-core has no gradient for ${kernel}`);
    tf.registerGradient(config);
  }
}

export interface NodeModel {
  entry: EmbedderEntry;
  /** The app's embedder: its preprocessing, flip-average and normalisation. */
  embedder: Embedder;
  /** The same weights as tensors, for the differentiable copy of the forward pass. */
  weights: WeightMap;
}

/** Starts the WASM backend and builds the default embedder from public/ (after `npm ci`). */
export async function loadNodeModel(): Promise<NodeModel> {
  setWasmPaths(join(repoRoot, 'public', 'wasm', 'tfjs') + '/');
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend did not start');
  await registerGradients();

  const manifest = parseManifest(
    JSON.parse(await readFile(join(repoRoot, 'models', 'manifest.json'), 'utf8')),
  );
  const entry = manifest.embedders.find((e) => e.id === manifest.defaultEmbedder);
  if (!entry || entry.architecture !== 'dlib-resnet34') {
    throw new Error('the attack needs the dlib-resnet34 embedder as the default');
  }
  const bytes = new Map<string, Uint8Array>();
  for (const file of entry.files) {
    const data = new Uint8Array(await readFile(join(repoRoot, 'public', file.path)));
    if (createHash('sha256').update(data).digest('hex') !== file.sha256) {
      throw new Error(`${file.path} does not match its pinned SHA-256: run npm ci`);
    }
    bytes.set(file.path, data);
  }
  const embedder = await createEmbedder(entry, bytes);

  const [head, ...shards] = entry.files;
  const groups = JSON.parse(new TextDecoder().decode(bytes.get(head!.path))) as {
    weights: tf.io.WeightsManifestEntry[];
  }[];
  const data = concat(shards.map((f) => bytes.get(f.path)!));
  const weights = tf.io.decodeWeights(
    data,
    groups.flatMap((g) => g.weights),
  ) as WeightMap;
  return { entry, embedder, weights };
}

function concat(parts: readonly Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out.buffer;
}
