// Measures each embedder's self-test vector on the WASM backend and writes it into
// models/manifest.json. Run after adding or changing a model (see models/README.md):
//   npx vite build --mode harness && npx tsx scripts/pin-self-test.ts
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../bench/lib/faces';
import { openHarness } from '../bench/lib/harness';

const manifestPath = join(repoRoot, 'models', 'manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
const harness = await openHarness();
try {
  for (const entry of manifest.embedders) {
    const init = await harness.page.evaluate(
      (embedderId) =>
        window.facegate.init({ embedderId, backends: ['wasm'], skipSelfTestCheck: true }),
      entry.id,
    );
    if (init.error) throw new Error(`${entry.id}: ${init.error.message}`);
    entry.selfTest.expected = init.value!.selfTestVector.map((x) => Number(x.toPrecision(7)));
    console.log(`${entry.id}: self-test vector of ${entry.selfTest.expected.length} pinned`);
  }
} finally {
  await harness.close();
}
await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
