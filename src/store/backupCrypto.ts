import { fromBase64, toBase64 } from './base64';
import { pbkdf2Iterations, type BackupEnvelope } from './backupFormat';
import { StoreError } from './errors';

const saltLength = 16;
const ivLength = 12;

/** Ties the ciphertext to this format, so it cannot be passed off as anything else. */
const backupAad = new TextEncoder().encode('facegate-backup/1');

/**
 * The AES-GCM key a passphrase gives with this salt. The passphrase is NFC-normalised
 * first, so the same words typed on another system, which may compose accents
 * differently, give the same key.
 */
async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `plaintext` under `passphrase` into the text of a backup file. */
export async function sealBackup(plaintext: string, passphrase: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(saltLength));
  const iv = crypto.getRandomValues(new Uint8Array(ivLength));
  const key = await deriveKey(passphrase, salt, pbkdf2Iterations);
  const data = new TextEncoder().encode(plaintext);
  const params = { name: 'AES-GCM', iv, additionalData: backupAad };
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(params, key, data));
  data.fill(0);

  const envelope: BackupEnvelope = {
    format: 'facegate-backup',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: pbkdf2Iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
  return JSON.stringify(envelope);
}

/**
 * Decrypts a checked envelope.
 *
 * @throws StoreError `backup-passphrase` when it fails authentication. AES-GCM cannot
 * tell a wrong passphrase from a changed byte, so the message covers both.
 */
export async function openBackup(envelope: BackupEnvelope, passphrase: string): Promise<string> {
  const salt = fromBase64(envelope.kdf.salt);
  const key = await deriveKey(passphrase, salt, envelope.kdf.iterations);
  const iv = fromBase64(envelope.cipher.iv);
  let plaintext: Uint8Array;
  try {
    const params = { name: 'AES-GCM', iv, additionalData: backupAad };
    plaintext = new Uint8Array(
      await crypto.subtle.decrypt(params, key, fromBase64(envelope.ciphertext)),
    );
  } catch (error) {
    throw new StoreError('backup-passphrase', 'the backup fails to decrypt', { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch (error) {
    throw new StoreError('backup-invalid', 'the backup is not UTF-8 text', { cause: error });
  } finally {
    plaintext.fill(0);
  }
}
