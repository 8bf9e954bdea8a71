// Where the real faces for tests and benchmarks live: outside the repository, one
// configurable path (FACEGATE_FACES), by default ../shared/faces beside the checkout.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function facesDir(): string {
  return resolve(process.env.FACEGATE_FACES ?? join(repoRoot, '..', 'shared', 'faces'));
}

/** The LFW development set, or an error that says where it was looked for. */
export function lfwDevDir(): string {
  const dir = join(facesDir(), 'lfw-dev');
  if (!existsSync(join(dir, 'pairsDevTest.txt'))) {
    throw new Error(
      `The real-face set was not found at ${dir}. Set FACEGATE_FACES to the folder that ` +
        'holds lfw-dev/ (default: ../shared/faces beside the checkout).',
    );
  }
  return dir;
}
