#!/usr/bin/env node
// Writes the software bill of materials (CycloneDX, from `npm sbom`) to
// sbom/facegate.cdx.json, and fails when it misses a package that package-lock.json pins.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const out = 'sbom/facegate.cdx.json';

const run = spawnSync(
  npm,
  ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--package-lock-only'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (run.status !== 0) {
  console.error(`npm sbom failed: ${run.stderr.trim() || `exit ${run.status}`}`);
  process.exit(1);
}
const bom = JSON.parse(run.stdout);
if (bom.bomFormat !== 'CycloneDX' || !Array.isArray(bom.components)) {
  console.error('npm sbom did not print a CycloneDX document');
  process.exit(1);
}

// Every package the lockfile pins must be listed, at its pinned version.
const listed = new Set(bom.components.map((c) => `${c.name}@${c.version}`));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const missing = Object.entries(lock.packages)
  .filter(([path]) => path.startsWith('node_modules/'))
  .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`)
  .filter((id) => !listed.has(id));
if (missing.length) {
  console.error(
    `The SBOM lacks ${missing.length} pinned packages: ${missing.slice(0, 10).join(', ')}`,
  );
  process.exit(1);
}

mkdirSync('sbom', { recursive: true });
writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
console.log(`SBOM: ${bom.components.length} components (CycloneDX ${bom.specVersion}) in ${out}`);
