import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareModels } from './prepare-models.mjs';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A throwaway project root with one package file and a manifest pinning it. */
async function fixture(content, pinned) {
  const root = await mkdtemp(join(tmpdir(), 'facegate-prepare-'));
  await mkdir(join(root, 'node_modules', 'pkg'), { recursive: true });
  await mkdir(join(root, 'models'));
  await writeFile(join(root, 'node_modules', 'pkg', 'weights.bin'), content);
  const manifest = {
    runtime: [{ source: 'pkg/weights.bin', path: 'models/m/weights.bin', sha256: pinned }],
    detectors: [],
    embedders: [],
  };
  await writeFile(join(root, 'models', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

describe('prepareModels', () => {
  it('copies a file whose hash matches into public/', async () => {
    const bytes = Buffer.from('model weights');
    const root = await fixture(bytes, sha256(bytes));
    expect(await prepareModels({ root })).toMatch(/1 files verified/);
    expect(await readFile(join(root, 'public', 'models', 'm', 'weights.bin'))).toEqual(bytes);
  });

  it('stops with a message naming the file when one byte differs', async () => {
    const bytes = Buffer.from('model weights');
    const root = await fixture(Buffer.from('model weighta'), sha256(bytes));
    await expect(prepareModels({ root })).rejects.toThrow(
      /models\/m\/weights\.bin: SHA-256 [0-9a-f]{64} does not match the pinned/,
    );
  });

  it('says to run npm install when the package file is missing', async () => {
    const root = await fixture(Buffer.from('x'), sha256(Buffer.from('x')));
    const manifest = JSON.parse(await readFile(join(root, 'models', 'manifest.json'), 'utf8'));
    manifest.runtime[0].source = 'pkg/absent.bin';
    await writeFile(join(root, 'models', 'manifest.json'), JSON.stringify(manifest));
    await expect(prepareModels({ root })).rejects.toThrow(/pkg\/absent\.bin: not found/);
  });

  it('pins the hash of the file it finds', async () => {
    const bytes = Buffer.from('new weights');
    const root = await fixture(bytes, '0'.repeat(64));
    await prepareModels({ root, pin: true });
    const manifest = JSON.parse(await readFile(join(root, 'models', 'manifest.json'), 'utf8'));
    expect(manifest.runtime[0].sha256).toBe(sha256(bytes));
  });

  it('the real manifest matches the installed packages', async () => {
    expect(await prepareModels()).toMatch(/verified/);
  });
});
