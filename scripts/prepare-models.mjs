#!/usr/bin/env node
// Copies every model and runtime file named in models/manifest.json from its npm
// package into public/, adds the TFLite metadata the detector needs, and checks each
// file's SHA-256 against the manifest. Nothing is downloaded: the files come from
// node_modules. `--pin` rewrites the hashes instead (after a deliberate package bump).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNormalizationMetadata } from './tflite-metadata.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function patchBytes(bytes, patch) {
  if (patch.kind !== 'tflite-normalization-metadata') {
    throw new Error(`unknown patch kind ${patch.kind}`);
  }
  return addNormalizationMetadata(bytes, {
    mean: [patch.mean],
    std: [patch.std],
    inputName: 'input',
    outputNames: ['regressors', 'classificators'],
  });
}

async function prepareFile(file, { root, pin }) {
  const sourcePath = join(root, 'node_modules', file.source);
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(sourcePath));
  } catch {
    throw new Error(`${file.source}: not found in node_modules; run npm install first`);
  }
  if (file.patch) {
    const sourceHash = sha256(bytes);
    if (pin) file.sourceSha256 = sourceHash;
    else if (sourceHash !== file.sourceSha256) {
      throw new Error(
        `${file.source}: SHA-256 ${sourceHash} does not match the pinned ${file.sourceSha256}`,
      );
    }
    bytes = patchBytes(bytes, file.patch);
  }
  const hash = sha256(bytes);
  if (pin) file.sha256 = hash;
  // eslint-disable-next-line security/detect-possible-timing-attacks -- both hashes are public
  else if (hash !== file.sha256) {
    throw new Error(`${file.path}: SHA-256 ${hash} does not match the pinned ${file.sha256}`);
  }
  const target = join(root, 'public', file.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return bytes.length;
}

/**
 * Copies and checks (or with `pin`, re-pins) every file of the manifest under `root`.
 *
 * @returns a one-line summary
 * @throws Error naming the first file that is missing or does not match its hash
 */
export async function prepareModels({ root = repoRoot, pin = false } = {}) {
  const manifestPath = join(root, 'models', 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const files = [
    ...manifest.runtime,
    ...manifest.detectors.map((d) => d.file),
    ...manifest.embedders.flatMap((e) => e.files),
    ...(manifest.passiveLiveness ?? []).flatMap((e) => e.files),
  ];
  let total = 0;
  for (const file of files) total += await prepareFile(file, { root, pin });
  if (pin) await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  const verb = pin ? 'pinned' : 'verified';
  return `models: ${files.length} files ${verb} (${(total / 1e6).toFixed(1)} MB)`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepareModels({ pin: process.argv.includes('--pin') }).then(
    (summary) => console.log(summary),
    (error) => {
      console.error(`prepare-models: ${error.message}`);
      process.exit(1);
    },
  );
}
