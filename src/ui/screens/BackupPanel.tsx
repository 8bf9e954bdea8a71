import { useEffect, useRef, useState } from 'react';
import { useActivityWhile } from '../../pwa/activity';
import { backupLimits, passphraseMinLength } from '../../store';
import { storeMessage } from '../useStore';
import type { Services } from './services';

/** Export an encrypted backup protected by a passphrase, or import one. */
export function BackupPanel({
  services,
  onImported,
  onMessage,
}: {
  services: Services;
  onImported: () => void;
  onMessage: (message: string) => void;
}) {
  const { store, embedder } = services;
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  // One export or import at a time: a second click while one runs would report the
  // first one's people as duplicates.
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const [saved, setSaved] = useState(false);
  // The previous link's backup, or the last one once the panel goes, is let go.
  useEffect(() => {
    if (download) return () => URL.revokeObjectURL(download);
  }, [download]);
  // A new version waits while a backup is made or read, and while its link waits to be
  // saved: a reload would lose the link.
  useActivityWhile(busy || (download !== null && !saved));

  async function exclusively(work: () => Promise<void>) {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  async function exportBackup() {
    if (passphrase.length < passphraseMinLength) {
      return onMessage(
        `The passphrase needs at least ${passphraseMinLength} characters. No backup was made.`,
      );
    }
    try {
      const text = await store.exportBackup(passphrase);
      setDownload(URL.createObjectURL(new Blob([text], { type: 'application/json' })));
      setSaved(false);
      onMessage('The backup is ready: save it with the link below. It holds no photos.');
    } catch (error) {
      onMessage(storeMessage(error));
    }
  }

  async function importBackup() {
    if (!file) return;
    if (file.size > backupLimits.maxTextLength) {
      return onMessage('That file is too large to be a Facegate backup. Nothing was imported.');
    }
    try {
      const people = await store.importBackup(await file.text(), passphrase, {
        modelId: embedder.id,
        embeddingSize: embedder.embeddingSize,
      });
      onMessage(`Imported ${people.length} ${people.length === 1 ? 'person' : 'people'}.`);
      onImported();
    } catch (error) {
      onMessage(storeMessage(error));
    }
  }

  return (
    <fieldset className="stack">
      <legend>Backup</legend>
      <label>
        Passphrase (at least {passphraseMinLength} characters){' '}
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      <button type="button" onClick={() => void exclusively(exportBackup)} disabled={busy}>
        Export an encrypted backup
      </button>
      {download && (
        <a href={download} download="facegate-backup.json" onClick={() => setSaved(true)}>
          Save facegate-backup.json
        </a>
      )}
      <label>
        Backup file to import{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <button type="button" onClick={() => void exclusively(importBackup)} disabled={!file || busy}>
        Import the backup
      </button>
    </fieldset>
  );
}
