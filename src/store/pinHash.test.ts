import { describe, expect, it } from 'vitest';
import {
  hashOperatorPin,
  isOperatorPin,
  operatorPinIterations,
  operatorPinMatches,
} from './pinHash';

// Each derivation runs the full iteration count, a good part of a second on a busy machine.
const slow = { timeout: 30_000 };

describe('isOperatorPin', () => {
  it.each(['123456', '000000', '123456789012'])('accepts %s', (pin) => {
    expect(isOperatorPin(pin)).toBe(true);
  });

  it.each([
    ['too short', '12345'],
    ['too long', '1234567890123'],
    ['letters', '12345a'],
    ['spaces', '123 456'],
    ['non-ASCII digits', '١٢٣٤٥٦'],
    ['empty', ''],
  ])('refuses %s', (_, pin) => {
    expect(isOperatorPin(pin)).toBe(false);
  });
});

describe('hashOperatorPin', () => {
  it(
    'keeps no trace of the PIN, salts every hash, and verifies only the same PIN',
    slow,
    async () => {
      const first = await hashOperatorPin('246810');
      const second = await hashOperatorPin('246810');

      expect(first.algorithm).toBe('PBKDF2-SHA-256');
      expect(first.iterations).toBe(operatorPinIterations);
      expect(first.salt.byteLength).toBe(16);
      expect(first.hash.byteLength).toBe(32);
      expect(new TextDecoder().decode(first.hash)).not.toContain('246810');
      // A fresh salt each time: the same PIN never stores the same bytes twice.
      expect(Array.from(second.salt)).not.toEqual(Array.from(first.salt));
      expect(Array.from(second.hash)).not.toEqual(Array.from(first.hash));

      expect(await operatorPinMatches('246810', first)).toBe(true);
      expect(await operatorPinMatches('246810', second)).toBe(true);
      expect(await operatorPinMatches('246811', first)).toBe(false);
      expect(await operatorPinMatches('2468100', first)).toBe(false);
      expect(await operatorPinMatches('', first)).toBe(false);
    },
  );

  it('fails when a stored byte changed', slow, async () => {
    const stored = await hashOperatorPin('135790');
    const hash = new Uint8Array(stored.hash);
    hash[0] = hash[0]! ^ 1;
    expect(await operatorPinMatches('135790', { ...stored, hash })).toBe(false);
    const salt = new Uint8Array(stored.salt);
    salt[15] = salt[15]! ^ 1;
    expect(await operatorPinMatches('135790', { ...stored, salt })).toBe(false);
  });

  it('refuses to hash what is not a PIN', async () => {
    await expect(hashOperatorPin('12ab56')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
