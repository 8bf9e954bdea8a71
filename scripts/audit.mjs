#!/usr/bin/env node
// Dependency audit for the test command: fails on any high or critical advisory in the
// installed tree (runtime and build tools alike: both run on a developer's machine).
// Exit codes: 0 clean, 1 advisories found, 3 the advisory service could not be asked.
import { spawnSync } from 'node:child_process';
import { readAudit } from './auditReport.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
const outcome = readAudit(run.stdout ?? '');

if (outcome.kind === 'unreachable') {
  console.log(
    `The dependency audit was not done: the npm advisory service could not be reached ` +
      `(${outcome.reason}). Nothing was checked; run \`npm audit --audit-level=high\` ` +
      'where the registry answers audit requests.',
  );
  process.exit(3);
}
const { low = 0, moderate = 0, high = 0, critical = 0 } = outcome.counts;
console.log(
  `Dependency audit: ${critical} critical, ${high} high, ${moderate} moderate, ${low} low.`,
);
if (outcome.kind === 'vulnerable') {
  console.log('High or critical advisories (see `npm audit` for the fix):');
  for (const line of outcome.advisories) console.log(`  ${line}`);
  process.exit(1);
}
