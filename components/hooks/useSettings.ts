import { useEffect, useState } from 'react';
import { withDefaults, type Settings } from '@/lib/settings/shape';
import { settingsItem, updateSettings, watchSettings } from '@/lib/storage/settings';

/**
 * The settings, live, a function that changes some of them, and why the last change was refused (a
 * value beyond its bounds, lib/settings/rules.ts: nothing was written then). Undefined until read.
 */
export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>, string | null] {
  const [settings, setSettings] = useState<Settings>();
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then((s) => setSettings(withDefaults(s)));
    return watchSettings(setSettings);
  }, []);
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await updateSettings(patch));
      setRefused(null);
    } catch (e) {
      setRefused((e as Error).message);
    }
  };
  return [settings, update, refused];
}
