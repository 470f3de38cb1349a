import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { opfsBackupStore, restoreOffer, type AutoBackupInfo } from '@/lib/db/auto-backup';

/**
 * The automatic backup to offer when the database holds no real capture while a backup with posts
 * exists (the browser discarded the database): checked whenever a page opens, and again as the store
 * changes. A "Not now" hides it until the page opens again.
 */
export function useRestoreOffer(): [AutoBackupInfo | null, () => void] {
  const realPosts = useLiveQuery(() => getDb().posts.where('sample').equals(0).count(), []);
  const [offer, setOffer] = useState<AutoBackupInfo | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (realPosts !== 0) return setOffer(null);
    let live = true;
    void restoreOffer(getDb(), opfsBackupStore()).then((o) => live && setOffer(o), () => undefined);
    return () => {
      live = false;
    };
  }, [realPosts]);
  return [dismissed ? null : offer, () => setDismissed(true)];
}
