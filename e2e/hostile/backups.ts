// Backup files for the hostile-input corpus. Each bad one is a good backup with one
// thing changed, sealed with the app's own code, so that it fails for that one thing:
// the spec imports the unchanged good backup last, and it must succeed.
import manifestJson from '../../models/manifest.json' with { type: 'json' };
import { sealBackup } from '../../src/store/backupCrypto';

export const backupPassphrase = 'hostile corpus passphrase';
export const runningModel = manifestJson.embedders.find(
  (e) => e.id === manifestJson.defaultEmbedder,
)!;

/** A person as a backup holds them, fields left loose so a case can break any of them. */
export type LoosePerson = Record<string, unknown>;

/** A unit vector of the running model's size, the same every run, pointing along `seed`. */
export function unitEmbedding(seed = 1, size = runningModel.embeddingSize): number[] {
  const v = Array.from({ length: size }, (_, i) => Math.sin(seed * (i + 1)));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

export function goodPerson(name = 'Backup Control'): LoosePerson {
  return {
    name,
    createdAt: '2026-01-02T03:04:05.000Z',
    modelId: runningModel.id,
    embeddings: [unitEmbedding(1), unitEmbedding(2)],
  };
}

/** The decrypted content of a backup, as JSON text (so that a case can write NaN in it). */
export function contentText(people: LoosePerson[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ exportedAt: '2026-01-02T03:04:05.000Z', people, ...extra });
}

/** A sealed backup of `plaintext` under `passphrase`, as the file's text. */
export const sealed = (plaintext: string, passphrase = backupPassphrase) =>
  sealBackup(plaintext, passphrase);

/** A good backup of `people`, with one edit made to its envelope after sealing. */
export async function editedEnvelope(
  edit: (envelope: Record<string, unknown>) => void,
  people: LoosePerson[] = [goodPerson('Envelope Case')],
): Promise<string> {
  const envelope = JSON.parse(await sealed(contentText(people))) as Record<string, unknown>;
  edit(envelope);
  return JSON.stringify(envelope);
}

/** Flips one bit in the middle of a base64 field. */
export function flipBase64Bit(value: string): string {
  const bytes = Buffer.from(value, 'base64');
  const middle = bytes.length >> 1;
  bytes[middle] = bytes[middle]! ^ 0x01;
  return bytes.toString('base64');
}
