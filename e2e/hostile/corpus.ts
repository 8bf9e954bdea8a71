// The hostile-input corpus: every bad input Facegate must turn away, or handle, with the
// outcome the person (or the calling code) must get. Data only: bytes come from small
// recipes run at test time; e2e/hostile.spec.ts feeds each case through the app.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineErrorCode } from '../../src/shared/errors';
import type { FrameSpec } from '../../src/harness/rawWorker';
import {
  backupPassphrase,
  contentText,
  editedEnvelope,
  flipBase64Bit,
  goodPerson,
  runningModel,
  sealed,
  unitEmbedding,
} from './backups';
import * as img from './images';

/** The person enrolled before the corpus runs, and photos of them and of others. */
export const enrolled = {
  name: 'Paul Wolfowitz',
  enrolPhoto: 'Paul_Wolfowitz/Paul_Wolfowitz_0004.jpg',
  otherPhoto: 'Paul_Wolfowitz/Paul_Wolfowitz_0005.jpg',
};
const others = [
  'Hans_Blix/Hans_Blix_0014.jpg',
  'Zhu_Rongji/Zhu_Rongji_0008.jpg',
  'Aaron_Sorkin/Aaron_Sorkin_0001.jpg',
  'Abdullah_Gul/Abdullah_Gul_0013.jpg',
  'Adam_Sandler/Adam_Sandler_0001.jpg',
];

/** Bytes in memory, or a file on disk (for sizes the browser protocol should not carry). */
export type Bytes = { buffer: Buffer } | { path: string };
/** Makes a case's bytes; `dir` is a scratch folder for files on disk. */
export type Recipe = (dir: string) => Promise<Bytes>;

/** What the person must see after picking a photo or video file. */
export type FileOutcome =
  /** The picker refuses the file before decoding it (or when decoding fails). */
  | { refused: RegExp }
  /** The photo is decoded and analysed, and refused for what is in it. */
  | { unusable: RegExp }
  /** The video cannot be played. */
  | { unplayable: RegExp }
  /** The face is found and matches the enrolled person. */
  | { recognised: true };

export interface FileCase {
  entry: 'photo or video file';
  name: string;
  file: { name: string; mimeType: string };
  bytes: Recipe;
  expect: FileOutcome;
}

export interface BackupCase {
  entry: 'backup import';
  name: string;
  bytes: Recipe;
  passphrase?: string;
  /** The sentence the Manage screen shows. */
  expect: RegExp;
}

export type WorkerMessage =
  /** A Comlink call of `method` with these arguments, unchecked. */
  | { method: 'init' | 'analyze' | 'cancel' | 'memory'; args: unknown[] }
  /** A message posted to the worker as it is. */
  | { raw: unknown };

export interface WorkerCase {
  entry: 'worker message';
  name: string;
  /** Whether the engine has been started when the message arrives. */
  engine: 'stopped' | 'running';
  message: WorkerMessage;
  /** The error code that must come back, or `no answer` for a message with no id. */
  expect: EngineErrorCode | 'no answer';
}

export type HostileCase = FileCase | BackupCase | WorkerCase;

// Messages, in the words the person reads.
const empty = /That file is empty/;
const notMedia = /not a photo or video Facegate can read/;
const damaged = /damaged or incomplete/;
const tooManyPixels = /too large \(over 50 megapixels\)/;
const tooSmall = /too small to show a face/;
const tooLargeFile = /too large\. Pick a photo under 25 MB/;
const unplayable = /could not be played/;
const notBackup = /not a Facegate backup, or it is damaged\. Nothing was imported/;
const wrongPassphrase = /passphrase does not open this backup.*Nothing was imported/;

const buffer = (b: Buffer | Promise<Buffer>) => async () => ({ buffer: await b });
const text = (s: string) => buffer(Buffer.from(s, 'utf8'));
const jpegFile = { name: 'photo.jpg', mimeType: 'image/jpeg' };
const pngFile = { name: 'photo.png', mimeType: 'image/png' };
const faceA = () => img.face(enrolled.otherPhoto);
const faceJpeg = async () => img.jpeg(await faceA());

/** A file of `size` bytes that starts with `head`, the rest a hole the disk does not store. */
function sparse(name: string, head: Buffer, size: number): Recipe {
  return async (dir) => {
    const path = join(dir, name);
    const file = await open(path, 'w');
    await file.write(head, 0, head.length, 0);
    await file.truncate(size);
    await file.close();
    return { path };
  };
}

function photo(
  name: string,
  bytes: Recipe | (() => Promise<Buffer>),
  expect: FileOutcome,
  file = jpegFile,
): FileCase {
  const recipe: Recipe = async (dir) => {
    const made = await bytes(dir);
    return Buffer.isBuffer(made) ? { buffer: made } : made;
  };
  return { entry: 'photo or video file', name, file, bytes: recipe, expect };
}

export const fileCases: FileCase[] = [
  // Empty, wrong types behind image names.
  photo('an empty file', text(''), { refused: empty }),
  photo('text named .jpg', text('these are my notes, not a photo\n'), { refused: notMedia }),
  photo('an HTML page with a script named .jpg', text('<!doctype html><script>alert(1)</script>'), {
    refused: notMedia,
  }),
  photo(
    'a looping animated GIF',
    buffer(img.animatedGif(320, 240, 4)),
    { refused: notMedia },
    {
      name: 'face.gif',
      mimeType: 'image/gif',
    },
  ),
  photo('an animated GIF named .jpg', buffer(img.animatedGif(320, 240, 4)), { refused: notMedia }),
  photo(
    'an SVG',
    text('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><circle r="9"/></svg>'),
    { refused: notMedia },
    { name: 'face.svg', mimeType: 'image/svg+xml' },
  ),
  photo(
    'an SVG with a script, named .png',
    text(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("//x")</script></svg>',
    ),
    { refused: notMedia },
    pngFile,
  ),
  photo(
    'a BMP',
    buffer(img.bmp(320, 240, 128)),
    { refused: notMedia },
    {
      name: 'face.bmp',
      mimeType: 'image/bmp',
    },
  ),
  photo(
    'a TIFF header',
    buffer(Buffer.from('II*\0\x08\0\0\0', 'latin1')),
    { refused: notMedia },
    {
      name: 'face.tif',
      mimeType: 'image/tiff',
    },
  ),
  photo(
    'a HEIC photo',
    buffer(img.isoMedia('heic')),
    { refused: notMedia },
    {
      name: 'IMG_0001.HEIC',
      mimeType: 'image/heic',
    },
  ),
  photo(
    'an AVIF photo',
    buffer(img.isoMedia('avif')),
    { refused: notMedia },
    {
      name: 'face.avif',
      mimeType: 'image/avif',
    },
  ),
  photo('a PDF named .jpg', text('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'), { refused: notMedia }),
  photo(
    'a ZIP named .png',
    buffer(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), img.noiseBytes(200)])),
    { refused: notMedia },
    pngFile,
  ),

  // Corrupt and truncated.
  photo(
    'a JPEG start followed by junk',
    async () => Buffer.concat([(await faceJpeg()).subarray(0, 4), Buffer.alloc(4000, 7)]),
    { refused: damaged },
  ),
  photo('a JPEG cut inside its headers', async () => (await faceJpeg()).subarray(0, 20), {
    refused: damaged,
  }),
  photo(
    'a JPEG cut where its image data starts',
    async () => {
      const bytes = await faceJpeg();
      return bytes.subarray(0, img.startOfScan(bytes) + 40);
    },
    { refused: damaged },
  ),
  photo(
    'a JPEG cut in half',
    async () => {
      const bytes = await faceJpeg();
      return bytes.subarray(0, bytes.length >> 1);
    },
    { refused: damaged },
  ),
  photo(
    'a PNG cut in half',
    async () => {
      const bytes = img.png(await faceA());
      return bytes.subarray(0, bytes.length >> 1);
    },
    { refused: damaged },
    pngFile,
  ),
  photo(
    'a PNG whose image data is overwritten',
    async () => {
      const bytes = Buffer.from(img.png(await faceA()));
      bytes.fill(7, 200, 2200);
      return bytes;
    },
    { refused: damaged },
    pngFile,
  ),
  photo(
    'a PNG signature and nothing else',
    buffer(img.pngSignature),
    { refused: damaged },
    pngFile,
  ),

  // Huge: by pixels (the header is read, nothing decoded) and by bytes.
  photo('a JPEG header claiming 12000×9000', buffer(img.jpegHeaderOnly(12000, 9000)), {
    refused: tooManyPixels,
  }),
  photo(
    'a PNG header claiming 12000×9000',
    buffer(img.pngHeaderOnly(12000, 9000)),
    { refused: tooManyPixels },
    pngFile,
  ),
  photo(
    'a PNG header claiming 2³¹−1 pixels a side',
    buffer(img.pngHeaderOnly(2 ** 31 - 1, 2 ** 31 - 1)),
    { refused: tooManyPixels },
    pngFile,
  ),
  photo(
    'a WebP header claiming 12000×9000',
    buffer(img.webpHeaderOnly(12000, 9000)),
    { refused: tooManyPixels },
    { name: 'photo.webp', mimeType: 'image/webp' },
  ),
  photo(
    'a real 12000×9000 PNG, every pixel present',
    async () => img.bigGreyPng(12000, 9000, 128),
    { refused: tooManyPixels },
    pngFile,
  ),
  photo('a 30 MB JPEG', sparse('huge.jpg', img.jpegHeaderOnly(1000, 1000), 30 * 1024 * 1024), {
    refused: tooLargeFile,
  }),
  photo(
    'a 210 MB video',
    sparse('huge.mp4', img.isoMedia('isom', 0), 210 * 1024 * 1024),
    { refused: /too large\. .*a video under 200 MB/ },
    { name: 'clip.mp4', mimeType: 'video/mp4' },
  ),
  photo('a JPEG header claiming 0×0', buffer(img.jpegHeaderOnly(0, 0)), { refused: tooSmall }),
  photo(
    'a PNG one pixel high and 100000 wide',
    buffer(img.pngHeaderOnly(100000, 1)),
    { refused: tooSmall },
    pngFile,
  ),
  photo('a 48×48 photo of a face', async () => img.jpeg(img.framed(await faceA(), 48, 48, 48)), {
    refused: tooSmall,
  }),

  // Videos that are not.
  photo(
    'an MP4 header followed by junk',
    buffer(img.isoMedia('isom')),
    { unplayable },
    {
      name: 'clip.mp4',
      mimeType: 'video/mp4',
    },
  ),
  photo(
    'a WebM header followed by junk',
    buffer(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), img.noiseBytes(4000)])),
    { unplayable },
    { name: 'clip.webm', mimeType: 'video/webm' },
  ),

  // Decodable photos with no usable face.
  photo('a grey picture: no face', async () => img.jpeg(img.solid(640, 480, 128)), {
    unusable: /No face was found in this photo/,
  }),
  // The detector may see a face in noise; whatever it sees there is refused.
  photo('noise', async () => img.jpeg(img.noise(640, 480)), {
    unusable: /photo/,
  }),
  photo(
    'three people side by side',
    async () =>
      img.jpeg(img.row([await faceA(), ...(await Promise.all(others.slice(0, 2).map(img.face)))])),
    { unusable: /more than one face\. Use a photo of one person alone/ },
  ),
  photo(
    'six people in a grid',
    async () =>
      img.jpeg(img.grid([await faceA(), ...(await Promise.all(others.map(img.face)))], 3)),
    { unusable: /more than one face/ },
  ),
  photo(
    'a face cut off by the left edge',
    async () => img.jpeg(img.paste(img.solid(250, 250, 128), await faceA(), -60, 0)),
    { unusable: /cut off by the edge of this photo/ },
  ),
  photo(
    'a face cut off by the left edge, with a phantom second detection',
    async () => img.jpeg(img.paste(img.solid(250, 250, 128), await faceA(), -50, 0)),
    { unusable: /cut off by the edge of this photo/ },
  ),
  photo(
    'a face cut off by the top edge',
    async () => img.jpeg(img.paste(img.solid(250, 250, 128), await faceA(), 0, -70)),
    { unusable: /cut off by the edge of this photo/ },
  ),
  photo(
    'a small face in a large picture',
    async () => img.jpeg(img.framed(await faceA(), 300, 300, 100)),
    {
      unusable: /face in this photo is too small/,
    },
  ),
  photo(
    'a photo lying on its side, with no orientation tag',
    async () => img.jpeg(img.applyOrientation(img.framed(await faceA(), 300, 300, 300), 6)),
    { unusable: /head in this photo is tilted/ },
  ),
  photo('a very dark photo', async () => img.jpeg(img.mapLevels(await faceA(), (v) => v * 0.15)), {
    unusable: /too dark/,
  }),
  photo(
    'an overexposed photo',
    async () => img.jpeg(img.mapLevels(await faceA(), (v) => 140 + v * 0.6)),
    { unusable: /too bright/ },
  ),
  photo('a blurred photo', async () => img.jpeg(img.blur(await faceA(), 3)), {
    unusable: /blurred/,
  }),

  // Valid photos that must work: every EXIF orientation, odd names and formats, large.
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((orientation) =>
    photo(
      `EXIF orientation ${orientation}`,
      async () => img.orientedJpeg(await faceA(), orientation),
      { recognised: true },
    ),
  ),
  ...[0, 9].map((orientation) =>
    photo(
      `an out-of-range EXIF orientation (${orientation}), read as upright`,
      async () => img.withExifOrientation(await faceJpeg(), orientation),
      { recognised: true },
    ),
  ),
  photo(
    'an EXIF segment cut short',
    async () =>
      img.insertSegment(
        await faceJpeg(),
        0xe1,
        Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\x05', 'latin1'),
      ),
    { recognised: true },
  ),
  photo('a JPEG named .png', faceJpeg, { recognised: true }, pngFile),
  photo('a PNG of a face', async () => img.png(await faceA()), { recognised: true }, pngFile),
  photo(
    'a 16-bit PNG of a face',
    async () => img.png(await faceA(), { bits: 16 }),
    { recognised: true },
    pngFile,
  ),
  photo(
    'a face photo with no extension or type',
    faceJpeg,
    { recognised: true },
    {
      name: 'photo',
      mimeType: 'application/octet-stream',
    },
  ),
  photo(
    'a real 6000×4500 photo (scaled down before analysis)',
    async () => img.jpeg(img.framed(await faceA(), 6000, 4500, 3600), 80),
    { recognised: true },
  ),
];

function backup(
  name: string,
  bytes: Recipe | (() => Promise<string>),
  expect: RegExp,
  passphrase?: string,
): BackupCase {
  const recipe: Recipe = async (dir) => {
    const made = await bytes(dir);
    return typeof made === 'string' ? { buffer: Buffer.from(made, 'utf8') } : made;
  };
  return { entry: 'backup import', name, bytes: recipe, expect, ...(passphrase && { passphrase }) };
}

const person = (change: Record<string, unknown>) => ({ ...goodPerson('Backup Case'), ...change });
const sealedPeople = (people: Record<string, unknown>[]) => () => sealed(contentText(people));
/** A person whose first embedding starts with 0.5, for a case to overwrite as text. */
const marked = person({ embeddings: [[0.5, ...unitEmbedding(1).slice(1)]] });
const kdf = (e: Record<string, unknown>) => e.kdf as Record<string, unknown>;

export const backupCases: BackupCase[] = [
  backup('an empty file', async () => '', notBackup),
  backup('plain text', async () => 'my passwords, not a backup', notBackup),
  backup(
    'JSON cut off',
    async () => '{"format": "facegate-backup", "version": 1, "kdf": {',
    notBackup,
  ),
  backup('a JSON array', async () => '[1, 2, 3]', notBackup),
  backup('JSON null', async () => 'null', notBackup),
  backup(
    'JSON nested 100,000 deep',
    async () => '['.repeat(100_000) + ']'.repeat(100_000),
    notBackup,
  ),
  backup('another format', () => editedEnvelope((e) => (e.format = 'other-backup')), notBackup),
  backup('a later version', () => editedEnvelope((e) => (e.version = 2)), notBackup),
  backup('an extra envelope field', () => editedEnvelope((e) => (e.comment = 'hi')), notBackup),
  backup(
    'a __proto__ key',
    async () =>
      (await editedEnvelope(() => undefined)).replace('{', '{"__proto__":{"admin":true},'),
    notBackup,
  ),
  backup(
    '1,000 key-derivation iterations',
    () => editedEnvelope((e) => (kdf(e).iterations = 1000)),
    notBackup,
  ),
  backup(
    'a billion key-derivation iterations',
    () => editedEnvelope((e) => (kdf(e).iterations = 1e9)),
    notBackup,
  ),
  backup(
    'iterations written as text',
    () => editedEnvelope((e) => (kdf(e).iterations = String(kdf(e).iterations))),
    notBackup,
  ),
  backup('an 8-byte salt', () => editedEnvelope((e) => (kdf(e).salt = 'AAAAAAAAAAA=')), notBackup),
  backup(
    'a ciphertext that is not base64',
    () => editedEnvelope((e) => (e.ciphertext = '!!!!')),
    notBackup,
  ),
  backup(
    'one bit of the ciphertext flipped',
    () => editedEnvelope((e) => (e.ciphertext = flipBase64Bit(e.ciphertext as string))),
    wrongPassphrase,
  ),
  backup(
    'the wrong passphrase',
    sealedPeople([goodPerson('Wrong Passphrase')]),
    wrongPassphrase,
    'not the passphrase',
  ),
  backup(
    'NaN in an embedding',
    async () => sealed(contentText([marked]).replace('[[0.5,', '[[NaN,')),
    notBackup,
  ),
  backup(
    'an infinite number (1e999) in an embedding',
    async () => sealed(contentText([marked]).replace('[[0.5,', '[[1e999,')),
    notBackup,
  ),
  backup(
    'a number beyond float32 (1e39)',
    sealedPeople([person({ embeddings: [[1e39, ...unitEmbedding(1).slice(1)]] })]),
    notBackup,
  ),
  backup(
    `embeddings of ${runningModel.embeddingSize - 1} values`,
    sealedPeople([person({ embeddings: [unitEmbedding(1, runningModel.embeddingSize - 1)] })]),
    notBackup,
  ),
  backup(
    'embeddings of different lengths',
    sealedPeople([person({ embeddings: [unitEmbedding(1), unitEmbedding(2, 64)] })]),
    notBackup,
  ),
  backup(
    '51 embeddings',
    sealedPeople([
      person({ embeddings: Array.from({ length: 51 }, (_, i) => unitEmbedding(i + 1)) }),
    ]),
    notBackup,
  ),
  backup(
    'another model’s templates',
    sealedPeople([person({ modelId: 'facenet-512', embeddings: [unitEmbedding(1, 512)] })]),
    /made with a different face model.*Nothing was imported/,
  ),
  backup(
    'an all-zero embedding',
    sealedPeople([person({ embeddings: [Array(runningModel.embeddingSize).fill(0)] })]),
    notBackup,
  ),
  backup(
    'embeddings that cancel out',
    sealedPeople([person({ embeddings: [unitEmbedding(3), unitEmbedding(3).map((x) => -x)] })]),
    notBackup,
  ),
  backup(
    'a name with a right-to-left override',
    sealedPeople([person({ name: 'Ana\u202e' })]),
    notBackup,
  ),
  backup(
    'one name twice',
    sealedPeople([goodPerson('Twice'), { ...goodPerson('twice'), embeddings: [unitEmbedding(5)] }]),
    notBackup,
  ),
  backup(
    'a date that is not a date',
    sealedPeople([person({ createdAt: 'yesterday' })]),
    notBackup,
  ),
  backup('content that is a list', async () => sealed('[]'), notBackup),
  backup(
    'someone already enrolled here',
    sealedPeople([goodPerson(enrolled.name)]),
    // eslint-disable-next-line security/detect-non-literal-regexp -- a test fixture's name
    new RegExp(`"${enrolled.name}" is already enrolled here\\. Nothing was saved`),
  ),
  backup(
    'a 21 MB file',
    sparse('huge-backup.json', Buffer.from('{"format":"facegate-backup"'), 21 * 1024 * 1024),
    /too large to be a Facegate backup\. Nothing was imported/,
  ),
];

/** The good backup every bad one was made from: imported last, it must succeed. */
export const controlBackup = {
  bytes: async () => Buffer.from(await sealed(contentText([goodPerson()])), 'utf8'),
  passphrase: backupPassphrase,
  expect: /Imported 1 person/,
};

const grey: FrameSpec = { $frame: 'grey' };
const call = (method: 'init' | 'analyze' | 'cancel' | 'memory', ...args: unknown[]) => ({
  method,
  args,
});
const raw = (message: unknown) => ({ raw: message });
let rawId = 0;
/** A Comlink-shaped message with its own id, so the answer can be told apart. */
const comlink = (message: Record<string, unknown>) => ({ id: `hostile-${++rawId}`, ...message });
const plain = (value: unknown) => ({ type: 'RAW', value });

function worker(
  name: string,
  message: WorkerMessage,
  expect: WorkerCase['expect'],
  engine: WorkerCase['engine'] = 'running',
): WorkerCase {
  return { entry: 'worker message', name, engine, message, expect };
}

export const workerCases: WorkerCase[] = [
  worker(
    'analyze before the engine started',
    call('analyze', 'r1', grey, {}),
    'not-ready',
    'stopped',
  ),
  worker('memory before the engine started', call('memory'), 'not-ready', 'stopped'),
  worker('init with an unknown backend', call('init', { backends: ['cuda'] }), 'invalid-request'),
  worker('init with no backends', call('init', { backends: [] }), 'invalid-request'),
  worker('init with an unknown range', call('init', { detectorRange: 'far' }), 'invalid-request'),
  worker('init with a NaN score', call('init', { minDetectionScore: NaN }), 'invalid-request'),
  worker(
    'init with an infinite score',
    call('init', { minDetectionScore: Infinity }),
    'invalid-request',
  ),
  worker('init with an unknown option', call('init', { unknownOption: true }), 'invalid-request'),
  worker('init with a string', call('init', 'not an object'), 'invalid-request'),
  worker('init with null', call('init', null), 'invalid-request'),
  worker(
    'init with an unknown model',
    call('init', { embedderId: 'no-such-model' }),
    'invalid-request',
  ),
  worker('analyze with an empty request id', call('analyze', '', grey, {}), 'invalid-request'),
  worker(
    'analyze with a 65-character id',
    call('analyze', 'x'.repeat(65), grey, {}),
    'invalid-request',
  ),
  worker('analyze with a numeric id', call('analyze', 42, grey, {}), 'invalid-request'),
  worker(
    'analyze with a plain object for a frame',
    call('analyze', 'r2', { width: 640, height: 480 }, {}),
    'invalid-request',
  ),
  worker('analyze with no frame', call('analyze', 'r3', null, {}), 'invalid-request'),
  worker(
    'analyze with an unknown embed choice',
    call('analyze', 'r4', grey, { embed: 'everyone' }),
    'invalid-request',
  ),
  worker(
    'analyze with an unknown option',
    call('analyze', 'r5', grey, { debug: true }),
    'invalid-request',
  ),
  worker('cancel with an object for an id', call('cancel', { id: 'r1' }), 'invalid-request'),
  worker('a bare string', raw('garbage'), 'no answer'),
  worker('an object with no id', raw({ type: 'APPLY', path: ['init'] }), 'no answer'),
  worker('reading a method', raw(comlink({ type: 'GET', path: ['init'] })), 'invalid-request'),
  worker(
    'replacing analyze',
    raw(comlink({ type: 'SET', path: ['analyze'], value: plain(5) })),
    'invalid-request',
  ),
  worker(
    'polluting Object.prototype',
    raw(comlink({ type: 'SET', path: ['__proto__', 'embed'], value: plain('none') })),
    'invalid-request',
  ),
  worker(
    'constructing a method',
    raw(comlink({ type: 'CONSTRUCT', path: ['init'], argumentList: [] })),
    'invalid-request',
  ),
  worker('asking for a new endpoint', raw(comlink({ type: 'ENDPOINT' })), 'invalid-request'),
  worker(
    'calling the constructor',
    raw(comlink({ type: 'APPLY', path: ['constructor'], argumentList: [] })),
    'invalid-request',
  ),
  worker(
    'arguments that are not a list',
    raw(comlink({ type: 'APPLY', path: ['memory'], argumentList: 5 })),
    'invalid-request',
  ),
  worker(
    'a proxy for an argument',
    raw(
      comlink({
        type: 'APPLY',
        path: ['init'],
        argumentList: [{ type: 'HANDLER', name: 'proxy', value: null }],
      }),
    ),
    'invalid-request',
  ),
];

export const corpus: HostileCase[] = [...fileCases, ...backupCases, ...workerCases];
