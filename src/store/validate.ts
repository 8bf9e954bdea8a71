import { z } from 'zod';
import { fuseEmbeddings } from '../biometrics/fusion';
import { isUsableEmbedding } from '../biometrics/similarity';
import { StoreError } from './errors';

/** Limits on what a template may hold; a caller outside them has a bug, not a face. */
export const embeddingLimits = {
  minSize: 16,
  maxSize: 4096,
  maxCount: 50,
} as const;

export const nameMaxLength = 64;
export const passphraseMinLength = 8;

/**
 * Characters a name may not hold: control characters, line and paragraph separators,
 * the bidirectional overrides and isolates, which can make a name display as another,
 * and the zero-width space, word joiner and byte-order mark, which make two names that
 * look the same differ. Joiners (ZWJ, ZWNJ) stay allowed: several scripts and emoji
 * need them.
 */
const forbiddenInName =
  /[\p{Cc}\p{Zl}\p{Zp}\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/** Something a person can see: not a space, not a character drawn as nothing. */
const visibleCharacter = /[^\s\p{Default_Ignorable_Code_Point}]/u;

/** A person's name as stored: NFC, trimmed, 1 to 64 characters, nothing invisible. */
export const nameSchema = z
  .string()
  .transform((raw) => raw.normalize('NFC').trim())
  .refine((name) => name.length > 0, 'the name is empty')
  .refine(
    (name) => [...name].length <= nameMaxLength,
    `the name is over ${nameMaxLength} characters`,
  )
  .refine((name) => !forbiddenInName.test(name), 'the name holds a control or invisible character')
  .refine((name) => visibleCharacter.test(name), 'the name has no visible character');

/** Why `raw` cannot be a person's name, in words, or null when it can. */
export function nameProblem(raw: string): string | null {
  const parsed = nameSchema.safeParse(raw);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'the name is not valid');
}

/** An embedder's id as the manifest names it. */
export const modelIdSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((id) => !forbiddenInName.test(id), 'the model id holds a control character');

/** The name folded for comparison: "Ana" and "ANA" are the same person here. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * Checks the embeddings of one template: 1 to 50 of them, all the same length between
 * 16 and 4096, every value finite, none all zeros, and a mean direction to them.
 *
 * @throws StoreError `invalid-input` naming the first problem.
 */
export function checkEmbeddings(embeddings: readonly Float32Array[]): void {
  const problem = embeddingsProblem(embeddings);
  if (problem !== null) throw new StoreError('invalid-input', problem);
}

function embeddingsProblem(embeddings: readonly Float32Array[]): string | null {
  if (!Array.isArray(embeddings)) return 'embeddings must be an array';
  const { minSize, maxSize, maxCount } = embeddingLimits;
  if (embeddings.length < 1 || embeddings.length > maxCount) {
    return `a template holds 1 to ${maxCount} embeddings, not ${embeddings.length}`;
  }
  const size = embeddings[0]?.length ?? 0;
  if (size < minSize || size > maxSize) {
    return `an embedding has ${minSize} to ${maxSize} values, not ${size}`;
  }
  for (const [i, embedding] of embeddings.entries()) {
    if (!(embedding instanceof Float32Array)) return `embedding ${i} is not a Float32Array`;
    if (embedding.length !== size)
      return `embedding ${i} has ${embedding.length} values, not ${size}`;
    if (!embedding.every(Number.isFinite)) return `embedding ${i} holds a value that is not finite`;
    // A zero vector has no direction: it would fail every later comparison.
    if (!isUsableEmbedding(embedding)) return `embedding ${i} is all zeros`;
  }
  try {
    fuseEmbeddings(embeddings);
  } catch {
    return 'the embeddings cancel out and have no mean direction';
  }
  return null;
}

/** @throws StoreError `invalid-input` when the passphrase is shorter than 8 characters. */
export function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < passphraseMinLength) {
    throw new StoreError(
      'invalid-input',
      `a backup passphrase has at least ${passphraseMinLength} characters`,
    );
  }
}

/**
 * Parses `input` with `schema`.
 *
 * @throws StoreError `invalid-input` that says which field is wrong.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new StoreError('invalid-input', z.prettifyError(parsed.error));
  return parsed.data;
}
