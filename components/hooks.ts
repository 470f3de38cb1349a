/** The pages' only door to storage and browser APIs (STYLE.md rule 12). */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { storeStats, type StoreStats } from '@/lib/db/posts';
import { exportBackup, importBackup, parseBackup, type ImportReport } from '@/lib/db/backup';
import { settingsItem, updateSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

export function useStoreStats(): StoreStats | undefined {
  return useLiveQuery(() => storeStats(getDb()), []);
}

export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void settingsItem.getValue().then((s) => setSettings({ ...DEFAULT_SETTINGS, ...s }));
    return settingsItem.watch((s) => setSettings({ ...DEFAULT_SETTINGS, ...s }));
  }, []);
  return [settings, async (patch) => setSettings(await updateSettings(patch))];
}

export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadBackup(): Promise<number> {
  const backup = await exportBackup(getDb());
  const day = backup.exportedAt.slice(0, 10);
  downloadText(`reddit-trend-radar-backup-${day}.json`, JSON.stringify(backup, null, 1), 'application/json');
  return backup.posts.length;
}

/** Parses and merges a backup file; throws with a message that says what is wrong. */
export async function importBackupFile(file: File): Promise<ImportReport> {
  const backup = parseBackup(await file.text());
  return importBackup(getDb(), backup);
}
