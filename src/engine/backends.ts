import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { cosineSimilarity } from '../biometrics/similarity';
import { EngineError } from '../shared/errors';
import type { EmbedderEntry } from '../shared/manifest';
import { createEmbedder, type Embedder, type FileBytes } from './embedder';
import { SELF_TEST_MIN_COSINE, selfTestPattern } from './selfTest';

export const backendNames = ['webgpu', 'wasm', 'webgl'] as const;
export type BackendName = (typeof backendNames)[number];

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Why it was chosen or passed over, in words a person can read in settings. */
  reason: string;
}

export interface BackendChoice {
  backend: BackendName;
  embedder: Embedder;
  attempts: BackendAttempt[];
  /** The self-test embedding this backend gave (to pin a new model's vector). */
  selfTestVector: Float32Array;
}

export interface BackendOptions {
  order: readonly BackendName[];
  /** Accept a software WebGPU adapter (far slower than WASM; for correctness tests). */
  allowSoftwareGpu: boolean;
  /** Skip the comparison with the pinned vector: only to measure a new model's vector. */
  skipSelfTestCheck: boolean;
  /** URL of the folder holding the tfjs wasm binaries. */
  wasmFolderUrl: string;
}

interface AdapterWithInfo {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
}

/** Reasons a backend cannot even be tried here, or null when it can. */
async function precheck(name: BackendName, options: BackendOptions): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (
      navigator as Navigator & { gpu?: { requestAdapter(o?: object): Promise<unknown> } }
    ).gpu;
    if (!gpu) return 'WebGPU is not available in this browser';
    const adapter = (await gpu.requestAdapter({
      powerPreference: 'high-performance',
    })) as AdapterWithInfo | null;
    if (!adapter) return 'no WebGPU adapter';
    const software = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    if (software && !options.allowSoftwareGpu) {
      return 'the WebGPU adapter is a software one, slower than WASM';
    }
  }
  if (name === 'wasm') {
    // The threaded build breaks after minification, and without cross-origin isolation
    // it could not start anyway: one thread, SIMD where the browser has it.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    // Only the single-threaded binaries are served; the threaded one is never asked for.
    setWasmPaths(options.wasmFolderUrl);
  }
  return null;
}

async function tryBackend(
  name: BackendName,
  entry: EmbedderEntry,
  bytes: FileBytes,
  options: BackendOptions,
): Promise<{ embedder: Embedder; vector: Float32Array; reason: string }> {
  const blocked = await precheck(name, options);
  if (blocked) throw new Error(blocked);
  let started = false;
  try {
    started = await tf.setBackend(name);
  } catch (error) {
    throw new Error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  // setBackend answers false rather than throwing when the backend fails to start.
  if (!started) throw new Error('could not start');
  await tf.ready();

  const embedder = await createEmbedder(entry, bytes);
  try {
    const size = entry.input.size;
    const [vector] = await embedder.embed([{ rgba: selfTestPattern(size), size }]);
    if (!vector) throw new Error('self-test gave no embedding');
    if (options.skipSelfTestCheck) return { embedder, vector, reason: 'self-test not checked' };
    if (entry.selfTest.expected.length === 0) {
      throw new EngineError('model-invalid', `${entry.id} has no pinned self-test vector yet`);
    }
    const cosine = cosineSimilarity(vector, entry.selfTest.expected);
    if (!(cosine >= SELF_TEST_MIN_COSINE)) {
      throw new Error(`self-test failed (cosine ${cosine.toFixed(4)} < ${SELF_TEST_MIN_COSINE})`);
    }
    return { embedder, vector, reason: `self-test passed (cosine ${cosine.toFixed(5)})` };
  } catch (error) {
    embedder.dispose();
    throw error;
  }
}

/**
 * Tries each backend in order and keeps the first that starts and passes the
 * self-test; each one passed over says why.
 *
 * @throws EngineError `no-backend` when none works; `model-invalid` at once when the
 * model itself is broken (no backend would do better).
 */
export async function chooseBackend(
  entry: EmbedderEntry,
  bytes: FileBytes,
  options: BackendOptions,
): Promise<BackendChoice> {
  const attempts: BackendAttempt[] = [];
  for (const backend of options.order) {
    try {
      const { embedder, vector, reason } = await tryBackend(backend, entry, bytes, options);
      attempts.push({ backend, ok: true, reason });
      return { backend, embedder, attempts, selfTestVector: vector };
    } catch (error) {
      if (error instanceof EngineError && error.code === 'model-invalid') throw error;
      attempts.push({ backend, ok: false, reason: errorText(error) });
    }
  }
  const summary = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  throw new EngineError('no-backend', `no compute backend works here (${summary})`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
