import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { parseManifest } from '../shared/manifest';
import { engineAssetPaths, missingFromPrecache } from './precache';

const manifest = parseManifest(manifestJson);

describe('engineAssetPaths', () => {
  it('lists the runtime, every detector, embedder and passive liveness file, once each', () => {
    const paths = engineAssetPaths(manifest);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('wasm/tfjs/tfjs-backend-wasm-simd.wasm');
    expect(paths).toContain('models/blazeface-short-range.tflite');
    expect(paths).toContain('models/blazeface-full-range.tflite');
    for (const embedder of manifest.embedders) {
      for (const file of embedder.files) expect(paths).toContain(file.path);
    }
    expect(manifest.passiveLiveness.length).toBeGreaterThan(0);
    for (const model of manifest.passiveLiveness) {
      for (const file of model.files) expect(paths).toContain(file.path);
    }
  });
});

describe('missingFromPrecache', () => {
  const required = ['models/a.bin', 'wasm/b.wasm'];

  it('finds nothing missing when every file is listed, with or without a leading slash', () => {
    expect(missingFromPrecache(['/models/a.bin', 'wasm/b.wasm', 'index.html'], required)).toEqual(
      [],
    );
  });

  it('names each file the list leaves out', () => {
    expect(missingFromPrecache(['index.html', 'models/a.bin'], required)).toEqual(['wasm/b.wasm']);
    expect(missingFromPrecache([], required)).toEqual(required);
  });

  it('does not take a file of the same name in another folder for the one required', () => {
    expect(missingFromPrecache(['other/models/a.bin', 'wasm/b.wasm'], required)).toEqual([
      'models/a.bin',
    ]);
  });
});
