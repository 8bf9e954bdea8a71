import { StoreError } from './errors';
import type { OperatorPinHash } from './types';

/** How long an operator PIN may be, in digits. */
export const operatorPinLength = { min: 6, max: 12 } as const;

/**
 * PBKDF2-SHA-256 iterations for a new PIN hash (OWASP's current figure for that hash).
 * A PIN has few possible values, so no count stops someone who can read the stored hash
 * from trying them all; it only slows them. What guards the kiosk is the lockout.
 */
export const operatorPinIterations = 600_000;

const saltLength = 16;
const hashLength = 32;
// eslint-disable-next-line security/detect-non-literal-regexp -- built from two constants
const pinPattern = new RegExp(`^[0-9]{${operatorPinLength.min},${operatorPinLength.max}}$`);

/** Whether `pin` can be an operator PIN: digits only, 6 to 12 of them. */
export function isOperatorPin(pin: string): boolean {
  return typeof pin === 'string' && pinPattern.test(pin);
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    // Copied so that WebCrypto gets a view over a plain ArrayBuffer, whatever it came from.
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    material,
    hashLength * 8,
  );
  return new Uint8Array(bits);
}

/**
 * A new hash of `pin` under a fresh random salt, ready to store.
 *
 * @throws StoreError `invalid-input` when `pin` is not 6 to 12 digits.
 */
export async function hashOperatorPin(pin: string): Promise<OperatorPinHash> {
  if (!isOperatorPin(pin)) {
    throw new StoreError(
      'invalid-input',
      `an operator PIN has ${operatorPinLength.min} to ${operatorPinLength.max} digits`,
    );
  }
  const salt = crypto.getRandomValues(new Uint8Array(saltLength));
  const hash = await derive(pin, salt, operatorPinIterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations: operatorPinIterations, salt, hash };
}

/** Whether `pin` is the PIN that `stored` was made from. */
export async function operatorPinMatches(pin: string, stored: OperatorPinHash): Promise<boolean> {
  // Anything that could never have been set is wrong, without spending a derivation on it.
  if (!isOperatorPin(pin)) return false;
  const hash = await derive(pin, stored.salt, stored.iterations);
  return sameBytes(hash, stored.hash);
}

/** Compares every byte whatever the first difference, so timing tells nothing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
