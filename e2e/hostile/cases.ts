// What every hostile case is made of, and the recipes the case lists share.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineErrorCode } from '../../src/shared/errors';

/** The person enrolled before the corpus runs, and photos of them. */
export const enrolled = {
  name: 'Paul Wolfowitz',
  enrolPhoto: 'Paul_Wolfowitz/Paul_Wolfowitz_0004.jpg',
  otherPhoto: 'Paul_Wolfowitz/Paul_Wolfowitz_0005.jpg',
};

/** Bytes in memory, or a file on disk (for sizes the browser protocol should not carry). */
export type Bytes = { buffer: Buffer } | { path: string };
/** Makes a case's bytes; `dir` is a scratch folder for files on disk. */
export type Recipe = (dir: string) => Promise<Bytes>;

/** What the person must see after picking a photo or video file. */
export type FileOutcome =
  /** The picker refuses the file before decoding it (or when decoding fails). */
  | { refused: RegExp }
  /** The photo is decoded and analysed, and refused for what is in it. */
  | { unusable: RegExp }
  /** The video cannot be played. */
  | { unplayable: RegExp }
  /** The face is found and matches the enrolled person. */
  | { recognised: true };

export interface FileCase {
  entry: 'photo or video file';
  name: string;
  file: { name: string; mimeType: string };
  bytes: Recipe;
  expect: FileOutcome;
}

export interface BackupCase {
  entry: 'backup import';
  name: string;
  bytes: Recipe;
  passphrase?: string;
  /** The sentence the Manage screen shows. */
  expect: RegExp;
}

export type WorkerMessage =
  /** A Comlink call of `method` with these arguments, unchecked. */
  | { method: 'init' | 'analyze' | 'cancel' | 'memory'; args: unknown[] }
  /** A message posted to the worker as it is. */
  | { raw: unknown };

export interface WorkerCase {
  entry: 'worker message';
  name: string;
  /** Whether the engine has been started when the message arrives. */
  engine: 'stopped' | 'running';
  message: WorkerMessage;
  /** The error code that must come back, or `no answer` for a message with no id. */
  expect: EngineErrorCode | 'no answer';
}

/** A file of `size` bytes that starts with `head`, the rest a hole the disk does not store. */
export function sparse(name: string, head: Buffer, size: number): Recipe {
  return async (dir) => {
    const path = join(dir, name);
    const file = await open(path, 'w');
    await file.write(head, 0, head.length, 0);
    await file.truncate(size);
    await file.close();
    return { path };
  };
}
