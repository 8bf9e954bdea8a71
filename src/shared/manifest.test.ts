import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { parseManifest, type ModelManifest } from './manifest';

/** A deep copy of the real manifest, changed by `change`. */
function mutated(change: (m: ModelManifest) => void): unknown {
  const copy = structuredClone(manifestJson) as unknown as ModelManifest;
  change(copy);
  return copy;
}

describe('the real models/manifest.json', () => {
  const manifest = parseManifest(manifestJson);

  it('parses', () => {
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.detectors.length).toBeGreaterThan(0);
    expect(manifest.embedders.map((e) => e.id)).toContain(manifest.defaultEmbedder);
    for (const e of manifest.embedders) {
      expect(e.selfTest.expected).toHaveLength(e.embeddingSize);
    }
  });

  it('gives every file a unique path', () => {
    const paths = [
      ...manifest.runtime.map((f) => f.path),
      ...manifest.detectors.map((d) => d.file.path),
      ...manifest.embedders.flatMap((e) => e.files.map((f) => f.path)),
    ];
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('parseManifest rejects', () => {
  it('a sha256 that is not 64 lower-case hex digits', () => {
    const short = mutated((m) => {
      m.runtime[0]!.sha256 = 'abc123';
    });
    expect(() => parseManifest(short)).toThrow(/sha256/i);
    const upper = mutated((m) => {
      m.detectors[0]!.file.sha256 = m.detectors[0]!.file.sha256.toUpperCase();
    });
    expect(() => parseManifest(upper)).toThrow(/sha256/i);
    const notHex = mutated((m) => {
      m.embedders[0]!.files[0]!.sha256 = 'g'.repeat(64);
    });
    expect(() => parseManifest(notHex)).toThrow(/sha256/i);
  });

  it('a selfTest.expected of the wrong length', () => {
    const json = mutated((m) => {
      m.embedders[0]!.selfTest.expected.pop();
    });
    expect(() => parseManifest(json)).toThrow(/selfTest\.expected/);
  });

  it('a defaultEmbedder naming no embedder', () => {
    const json = mutated((m) => {
      m.defaultEmbedder = 'no-such-embedder';
    });
    expect(() => parseManifest(json)).toThrow(/no-such-embedder/);
  });

  it('an unknown architecture', () => {
    const json = mutated((m) => {
      (m.embedders[0] as { architecture: string }).architecture = 'onnx';
    });
    expect(() => parseManifest(json)).toThrow(/architecture/);
  });

  it('a negative input size', () => {
    const json = mutated((m) => {
      m.embedders[0]!.input.size = -150;
    });
    expect(() => parseManifest(json)).toThrow(/size/);
  });

  it('an unknown schema version and a missing list', () => {
    expect(() =>
      parseManifest(
        mutated((m) => {
          (m as { schemaVersion: number }).schemaVersion = 2;
        }),
      ),
    ).toThrow();
    expect(() =>
      parseManifest(
        mutated((m) => {
          m.embedders = [];
        }),
      ),
    ).toThrow();
  });

  it('leaves the real manifest itself unchanged (the copies are deep)', () => {
    expect(() => parseManifest(manifestJson)).not.toThrow();
  });
});
