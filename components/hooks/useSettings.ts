import { useEffect, useState } from 'react';
import { withDefaults, type Settings } from '@/lib/settings/shape';
import { settingsItem, updateSettings, watchSettings } from '@/lib/storage/settings';

/** The settings, live, and a function that changes some of them. Undefined until read. */
export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void settingsItem.getValue().then((s) => setSettings(withDefaults(s)));
    return watchSettings(setSettings);
  }, []);
  return [settings, async (patch) => setSettings(await updateSettings(patch))];
}
