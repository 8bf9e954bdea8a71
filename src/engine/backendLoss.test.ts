import { describe, expect, it } from 'vitest';
import { watchBackendLoss } from './backendLoss';

// No WebGPU device exists where these tests run, and a WebGL context cannot be lost in
// Node, so both are stood in for by objects shaped as tfjs's backends hold them. The
// WebGL case is also tested in a real browser (e2e/faults.spec.ts).

describe('watchBackendLoss', () => {
  it('never reports a loss for a backend without a GPU (WASM)', async () => {
    const lost = watchBackendLoss({});
    await Promise.resolve();
    expect(lost()).toBeNull();
    expect(watchBackendLoss(undefined)()).toBeNull();
  });

  it('reports a lost WebGL context from then on', () => {
    let contextLost = false;
    const lost = watchBackendLoss({ gpgpu: { gl: { isContextLost: () => contextLost } } });
    expect(lost()).toBeNull();
    contextLost = true;
    expect(lost()).toBe('the WebGL context was lost');
    // Restored by the browser or not, the backend's programs and textures are gone.
    contextLost = false;
    expect(lost()).toBe('the WebGL context was lost');
  });

  it('reports a lost WebGPU device once its lost promise settles', async () => {
    let loseDevice!: (info: { message: string }) => void;
    const device = { lost: new Promise<{ message: string }>((r) => (loseDevice = r)) };
    const lost = watchBackendLoss({ device });
    await Promise.resolve();
    expect(lost()).toBeNull();

    loseDevice({ message: 'the GPU was reset' });
    await device.lost;
    await Promise.resolve();
    expect(lost()).toBe('the WebGPU device was lost (the GPU was reset)');
  });
});
