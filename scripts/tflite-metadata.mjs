// Adds TFLite metadata (input NormalizationOptions) to a .tflite model so that
// @mediapipe/tasks-vision accepts float32-input models such as the BlazeFace
// detectors shipped in @mediapipe/face_detection.
//
// Approach: the original model bytes are kept verbatim (byte for byte) at the
// END of the new file; in front of them a new root `Model` table is written,
// together with new `buffers` / `metadata` vectors whose elements point
// forward into the untouched old tables, plus one new `Buffer` that holds the
// metadata flatbuffer and one new `Metadata` entry ("TFLITE_METADATA").
// The prefix length is a multiple of 16, so every old object keeps its
// alignment (TFLite buffer data is 16-byte aligned).
//
// Pure functions, no I/O.

import * as flatbuffers from 'flatbuffers';

const TFLITE_IDENTIFIER = 'TFL3';
const METADATA_IDENTIFIER = 'M001';
const METADATA_NAME = 'TFLITE_METADATA';
const ALIGN = 16;

// tflite::Model field ids.
const MODEL = {
  version: 0,
  operator_codes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadata_buffer: 5,
  metadata: 6,
  signature_defs: 7,
};
const MODEL_NUM_FIELDS = 8;

// tflite_support metadata_schema.fbs constants.
const PROCESS_UNIT_OPTIONS_NORMALIZATION = 1;
const CONTENT_PROPERTIES_IMAGE = 2;
const COLOR_SPACE_RGB = 1;

/** vtable byte offset of field `id`. */
const vt = (id) => 4 + 2 * id;

function toUint8Array(modelBytes) {
  if (modelBytes instanceof Uint8Array) return modelBytes;
  if (modelBytes instanceof ArrayBuffer) return new Uint8Array(modelBytes);
  if (ArrayBuffer.isView(modelBytes)) {
    return new Uint8Array(modelBytes.buffer, modelBytes.byteOffset, modelBytes.byteLength);
  }
  throw new TypeError('tflite-metadata: model bytes must be a Uint8Array or ArrayBuffer');
}

/** Validates the TFL3 header and returns { bb, root } (root = absolute table position). */
function openModel(bytes) {
  if (bytes.length < 8) {
    throw new Error(`tflite-metadata: not a TFLite model: only ${bytes.length} bytes`);
  }
  const ident = String.fromCharCode(bytes[4], bytes[5], bytes[6], bytes[7]);
  if (ident !== TFLITE_IDENTIFIER) {
    throw new Error(
      `tflite-metadata: not a TFLite flatbuffer: file identifier at bytes 4..8 is ` +
        `${JSON.stringify(ident)}, expected "${TFLITE_IDENTIFIER}"`,
    );
  }
  const bb = new flatbuffers.ByteBuffer(bytes);
  const root = bb.readUint32(0);
  if (root < 8 || root + 4 > bytes.length) {
    throw new Error(`tflite-metadata: invalid TFLite root table offset ${root}`);
  }
  const vtable = root - bb.readInt32(root);
  if (vtable < 0 || vtable + 4 > bytes.length) {
    throw new Error('tflite-metadata: invalid TFLite root table vtable');
  }
  return { bb, root };
}

/** Absolute position of the table/vector/string referenced by field `id`, or 0. */
function fieldRef(bb, table, id) {
  const o = bb.__offset(table, vt(id));
  return o ? bb.__indirect(table + o) : 0;
}

/** Absolute positions of the tables in the vector referenced by field `id`. */
function tableVector(bb, table, id) {
  const o = bb.__offset(table, vt(id));
  if (!o) return [];
  const start = bb.__vector(table + o);
  const n = bb.__vector_len(table + o);
  const out = [];
  for (let i = 0; i < n; i++) out.push(bb.__indirect(start + 4 * i));
  return out;
}

function stringField(bb, table, id) {
  const o = bb.__offset(table, vt(id));
  return o ? bb.__string(table + o) : null;
}

function metadataEntries(bb, root) {
  return tableVector(bb, root, MODEL.metadata).map((pos) => ({
    pos,
    name: stringField(bb, pos, 0),
    buffer: bb.__offset(pos, vt(1)) ? bb.readUint32(pos + bb.__offset(pos, vt(1))) : 0,
  }));
}

/** Names of the model's `metadata` entries (e.g. ["min_runtime_version", "TFLITE_METADATA"]). */
export function readMetadataNames(modelBytes) {
  const { bb, root } = openModel(toUint8Array(modelBytes));
  return metadataEntries(bb, root).map((m) => m.name);
}

/** Input/output tensor names of subgraph 0 (used as defaults). */
function subgraphIoNames(bb, root) {
  const subgraphs = tableVector(bb, root, MODEL.subgraphs);
  if (subgraphs.length === 0) return { inputs: [], outputs: [] };
  const sg = subgraphs[0];
  const tensors = tableVector(bb, sg, 0);
  const ints = (id) => {
    const o = bb.__offset(sg, vt(id));
    if (!o) return [];
    const start = bb.__vector(sg + o);
    const n = bb.__vector_len(sg + o);
    return Array.from({ length: n }, (_, i) => bb.readInt32(start + 4 * i));
  };
  const name = (i) => (tensors[i] !== undefined ? (stringField(bb, tensors[i], 3) ?? '') : '');
  return { inputs: ints(1).map(name), outputs: ints(2).map(name) };
}

function toFloatList(v, what) {
  const arr = typeof v === 'number' ? [v] : Array.from(v ?? []);
  if (arr.length === 0 || arr.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    throw new Error(`tflite-metadata: ${what} must be a finite number or a non-empty number array`);
  }
  return arr;
}

function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

/** Builds the M001 ModelMetadata flatbuffer. */
function buildMetadata({ mean, std, inputName, outputNames }) {
  const b = new flatbuffers.Builder(1024);

  // Input tensor: NormalizationOptions + Content(ImageProperties RGB).
  const norm = (() => {
    const meanVec = floatVector(b, mean);
    const stdVec = floatVector(b, std);
    b.startObject(2); // NormalizationOptions
    b.addFieldOffset(0, meanVec, 0);
    b.addFieldOffset(1, stdVec, 0);
    return b.endObject();
  })();
  b.startObject(2); // ProcessUnit
  b.addFieldInt8(0, PROCESS_UNIT_OPTIONS_NORMALIZATION, 0);
  b.addFieldOffset(1, norm, 0);
  const processUnit = b.endObject();
  const processUnits = offsetVector(b, [processUnit]);

  b.startObject(2); // ImageProperties
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProps = b.endObject();
  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_PROPERTIES_IMAGE, 0);
  b.addFieldOffset(1, imageProps, 0);
  const content = b.endObject();

  const inName = b.createString(inputName);
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, inName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const inputMeta = b.endObject();

  const outputMetas = outputNames.map((n) => {
    const s = b.createString(n);
    b.startObject(7); // TensorMetadata
    b.addFieldOffset(0, s, 0);
    return b.endObject();
  });

  const inputs = offsetVector(b, [inputMeta]);
  const outputs = offsetVector(b, outputMetas);
  b.startObject(4); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  b.addFieldOffset(3, outputs, 0);
  const subgraph = b.endObject();
  const subgraphs = offsetVector(b, [subgraph]);

  const modelName = b.createString('model');
  const minParser = b.createString('1.0.0');
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, modelName, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParser, 0);
  const root = b.endObject();
  b.finish(root, METADATA_IDENTIFIER);
  return b.asUint8Array().slice();
}

/**
 * Returns a new TFLite model = `modelBytes` + a TFLITE_METADATA entry carrying
 * input NormalizationOptions (mean/std), an RGB image Content for the input,
 * and names for the outputs.
 *
 * @param {Uint8Array} modelBytes
 * @param {{mean: number|number[], std: number|number[], inputName?: string, outputNames?: string[]}} opts
 *   inputName / outputNames default to subgraph 0's tensor names.
 * @returns {Uint8Array}
 */
export function addNormalizationMetadata(modelBytes, { mean, std, inputName, outputNames } = {}) {
  const old = toUint8Array(modelBytes);
  const { bb, root } = openModel(old);

  // Refuse Model fields this code does not know how to re-point.
  const vtable = root - bb.readInt32(root);
  const vtableSize = bb.readUint16(vtable);
  for (let id = MODEL_NUM_FIELDS; 4 + 2 * id < vtableSize; id++) {
    if (bb.readUint16(vtable + vt(id))) {
      throw new Error(`tflite-metadata: unsupported TFLite Model field id ${id} present`);
    }
  }

  const entries = metadataEntries(bb, root);
  if (entries.some((m) => m.name === METADATA_NAME)) {
    throw new Error(`tflite-metadata: model already has a "${METADATA_NAME}" metadata entry`);
  }

  const io = subgraphIoNames(bb, root);
  const inName = inputName ?? io.inputs[0] ?? 'input';
  const outNames = outputNames ?? io.outputs;
  if (!Array.isArray(outNames) || outNames.some((n) => typeof n !== 'string')) {
    throw new Error('tflite-metadata: outputNames must be an array of strings');
  }
  const metadata = buildMetadata({
    mean: toFloatList(mean, 'mean'),
    std: toFloatList(std, 'std'),
    inputName: inName,
    outputNames: outNames,
  });

  const oldBuffers = tableVector(bb, root, MODEL.buffers);
  const newBufferIndex = oldBuffers.length;

  // Old bytes, zero-padded to a multiple of ALIGN, are placed at the very end
  // of the builder; an old absolute position x then has builder Offset (L - x).
  const L = Math.ceil(old.length / ALIGN) * ALIGN;
  const ref = (pos) => L - pos;
  const b = new flatbuffers.Builder(L + metadata.length + 4096);
  b.prep(ALIGN, L); // minalign = 16, so the finished size is a multiple of 16
  b.space -= L;
  b.bb.bytes().fill(0, b.space, b.space + L);
  b.bb.bytes().set(old, b.space);

  // New Buffer holding the metadata flatbuffer (data 16-byte aligned).
  b.startVector(1, metadata.length, ALIGN);
  for (let i = metadata.length - 1; i >= 0; i--) b.addInt8(metadata[i]);
  const dataVec = b.endVector();
  b.startObject(1);
  b.addFieldOffset(0, dataVec, 0);
  const newBuffer = b.endObject();

  // New Metadata entry.
  const nameStr = b.createString(METADATA_NAME);
  b.startObject(2);
  b.addFieldOffset(0, nameStr, 0);
  b.forceDefaults(true);
  b.addFieldInt32(1, newBufferIndex, 0);
  b.forceDefaults(false);
  const newMeta = b.endObject();

  const buffersVec = offsetVector(b, [...oldBuffers.map(ref), newBuffer]);
  const metadataVec = offsetVector(b, [...entries.map((m) => ref(m.pos)), newMeta]);

  const copyRef = (id) => {
    const pos = fieldRef(bb, root, id);
    if (pos) b.addFieldOffset(id, ref(pos), 0);
  };
  const versionOff = bb.__offset(root, vt(MODEL.version));
  const version = versionOff ? bb.readUint32(root + versionOff) : 0;

  b.startObject(MODEL_NUM_FIELDS);
  if (versionOff) {
    b.forceDefaults(true);
    b.addFieldInt32(MODEL.version, version, 0);
    b.forceDefaults(false);
  }
  copyRef(MODEL.operator_codes);
  copyRef(MODEL.subgraphs);
  copyRef(MODEL.description);
  b.addFieldOffset(MODEL.buffers, buffersVec, 0);
  copyRef(MODEL.metadata_buffer);
  b.addFieldOffset(MODEL.metadata, metadataVec, 0);
  copyRef(MODEL.signature_defs);
  const model = b.endObject();
  b.finish(model, TFLITE_IDENTIFIER);

  const out = b.asUint8Array().slice();
  const prefix = out.length - L;
  if (prefix % ALIGN !== 0) {
    throw new Error(`tflite-metadata: internal error: prefix ${prefix} not ${ALIGN}-aligned`);
  }

  // Buffer.offset (field 1, uint64) is an absolute file offset of externally
  // stored data (> 1 means valid); the old content moved by `prefix`.
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (const pos of oldBuffers) {
    const o = bb.__offset(pos, vt(1));
    if (!o) continue;
    const at = prefix + pos + o;
    const value = view.getBigUint64(at, true);
    if (value > 1n) view.setBigUint64(at, value + BigInt(prefix), true);
  }
  return out;
}
