import { StoreError } from './errors';
import type { TemplateRecord } from './schema';

const ivLength = 12;
const aesGcm = { name: 'AES-GCM', length: 256 } as const;

/**
 * A new template key: AES-GCM 256, non-extractable, so that script in the page can
 * encrypt and decrypt with it but can never read the key itself to send it elsewhere.
 */
export function generateTemplateKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(aesGcm, false, ['encrypt', 'decrypt']);
}

/** The embeddings, one after another, as little-endian float32 bytes. */
export function packEmbeddings(embeddings: readonly Float32Array[]): Uint8Array<ArrayBuffer> {
  const size = embeddings[0]?.length ?? 0;
  const view = new DataView(new ArrayBuffer(embeddings.length * size * 4));
  embeddings.forEach((embedding, i) => {
    embedding.forEach((value, j) => view.setFloat32((i * size + j) * 4, value, true));
  });
  return new Uint8Array(view.buffer);
}

/** Reverses `packEmbeddings`. @throws RangeError when the byte count does not fit. */
export function unpackEmbeddings(bytes: Uint8Array, count: number, size: number): Float32Array[] {
  if (bytes.byteLength !== count * size * 4) {
    throw new RangeError(`${bytes.byteLength} bytes do not hold ${count} × ${size} floats`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) =>
    Float32Array.from({ length: size }, (_, j) => view.getFloat32((i * size + j) * 4, true)),
  );
}

/**
 * The additional authenticated data of a template: who it belongs to and what it holds.
 * A ciphertext copied onto another person's record, or relabelled as another model's,
 * then fails authentication instead of letting one person pass as another.
 */
export function templateAad(
  record: Pick<TemplateRecord, 'personId' | 'modelId' | 'embeddingSize' | 'count'>,
): Uint8Array<ArrayBuffer> {
  const fields = ['facegate-template', 1, record.personId, record.modelId];
  return new TextEncoder().encode(JSON.stringify([...fields, record.embeddingSize, record.count]));
}

/** Encrypts a checked template under `key`, with a fresh random IV. */
export async function encryptTemplate(
  key: CryptoKey,
  personId: string,
  modelId: string,
  embeddings: readonly Float32Array[],
): Promise<TemplateRecord> {
  const header = {
    personId,
    modelId,
    embeddingSize: embeddings[0]?.length ?? 0,
    count: embeddings.length,
  };
  const iv = crypto.getRandomValues(new Uint8Array(ivLength));
  const plaintext = packEmbeddings(embeddings);
  const params = { name: aesGcm.name, iv, additionalData: templateAad(header) };
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(params, key, plaintext));
  plaintext.fill(0);
  return { ...header, iv, ciphertext };
}

/**
 * Decrypts a stored template.
 *
 * @throws StoreError `corrupt` when it fails authentication (altered, moved to another
 * person, or made under a key that has since been erased) or its size does not fit.
 */
export async function decryptTemplate(
  key: CryptoKey,
  record: TemplateRecord,
): Promise<Float32Array[]> {
  let plaintext: Uint8Array;
  try {
    const params = { name: aesGcm.name, iv: record.iv, additionalData: templateAad(record) };
    plaintext = new Uint8Array(await crypto.subtle.decrypt(params, key, record.ciphertext));
  } catch (error) {
    throw new StoreError('corrupt', `the template of ${record.personId} fails to decrypt`, {
      cause: error,
    });
  }
  try {
    return unpackEmbeddings(plaintext, record.count, record.embeddingSize);
  } catch (error) {
    throw new StoreError('corrupt', `the template of ${record.personId} has the wrong size`, {
      cause: error,
    });
  } finally {
    plaintext.fill(0);
  }
}
