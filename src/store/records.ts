import { z } from 'zod';
import { StoreError } from './errors';
import type { KeyRecord, PersonRecord, TemplateRecord } from './schema';
import { attemptKinds, attemptResults, type Attempt, type Person } from './types';
import { embeddingLimits, modelIdSchema, nameSchema } from './validate';

/*
 * What a stored record must look like when read back. Another tab, an older Facegate or
 * a hand in DevTools may have written it; one that does not fit is reported as corrupt
 * rather than passed on.
 */

const isoTime = z.iso.datetime({ offset: true });
export const bytes = (length?: number) =>
  z
    .instanceof(Uint8Array)
    .refine((b) => length === undefined || b.byteLength === length, `${length} bytes`);

const personRecordSchema = z.object({
  id: z.string().min(1),
  name: nameSchema,
  nameKey: z.string().min(1),
  createdAt: isoTime,
  modelId: modelIdSchema,
  embeddingCount: z.number().int().min(1).max(embeddingLimits.maxCount),
});

const templateRecordSchema = z.object({
  personId: z.string().min(1),
  modelId: modelIdSchema,
  embeddingSize: z.number().int().min(embeddingLimits.minSize).max(embeddingLimits.maxSize),
  count: z.number().int().min(1).max(embeddingLimits.maxCount),
  iv: bytes(12),
  ciphertext: bytes(),
});

/** Cosine similarities lie in [-1, 1]; anything else is a caller's bug. */
export const similaritySchema = z.number().min(-1).max(1).nullable();

export const attemptRecordSchema = z.object({
  id: z.number().int().positive(),
  time: isoTime,
  personId: z.string().min(1).nullable(),
  kind: z.enum(attemptKinds),
  result: z.enum(attemptResults),
  similarity: similaritySchema,
});

const keyRecordSchema = z.object({
  id: z.string(),
  keyId: z.string().min(1),
  key: z
    .instanceof(CryptoKey)
    .refine((k) => k.algorithm.name === 'AES-GCM' && k.usages.includes('decrypt'), 'AES-GCM'),
  createdAt: isoTime,
});

function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('corrupt', `${what}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function parsePersonRecord(value: unknown): PersonRecord {
  return parseStored(personRecordSchema, value, 'a stored person');
}

/** The public view of a person, without the fields only the store needs. */
export function toPerson(record: PersonRecord): Person {
  const { id, name, createdAt, modelId, embeddingCount } = record;
  return { id, name, createdAt, modelId, embeddingCount };
}

export function parseTemplateRecord(value: unknown): TemplateRecord {
  return parseStored(templateRecordSchema, value, 'a stored template') as TemplateRecord;
}

export function parseAttemptRecord(value: unknown): Attempt {
  return parseStored(attemptRecordSchema, value, 'a stored attempt');
}

export function parseKeyRecord(value: unknown): KeyRecord {
  return parseStored(keyRecordSchema, value, 'the stored template key');
}
