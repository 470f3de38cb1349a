import { CAPTURE_STATUS_KEY } from '@/lib/messaging';
import { useStorageValue } from './useStorageValue';

/** A capture problem the background reported (low or full disk), or null. */
export function useCaptureStatus(): { state: string; message: string } | null {
  return useStorageValue<{ state: string; message: string }>(CAPTURE_STATUS_KEY) ?? null;
}
