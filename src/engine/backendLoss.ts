/** What tfjs's WebGL and WebGPU backends hold that can be lost under them. */
interface GpuBackendParts {
  gpgpu?: { gl?: { isContextLost(): boolean } };
  device?: { lost?: Promise<{ message?: string }> };
}

/**
 * Watches the running backend for the loss of what it computes on: the WebGL context
 * (a GPU reset, a driver update, the browser reclaiming GPUs) or the WebGPU device.
 * Once lost, a backend gives empty or wrong results rather than errors, so the engine
 * asks this before and after each frame and stops trusting the backend.
 *
 * @returns a function that answers why the backend was lost, or null while it is fine.
 */
export function watchBackendLoss(backend: unknown): () => string | null {
  const parts = (backend ?? {}) as GpuBackendParts;
  let lostBecause: string | null = null;
  void parts.device?.lost?.then((info) => {
    lostBecause = `the WebGPU device was lost${info.message ? ` (${info.message})` : ''}`;
  });
  const gl = parts.gpgpu?.gl;
  return () => {
    if (lostBecause === null && gl?.isContextLost()) lostBecause = 'the WebGL context was lost';
    return lostBecause;
  };
}
