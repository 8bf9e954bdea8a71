/**
 * Pixel dimensions read from an image's header, so that a huge image is refused before
 * the browser spends memory decoding it. null when the header cannot be read.
 */
export function imageDimensions(
  type: 'jpeg' | 'png' | 'webp',
  bytes: Uint8Array,
): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'png') return pngSize(view);
    if (type === 'webp') return webpSize(view);
    return jpegSize(view);
  } catch (error) {
    if (error instanceof RangeError) return null; // read past the end: truncated header
    throw error;
  }
}

function pngSize(v: DataView) {
  // IHDR is the first chunk: length(4) "IHDR"(4) width(4) height(4), after the 8-byte signature.
  if (v.getUint32(12) !== 0x49484452) return null;
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function webpSize(v: DataView) {
  const chunk = v.getUint32(12);
  if (chunk === 0x56503820) {
    // "VP8 ": lossy; 14-bit sizes after the frame tag and start code.
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 0x5650384c) {
    // "VP8L": lossless; 14-bit sizes minus one, packed after the signature byte.
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 0x56503858) {
    // "VP8X": extended; 24-bit canvas sizes minus one.
    const w = v.getUint8(24) | (v.getUint8(25) << 8) | (v.getUint8(26) << 16);
    const h = v.getUint8(27) | (v.getUint8(28) << 8) | (v.getUint8(29) << 16);
    return { width: w + 1, height: h + 1 };
  }
  return null;
}

function jpegSize(v: DataView) {
  // Walk the markers to the first start-of-frame (SOF0..SOF15 except DHT, JPG, DAC).
  let offset = 2;
  while (offset + 9 < v.byteLength) {
    if (v.getUint8(offset) !== 0xff) return null;
    const marker = v.getUint8(offset + 1);
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = v.getUint16(offset + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isSof) return { height: v.getUint16(offset + 5), width: v.getUint16(offset + 7) };
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan before any frame
    offset += 2 + length;
  }
  return null;
}
