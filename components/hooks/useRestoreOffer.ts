import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/schema';
import { opfsBackupStore, restoreOffer, type AutoBackupInfo } from '@/lib/db/auto-backup';

/**
 * The automatic backup to offer when the database holds fewer real posts than the newest backup says it
 * had (the browser discarded all or part of it). `realPosts` comes from the kept store figures, so the
 * check costs nothing on a full store (a count of 100,000 rows would delay the popup's first table).
 * A "Not now" hides it until the page opens again.
 */
export function useRestoreOffer(realPosts: number | undefined): [AutoBackupInfo | null, () => void] {
  const [offer, setOffer] = useState<AutoBackupInfo | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (realPosts === undefined) return setOffer(null);
    let live = true;
    void restoreOffer(getDb(), opfsBackupStore(), realPosts).then((o) => live && setOffer(o), () => undefined);
    return () => {
      live = false;
    };
  }, [realPosts]);
  return [dismissed ? null : offer, () => setDismissed(true)];
}
