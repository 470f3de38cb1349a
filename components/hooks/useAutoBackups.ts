import { useCallback, useEffect, useState } from 'react';
import { listAutoBackups, opfsBackupStore, type AutoBackupInfo } from '@/lib/db/auto-backup';

/** The automatic backups (newest first) and a function to read them again. Undefined while reading. */
export function useAutoBackups(): [AutoBackupInfo[] | undefined, () => void] {
  const [list, setList] = useState<AutoBackupInfo[]>();
  const refresh = useCallback(() => void listAutoBackups(opfsBackupStore()).then(setList, () => setList([])), []);
  useEffect(refresh, [refresh]);
  return [list, refresh];
}
