import { ask } from '@/lib/messaging';
import { askDraftItem } from '@/lib/storage/items';
import { openSidebarFromPage } from './browser';

/** Asks the background for the items that answer a question (and keeps a follow-up's earlier items). */
export const askHistory = (question: string, keep: string[] = []) => ask('ask', { question, keep });

/** The popup's "Ask in the side panel": the question waits in storage for the panel it opens. */
export async function askInSidePanel(question: string): Promise<void> {
  // Opened first, within the click (the browser allows the side panel only then); an open panel takes
  // the draft as it arrives (onAskDraft).
  const saving = askDraftItem.setValue({ question, at: Date.now() });
  await openSidebarFromPage();
  await saving;
}

/** Calls `take` with each question the popup leaves while this page is open. */
export function onAskDraft(take: (question: string) => void): () => void {
  return askDraftItem.watch((draft) => {
    if (draft) void takeAskDraft().then((q) => q && take(q));
  });
}

/** A question the popup left (at most a minute old), taken once. */
export async function takeAskDraft(): Promise<string | null> {
  const draft = await askDraftItem.getValue();
  if (!draft) return null;
  await askDraftItem.removeValue();
  return Date.now() - draft.at < 60_000 ? draft.question : null;
}

/** Calls `arrived` when the popup leaves a question, without taking it (the Ask panel takes it). */
export function onAskDraftArrives(arrived: () => void): () => void {
  return askDraftItem.watch((draft) => draft && arrived());
}

/** Whether the popup left a question (without taking it: the Ask panel takes it). */
export async function hasAskDraft(): Promise<boolean> {
  const draft = await askDraftItem.getValue();
  return !!draft && Date.now() - draft.at < 60_000;
}
