import { useState } from 'react';

export interface Note {
  kind: 'ok' | 'error';
  text: string;
}

/** Runs a user action and keeps a line saying how it went ("Saved …" or "… failed: why"). */
export function useAction(): { note: Note | null; act: (fn: () => Promise<unknown> | unknown, done: string) => Promise<void> } {
  const [note, setNote] = useState<Note | null>(null);
  const act = async (fn: () => Promise<unknown> | unknown, done: string) => {
    try {
      await fn();
      setNote({ kind: 'ok', text: done });
    } catch (e) {
      setNote({ kind: 'error', text: `${done.replace(/\.$/, '')} failed: ${(e as Error).message}` });
    }
  };
  return { note, act };
}
