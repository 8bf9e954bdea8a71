#!/usr/bin/env node
// The one test command: type check, lint (security rules included) at zero warnings,
// format check, dependency audit, SBOM, unit tests,
// then the end-to-end tests in Debian's Chromium against a fresh harness build. Ends
// with one line adding up every runner's counts: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'facegate-test-'));
const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A check with no test count of its own (tsc, ESLint, Prettier, the build) counts as one. */
function gate(label, command, args) {
  const ok = run(label, command, args);
  tally[ok ? 'passed' : 'failed']++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

gate('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
gate('lint', bin('eslint'), ['.', '--max-warnings', '0']);
gate('format', bin('prettier'), ['--check', '.']);

// Security checks: the audit gate passes only on a clean report; when the advisory
// service cannot be asked it says so and counts as skipped, never as passed.
const audit = spawnSync('node', ['scripts/audit.mjs'], { stdio: 'inherit' });
if (audit.status === 3) {
  tally.skipped++;
  lines.push('audit: NOT DONE (the advisory service could not be reached)');
} else {
  tally[audit.status === 0 ? 'passed' : 'failed']++;
  lines.push(`audit: ${audit.status === 0 ? 'ok' : 'FAILED'}`);
}
gate('sbom', 'node', ['scripts/sbom.mjs']);

const vitestJson = join(out, 'vitest.json');
const unitOk = run('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const unit = readJson(vitestJson);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
  tally.skipped += unit.numPendingTests + unit.numTodoTests;
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
  tally.failed++;
  lines.push('unit: the runner failed before reporting');
}

if (gate('harness build', bin('vite'), ['build', '--mode', 'harness', '--logLevel', 'warn'])) {
  const e2eJson = join(out, 'playwright.json');
  const e2eOk = run('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const stats = readJson(e2eJson)?.stats;
  if (stats) {
    tally.passed += stats.expected + stats.flaky;
    tally.failed += stats.unexpected;
    tally.skipped += stats.skipped;
    lines.push(`e2e: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed`);
  }
  if (!e2eOk && (!stats || stats.unexpected === 0)) {
    tally.failed++;
    lines.push('e2e: the runner failed before reporting');
  }
} else if (!existsSync('dist-harness')) {
  lines.push('e2e: not run (the harness did not build)');
}

if (tally.skipped) lines.push(`${tally.skipped} skipped or not run`);
console.log(`\n${lines.join('\n')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
