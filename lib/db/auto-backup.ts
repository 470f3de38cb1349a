/**
 * Automatic rolling backups. When the disk filled up, Chromium's recovery of the damaged IndexedDB store
 * replaced the database with an empty one; a copy kept outside IndexedDB survives that. The background
 * writes a JSON backup (the same format as Export backup) once a week into the extension's origin private
 * file system (OPFS: a separate store from IndexedDB, no permission needed), keeps the last few, and
 * offers to restore the newest when the database comes back empty while a backup exists. Options lists
 * them with Restore and Download; turning "Automatic backups" off stops new ones. The restore is offered
 * whenever the database holds fewer posts than the newest backup (restoreOffer).
 */
import { exportBackup, importBackup, parseBackupInSteps, type Backup, type ImportReport } from './backup';
import type { RadarDB } from './schema';

/** Where backups live: OPFS in the extension, a Map in tests. Names sort by time. */
export interface BackupStore {
  list(): Promise<{ name: string; size: number }[]>;
  write(name: string, text: string): Promise<void>;
  read(name: string): Promise<string>;
  remove(name: string): Promise<void>;
}

export const AUTO_BACKUP_DIR = 'backups';
export const AUTO_BACKUP_KEEP = 4;
export const AUTO_BACKUP_EVERY_MS = 7 * 86_400_000;
const NAME = /^backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)-(\d+)\.json$/;

export interface AutoBackupInfo {
  name: string;
  /** When it was made (UTC epoch ms), from its name. */
  at: number;
  posts: number;
  size: number;
}

export const backupName = (at: number, posts: number) => `backup-${new Date(at).toISOString().slice(0, 19).replace(/:/g, '-')}Z-${posts}.json`;

export function backupInfo(file: { name: string; size: number }): AutoBackupInfo | null {
  const m = NAME.exec(file.name);
  if (!m) return null;
  const at = Date.parse(m[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})Z/, 'T$1:$2:$3Z'));
  return Number.isNaN(at) ? null : { name: file.name, at, posts: Number(m[2]), size: file.size };
}

/** Backups, newest first. */
export async function listAutoBackups(store: BackupStore): Promise<AutoBackupInfo[]> {
  return (await store.list())
    .map(backupInfo)
    .filter((b): b is AutoBackupInfo => b != null)
    .sort((a, b) => b.at - a.at);
}

/**
 * Writes a backup when the newest is older than AUTO_BACKUP_EVERY_MS (or `force`), and keeps the last
 * AUTO_BACKUP_KEEP. An empty database is never backed up (it would push a real backup out).
 */
export async function autoBackup(db: RadarDB, store: BackupStore, now: number, force = false, kept?: Parameters<typeof exportBackup>[2]): Promise<AutoBackupInfo | null> {
  const existing = await listAutoBackups(store);
  if (!force && existing[0] && now - existing[0].at < AUTO_BACKUP_EVERY_MS) return null;
  const backup = await exportBackup(db, now, kept);
  if (!backup.posts.length) return null;
  const text = JSON.stringify(backup);
  const name = backupName(now, backup.posts.length);
  await store.write(name, text);
  for (const old of [{ name, at: now, posts: backup.posts.length, size: text.length }, ...existing].slice(AUTO_BACKUP_KEEP)) await store.remove(old.name);
  return { name, at: now, posts: backup.posts.length, size: text.length };
}

/** Restores a backup by merging it (what is stored stays; a repeat adds nothing). */
export async function restoreAutoBackup(db: RadarDB, store: BackupStore, name: string, onProgress?: (f: number) => void, withWatches?: (b: Backup) => Promise<void>): Promise<ImportReport> {
  const backup = await parseBackupInSteps(await store.read(name));
  const report = await importBackup(db, backup, onProgress);
  await withWatches?.(backup);
  return report;
}

/**
 * The backup to offer when the database holds fewer real posts than the newest backup says it had: the
 * browser discarded all or part of the store (a full disk did both). Restoring merges, so an offer never
 * costs what is stored. Retention's deletions do not count: after it removes posts, a fresh backup is
 * written (lib/background/schedule.ts). `realPosts`: the kept store figures, where the caller has them.
 */
export async function restoreOffer(db: RadarDB, store: BackupStore, realPosts?: number): Promise<AutoBackupInfo | null> {
  const newest = (await listAutoBackups(store)).find((b) => b.posts > 0);
  if (!newest) return null;
  const real = realPosts ?? (await db.posts.where('sample').equals(0).count());
  return real < newest.posts ? newest : null;
}

export async function removeAutoBackups(store: BackupStore): Promise<void> {
  for (const b of await store.list()) await store.remove(b.name);
}

/** The extension's backups in OPFS (`navigator.storage.getDirectory()`, folder "backups"). */
export function opfsBackupStore(): BackupStore {
  const dir = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(AUTO_BACKUP_DIR, { create: true });
  return {
    async list() {
      const out: { name: string; size: number }[] = [];
      const d = (await dir()) as FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
      for await (const h of d.values()) if (h.kind === 'file') out.push({ name: h.name, size: (await (h as FileSystemFileHandle).getFile()).size });
      return out;
    },
    async write(name, text) {
      const file = await (await dir()).getFileHandle(name, { create: true });
      const w = await file.createWritable();
      await w.write(text);
      await w.close();
    },
    async read(name) {
      return (await (await (await dir()).getFileHandle(name)).getFile()).text();
    },
    async remove(name) {
      await (await dir()).removeEntry(name);
    },
  };
}

/** Backups in memory, for tests. */
export function memoryBackupStore(): BackupStore & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    list: async () => [...files].map(([name, text]) => ({ name, size: text.length })),
    write: async (name, text) => void files.set(name, text),
    read: async (name) => {
      const text = files.get(name);
      if (text == null) throw new Error(`no backup ${name}`);
      return text;
    },
    remove: async (name) => void files.delete(name),
  };
}
