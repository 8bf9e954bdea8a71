import { z } from 'zod';
import { base64Pattern } from './base64';
import { embeddingLimits, modelIdSchema, nameSchema } from './validate';

/** Limits that keep a hostile file from exhausting memory or time before it is refused. */
export const backupLimits = {
  /** Characters of backup text (all ASCII, so bytes too). */
  maxTextLength: 20 * 1024 * 1024,
  maxPeople: 10_000,
} as const;

/**
 * PBKDF2-SHA-256 iterations for new backups (OWASP's figure for that hash). An import
 * accepts up to ten times as many, so a later Facegate can raise it, and no fewer.
 */
export const pbkdf2Iterations = 310_000;

const base64Bytes = (min: number, max = min) =>
  z
    .string()
    .regex(base64Pattern, 'base64')
    .refine(
      (s) => {
        const length = (s.length / 4) * 3 - (s.match(/=+$/)?.[0].length ?? 0);
        return length >= min && length <= max;
      },
      `${min === max ? min : `${min} to ${max}`} bytes`,
    );

/** The outer JSON of a backup file: how it was encrypted, and the ciphertext. */
export const envelopeSchema = z.strictObject({
  format: z.literal('facegate-backup'),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z
      .number()
      .int()
      .min(pbkdf2Iterations)
      .max(pbkdf2Iterations * 10),
    salt: base64Bytes(16),
  }),
  cipher: z.strictObject({
    name: z.literal('AES-GCM'),
    iv: base64Bytes(12),
  }),
  // At least the 16-byte authentication tag.
  ciphertext: base64Bytes(16, backupLimits.maxTextLength),
});

export type BackupEnvelope = z.infer<typeof envelopeSchema>;

/** A value that stays finite once stored as float32 (1e39 is a finite double, not float). */
const float32 = z.number().refine((x) => Number.isFinite(Math.fround(x)), 'a finite float32');
const isoTime = z.iso.datetime({ offset: true });

/** One person in a backup, with their template in the clear. */
const backupPersonSchema = z.strictObject({
  name: nameSchema,
  createdAt: isoTime,
  modelId: modelIdSchema,
  embeddings: z
    .array(z.array(float32).min(embeddingLimits.minSize).max(embeddingLimits.maxSize))
    .min(1)
    .max(embeddingLimits.maxCount),
});

/** What the ciphertext of a backup decrypts to. */
export const backupContentSchema = z.strictObject({
  exportedAt: isoTime,
  people: z.array(backupPersonSchema).max(backupLimits.maxPeople),
});

export type BackupPerson = z.infer<typeof backupPersonSchema>;
export type BackupContent = z.infer<typeof backupContentSchema>;
