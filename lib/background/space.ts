/**
 * Free disk space, as the browser estimates it for the extension. With `unlimitedStorage` the quota is
 * the free disk itself, so no quota error comes before the disk is full (and a full disk damaged the
 * database): capture pauses while what is left is under a safe margin, and resumes by itself once there
 * is room. The margin is 2 % of the quota, at most 1 GiB, and never under 500 MB: the quota shrinks with
 * the free disk, so on a nearly full disk 2 % of it was 44 kB, far too late to stop before writes failed.
 */
export const MARGIN_BYTES = 1024 ** 3;
export const MARGIN_SHARE = 0.02;
/** Free space under which capture always pauses, whatever the quota (issue 22, item 2). */
export const FREE_FLOOR_BYTES = 500 * 1024 ** 2;

export interface SpaceEstimate {
  usage: number;
  quota: number;
}

/** The browser's estimate; replaced in tests (and null where the browser gives none). */
export const space = {
  estimate: async (): Promise<SpaceEstimate | null> => {
    const e = await globalThis.navigator?.storage?.estimate?.();
    return e?.quota != null ? { usage: e.usage ?? 0, quota: e.quota } : null;
  },
};

export const safeMargin = (quota: number) => Math.max(FREE_FLOOR_BYTES, Math.min(MARGIN_BYTES, quota * MARGIN_SHARE));

/** Estimates are asked for at most this often (every batch would be wasteful). */
const RECHECK_MS = 15_000;
let last: { at: number; free: number | null } | null = null;

/** Bytes left when under the margin, else null. */
export async function lowOnSpace(now = Date.now()): Promise<{ free: number } | null> {
  if (!last || now - last.at >= RECHECK_MS || now < last.at) {
    const e = await space.estimate().catch(() => null);
    last = { at: now, free: e && e.quota - e.usage < safeMargin(e.quota) ? Math.max(0, e.quota - e.usage) : null };
  }
  return last.free == null ? null : { free: last.free };
}

/** Forgets the last estimate (tests; and after the user freed space and asks to retry). */
export function resetSpaceCheck(): void {
  last = null;
}

export function lowSpaceMessage(free: number): string {
  const mb = Math.round(free / 1024 ** 2);
  return `Free disk space is low (about ${mb.toLocaleString('en')} MB left): capture is paused so your history stays safe, and resumes by itself once there is room. Free some disk space, or keep less history (Options → Retention).`;
}
