import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import * as flatbuffers from 'flatbuffers';
import { addNormalizationMetadata, readMetadataNames } from './tflite-metadata.mjs';

const MODEL_DIR = fileURLToPath(
  new URL('../node_modules/@mediapipe/face_detection/', import.meta.url),
);
const MODELS = ['face_detection_short_range.tflite', 'face_detection_full_range.tflite'];

// ---- minimal flatbuffers reader -------------------------------------------
const vt = (id) => 4 + 2 * id;
const has = (bb, t, id) => bb.__offset(t, vt(id)) !== 0;
const ref = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  return o ? bb.__indirect(t + o) : 0;
};
const str = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  return o ? bb.__string(t + o) : null;
};
const u8 = (bb, t, id, dflt = 0) => {
  const o = bb.__offset(t, vt(id));
  return o ? bb.readUint8(t + o) : dflt;
};
const u32 = (bb, t, id, dflt = 0) => {
  const o = bb.__offset(t, vt(id));
  return o ? bb.readUint32(t + o) : dflt;
};
const vecLen = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  return o ? bb.__vector_len(t + o) : 0;
};
const tables = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  if (!o) return [];
  const start = bb.__vector(t + o);
  return Array.from({ length: bb.__vector_len(t + o) }, (_, i) => bb.__indirect(start + 4 * i));
};
const floats = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  if (!o) return [];
  const start = bb.__vector(t + o);
  return Array.from({ length: bb.__vector_len(t + o) }, (_, i) => bb.readFloat32(start + 4 * i));
};
const ints = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  if (!o) return [];
  const start = bb.__vector(t + o);
  return Array.from({ length: bb.__vector_len(t + o) }, (_, i) => bb.readInt32(start + 4 * i));
};
/** { start, bytes } of a ubyte vector field, or null. */
const byteVec = (bb, t, id) => {
  const o = bb.__offset(t, vt(id));
  if (!o) return null;
  const start = bb.__vector(t + o);
  const len = bb.__vector_len(t + o);
  return { start, bytes: bb.bytes().subarray(start, start + len) };
};

function openTflite(bytes) {
  const bb = new flatbuffers.ByteBuffer(bytes);
  return { bb, root: bb.readUint32(0) };
}

function describeModel(bytes) {
  const { bb, root } = openTflite(bytes);
  const subgraphs = tables(bb, root, 2);
  return {
    version: u32(bb, root, 0),
    operatorCodes: vecLen(bb, root, 1),
    subgraphs: subgraphs.length,
    description: str(bb, root, 3),
    metadataBuffer: ints(bb, root, 5),
    signatureDefs: vecLen(bb, root, 7),
    tensors: subgraphs.map((sg) =>
      tables(bb, sg, 0).map((t) => ({ name: str(bb, t, 3), shape: ints(bb, t, 0) })),
    ),
    operators: subgraphs.map((sg) => vecLen(bb, sg, 3)),
    inputs: subgraphs.map((sg) => ints(bb, sg, 1)),
    outputs: subgraphs.map((sg) => ints(bb, sg, 2)),
  };
}

function load(name) {
  return new Uint8Array(readFileSync(MODEL_DIR + name));
}

const patch = (bytes) => addNormalizationMetadata(bytes, { mean: [127.5], std: [127.5] });

// ---- tests -----------------------------------------------------------------
describe.each(MODELS)('addNormalizationMetadata(%s)', (file) => {
  const original = load(file);
  const originalCopy = original.slice();
  const patched = patch(original);
  const { bb, root } = openTflite(patched);
  const orig = openTflite(original);

  it('does not modify its input', () => {
    expect(Buffer.from(original).equals(Buffer.from(originalCopy))).toBe(true);
  });

  it('produces a TFL3 flatbuffer with a valid root offset', () => {
    expect(patched).toBeInstanceOf(Uint8Array);
    expect(patched.length).toBeGreaterThan(original.length);
    expect(root % 4).toBe(0);
    expect(root).toBeGreaterThanOrEqual(8);
    expect(root).toBeLessThan(patched.length);
    expect(bb.__has_identifier('TFL3')).toBe(true);
    const vtable = root - bb.readInt32(root);
    expect(vtable).toBeGreaterThanOrEqual(8);
    expect(vtable).toBeLessThan(patched.length);
  });

  it('lists TFLITE_METADATA in metadata', () => {
    expect(readMetadataNames(original)).not.toContain('TFLITE_METADATA');
    expect(readMetadataNames(patched)).toEqual([...readMetadataNames(original), 'TFLITE_METADATA']);
  });

  it('keeps model structure (version, operator codes, subgraphs, tensors)', () => {
    const a = describeModel(original);
    const b = describeModel(patched);
    expect(b).toEqual(a);
    expect(b.subgraphs).toBeGreaterThan(0);
    expect(b.operatorCodes).toBeGreaterThan(0);
    expect(b.outputs[0]).toHaveLength(2);
  });

  it('keeps every original buffer byte-identical and equally aligned', () => {
    const oldBuffers = tables(orig.bb, orig.root, 4);
    const newBuffers = tables(bb, root, 4);
    expect(newBuffers).toHaveLength(oldBuffers.length + 1);
    let nonEmpty = 0;
    oldBuffers.forEach((ob, i) => {
      const a = byteVec(orig.bb, ob, 0);
      const b = byteVec(bb, newBuffers[i], 0);
      expect(b === null).toBe(a === null);
      if (a && b) {
        expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
        expect(b.start % 16).toBe(a.start % 16);
        if (a.bytes.length) nonEmpty++;
      }
    });
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('embeds an M001 metadata buffer with input normalization 127.5/127.5', () => {
    const entries = tables(bb, root, 6);
    const entry = entries.find((m) => str(bb, m, 0) === 'TFLITE_METADATA');
    expect(entry).toBeDefined();
    const bufferIndex = u32(bb, entry, 1);
    const buffers = tables(bb, root, 4);
    expect(bufferIndex).toBe(buffers.length - 1);
    const data = byteVec(bb, buffers[bufferIndex], 0);
    expect(data).not.toBeNull();
    expect(data.start % 16).toBe(0);

    const mbb = new flatbuffers.ByteBuffer(data.bytes.slice());
    expect(mbb.__has_identifier('M001')).toBe(true);
    const mroot = mbb.readUint32(0);
    expect(str(mbb, mroot, 7)).toBe('1.0.0');
    const subgraphs = tables(mbb, mroot, 3);
    expect(subgraphs).toHaveLength(1);

    const model = describeModel(patched);
    const tensorName = (i) => model.tensors[0][i].name;

    const inputs = tables(mbb, subgraphs[0], 2);
    expect(inputs).toHaveLength(1);
    const input = inputs[0];
    expect(str(mbb, input, 0)).toBe(tensorName(model.inputs[0][0]));
    const units = tables(mbb, input, 4);
    expect(units).toHaveLength(1);
    expect(u8(mbb, units[0], 0)).toBe(1); // NormalizationOptions
    const norm = ref(mbb, units[0], 1);
    expect(norm).toBeGreaterThan(0);
    expect(floats(mbb, norm, 0)).toEqual([127.5]);
    expect(floats(mbb, norm, 1)).toEqual([127.5]);
    const content = ref(mbb, input, 3);
    expect(u8(mbb, content, 0)).toBe(2); // ImageProperties
    expect(u8(mbb, ref(mbb, content, 1), 0)).toBe(1); // RGB

    const outputs = tables(mbb, subgraphs[0], 3);
    expect(outputs).toHaveLength(2);
    expect(outputs.map((o) => str(mbb, o, 0))).toEqual(model.outputs[0].map((i) => tensorName(i)));
    expect(outputs.every((o) => !has(mbb, o, 4))).toBe(true);
  });

  it('uses explicit inputName / outputNames when given', () => {
    const p = addNormalizationMetadata(original, {
      mean: 127.5,
      std: 127.5,
      inputName: 'image',
      outputNames: ['regressors', 'classificators'],
    });
    const m = openTflite(p);
    const buffers = tables(m.bb, m.root, 4);
    const data = byteVec(m.bb, buffers[buffers.length - 1], 0);
    const mbb = new flatbuffers.ByteBuffer(data.bytes.slice());
    const sg = tables(mbb, mbb.readUint32(0), 3)[0];
    expect(str(mbb, tables(mbb, sg, 2)[0], 0)).toBe('image');
    expect(tables(mbb, sg, 3).map((o) => str(mbb, o, 0))).toEqual(['regressors', 'classificators']);
  });

  it('refuses to patch twice', () => {
    expect(() => patch(patched)).toThrow(/already has a "TFLITE_METADATA"/);
  });
});

describe('addNormalizationMetadata errors', () => {
  it('rejects non-TFL3 input', () => {
    const bytes = load(MODELS[0]).slice();
    bytes.set([0x58, 0x58, 0x58, 0x58], 4); // "XXXX"
    expect(() => patch(bytes)).toThrow(/not a TFLite flatbuffer.*"XXXX".*TFL3/);
    expect(() => readMetadataNames(bytes)).toThrow(/not a TFLite flatbuffer/);
    expect(() => patch(new Uint8Array([1, 2, 3]))).toThrow(/not a TFLite model/);
    expect(() => patch(new TextEncoder().encode('<!doctype html><html></html>'))).toThrow(
      /not a TFLite flatbuffer/,
    );
  });

  it('rejects missing mean/std', () => {
    expect(() => addNormalizationMetadata(load(MODELS[0]), { std: [127.5] })).toThrow(/mean/);
  });
});
