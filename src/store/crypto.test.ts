import { describe, expect, it } from 'vitest';
import {
  decryptTemplate,
  encryptTemplate,
  generateTemplateKey,
  packEmbeddings,
  unpackEmbeddings,
} from './crypto';
import { makeEmbeddings, sharesRun } from './testSupport';

describe('packEmbeddings', () => {
  it('round-trips through unpackEmbeddings, little-endian', () => {
    const embeddings = makeEmbeddings(3, 16);
    const bytes = packEmbeddings(embeddings);
    expect(bytes.byteLength).toBe(3 * 16 * 4);
    expect(new DataView(bytes.buffer).getFloat32(4, true)).toBe(embeddings[0]![1]);
    expect(unpackEmbeddings(bytes, 3, 16)).toEqual(embeddings);
  });

  it('refuses a byte count that does not fit', () => {
    expect(() => unpackEmbeddings(new Uint8Array(10), 1, 16)).toThrow(RangeError);
  });
});

describe('template encryption', () => {
  it('makes a key that cannot be exported', async () => {
    const key = await generateTemplateKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('round-trips, with a fresh IV and a ciphertext sharing no bytes with the plain floats', async () => {
    const key = await generateTemplateKey();
    const embeddings = makeEmbeddings(4, 64);
    const a = await encryptTemplate(key, 'p1', 'm', embeddings);
    const b = await encryptTemplate(key, 'p1', 'm', embeddings);

    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
    expect(sharesRun(a.ciphertext, packEmbeddings(embeddings), 8)).toBe(false);
    expect(await decryptTemplate(key, a)).toEqual(embeddings);
  });

  it.each([
    ['personId', { personId: 'p2' }],
    ['modelId', { modelId: 'other' }],
    ['count', { count: 2, embeddingSize: 128 }],
  ])('fails as corrupt when the %s it was sealed with is changed', async (_, change) => {
    const key = await generateTemplateKey();
    const record = await encryptTemplate(key, 'p1', 'm', makeEmbeddings(4, 64));
    await expect(decryptTemplate(key, { ...record, ...change })).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('fails as corrupt under another key', async () => {
    const record = await encryptTemplate(
      await generateTemplateKey(),
      'p',
      'm',
      makeEmbeddings(1, 16),
    );
    await expect(decryptTemplate(await generateTemplateKey(), record)).rejects.toMatchObject({
      code: 'corrupt',
    });
  });
});
