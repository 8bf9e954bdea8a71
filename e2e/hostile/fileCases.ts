// Photo and video files picked in the app, each with what the person must see.
import { enrolled, sparse, type FileCase, type FileOutcome, type Recipe } from './cases';
import * as img from './images';

const others = [
  'Hans_Blix/Hans_Blix_0014.jpg',
  'Zhu_Rongji/Zhu_Rongji_0008.jpg',
  'Aaron_Sorkin/Aaron_Sorkin_0001.jpg',
  'Abdullah_Gul/Abdullah_Gul_0013.jpg',
  'Adam_Sandler/Adam_Sandler_0001.jpg',
];

// Messages, in the words the person reads.
const empty = /That file is empty/;
const notMedia = /not a photo or video Facegate can read/;
const damaged = /damaged or incomplete/;
const tooManyPixels = /too large \(over 50 megapixels\)/;
const tooSmall = /too small to show a face/;
const tooLargeFile = /too large\. Pick a photo under 25 MB/;
const unplayable = /could not be played/;

const buffer = (b: Buffer | Promise<Buffer>) => async () => ({ buffer: await b });
const text = (s: string) => buffer(Buffer.from(s, 'utf8'));
const jpegFile = { name: 'photo.jpg', mimeType: 'image/jpeg' };
const pngFile = { name: 'photo.png', mimeType: 'image/png' };
const faceA = () => img.face(enrolled.otherPhoto);
const faceJpeg = async () => img.jpeg(await faceA());

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
