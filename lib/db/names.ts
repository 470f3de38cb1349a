/**
 * The names table: each name's first mention over the whole history, so "new this week" means never
 * seen before, not only "not in the last 37 days". The background fills it (lib/background/names.ts);
 * an import or a deletion starts it over. No analyser here: the pages' first chunks import this.
 */
import type { MetaRow, NameRow, RadarDB } from './schema';

const WATERMARK = 'names';

/** Posts indexed up to this lastSeenAt (0: none yet). */
export async function namesIndexedTo(db: RadarDB): Promise<number> {
  return ((await db.meta.get(WATERMARK)) as MetaRow | undefined)?.value ?? 0;
}

/** Records first mentions (keeping the earlier of two) and how far the index reached, in one transaction. */
export async function recordNames(db: RadarDB, found: NameRow[], indexedTo: number): Promise<void> {
  await db.transaction('rw', db.names, db.meta, async () => {
    const known = await db.names.bulkGet(found.map((n) => n.key));
    await db.names.bulkPut(found.filter((n, i) => !known[i] || n.firstSeen < known[i]!.firstSeen));
    await db.meta.put({ key: WATERMARK, value: indexedTo });
  });
}

/** First mentions of the given names, where the table has them. */
export async function firstSeenOf(db: RadarDB, keys: string[]): Promise<Record<string, number>> {
  const rows = await db.names.bulkGet(keys);
  return Object.fromEntries(rows.filter((r): r is NameRow => !!r).map((r) => [r.key, r.firstSeen]));
}

/** Starts the index over (after an import or a deletion: older posts may have arrived or gone). */
export async function resetNames(db: RadarDB): Promise<void> {
  await db.transaction('rw', db.names, db.meta, async () => {
    await db.names.clear();
    await db.meta.delete(WATERMARK);
  });
}
