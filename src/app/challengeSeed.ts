/**
 * The seed of a new liveness challenge: 32 random bits from the browser's
 * cryptographic generator, so nobody can know the order of the actions beforehand.
 *
 * Tests need a known order, to play a clip that follows it. In the harness build only
 * (`vite build --mode harness`, which the browser tests serve and which is never
 * deployed), a `challengeSeed` query parameter fixes the seed. In every other build
 * `import.meta.env.MODE` is a constant other than 'harness', so the bundler drops that
 * branch: nothing a visitor types into a production page can choose the challenge.
 */
export function challengeSeed(): number {
  if (import.meta.env.MODE === 'harness') {
    const fixed = new URLSearchParams(globalThis.location?.search ?? '').get('challengeSeed');
    if (fixed !== null && /^\d{1,10}$/.test(fixed) && Number(fixed) <= 0xffffffff) {
      return Number(fixed);
    }
  }
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
