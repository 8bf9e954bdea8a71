/** Standard base64 with padding, as `btoa` writes it. */
// eslint-disable-next-line security/detect-unsafe-regex -- groups of exactly four: linear
export const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `btoa` takes a binary string; building one in chunks keeps the call stack small. */
const chunkSize = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunkSize));
  }
  return btoa(binary);
}

/** @throws SyntaxError when `text` is not standard padded base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!base64Pattern.test(text)) throw new SyntaxError('not base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
