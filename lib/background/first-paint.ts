/**
 * The popup's first paint: today's table left in storage.local after each re-rank (lib/storage/first-paint.ts),
 * removed by any change to the store until the next re-rank leaves a new one.
 */
import { firstPaintOf } from '../storage/first-paint';
import { firstPaintItem } from '../storage/items';
import type { TrendReport } from '../rank/types';

/**
 * Whether the popup's copy of today's table may be in storage (lib/storage/first-paint.ts). Unknown when this
 * worker starts (true): the first change removes it; later batches write nothing until a re-rank
 * stores a new one. Pages remove it themselves after their bulk changes.
 */
let firstPaintKept = true;
export async function dropFirstPaint(): Promise<void> {
  if (!firstPaintKept) return;
  await firstPaintItem.removeValue();
  firstPaintKept = false;
}


/** Leaves today's table of the report just stored for the popup's first paint. */
export async function keepFirstPaint(report: TrendReport, settingsKey: string, computedAt: number): Promise<void> {
  await firstPaintItem.setValue(firstPaintOf(report, settingsKey, computedAt));
  firstPaintKept = true;
}
