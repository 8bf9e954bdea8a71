// The build the browser tests serve: `vite build --mode harness` writes dist-harness;
// FACEGATE_E2E_DIST points the tests at another build.
import { resolve } from 'node:path';
import { repoRoot } from '../../bench/lib/faces';

export const servedDir = resolve(repoRoot, process.env.FACEGATE_E2E_DIST ?? 'dist-harness');
