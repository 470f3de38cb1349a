import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, settingsItem, updateSettings, watchSettings } from '@/lib/storage/settings';
import { DEFAULT_SETTINGS, SETTINGS_KEY, V1_DEFAULT_TRACKED } from '@/lib/settings/shape';
import { captures, captureSettings, excludedSet } from '@/lib/content/settings';

test('settings migrate from version 1: new fields get defaults, a user\'s choices stay', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { captureEnabled: false, tracked: ['Rag'], trackAll: false }, settings$: { v: 1 } });
  await settingsItem.migrate();
  expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, captureEnabled: false, tracked: ['Rag'] });
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { captureEnabled: true, tracked: V1_DEFAULT_TRACKED, trackAll: false }, settings$: { v: 1 } });
  await settingsItem.migrate();
  expect((await getSettings()).tracked).toContain('vectordatabase');
});

test('settings migrate from version 3: no watches, follows or quiet period; every choice stays', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, watches: undefined, follows: undefined, quietFrom: undefined, quietTo: undefined, dayEnds: '06:00', hideMemes: true }, settings$: { v: 3 } });
  await settingsItem.migrate();
  const s = await getSettings();
  expect([s.watches, s.follows, s.quietFrom, s.quietTo, s.dayEnds, s.hideMemes]).toEqual([[], [], '', '', '06:00', true]);
  expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 6 });
});

test('settings migrate from version 4: keeping communities fresh is off, every 30 minutes; every choice stays', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, refreshEnabled: undefined, refreshMinutes: undefined, tracked: ['Rag'], quietFrom: '22:00' }, settings$: { v: 4 } });
  await settingsItem.migrate();
  const s = await getSettings();
  expect([s.refreshEnabled, s.refreshMinutes, s.tracked, s.quietFrom]).toEqual([false, 30, ['Rag'], '22:00']);
  expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 6 });
});

test('settings migrate from version 5: the report in English; every choice stays', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, reportLanguage: undefined, refreshEnabled: true, hideMemes: true }, settings$: { v: 5 } });
  await settingsItem.migrate();
  const s = await getSettings();
  expect([s.reportLanguage, s.refreshEnabled, s.hideMemes]).toEqual(['en', true, true]);
  expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 6 });
});

test("the content script's light reader sees what the settings module writes, defaults included", async () => {
  fakeBrowser.reset();
  // Nothing stored yet: capture is on, nothing excluded.
  expect(captures((await captureSettings()).settings, false)).toBe(true);
  await updateSettings({ excluded: ['Funny'], captureInPrivate: false });
  const read = await captureSettings();
  expect(excludedSet(read.settings)).toEqual(new Set(['funny']));
  expect(captures(read.settings, true)).toBe(false);
  expect(captures(read.settings, false)).toBe(true);
  // Both read the same key.
  expect(Object.keys(await fakeBrowser.storage.local.get(SETTINGS_KEY))).toEqual([SETTINGS_KEY]);
});

test('watchSettings reports every change, completed with the defaults', async () => {
  fakeBrowser.reset();
  const seen: boolean[] = [];
  const stop = watchSettings((s) => seen.push(s.captureEnabled));
  await updateSettings({ captureEnabled: false });
  await updateSettings({ captureEnabled: true });
  stop();
  await updateSettings({ captureEnabled: false });
  expect(seen).toEqual([false, true]);
});
