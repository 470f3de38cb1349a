import { captureStatusItem } from '@/lib/storage/items';
import type { CaptureStatus } from '@/lib/storage/keys';
import { useStorageValue } from './useStorageValue';

/** A capture problem the background reported (low or full disk), or null. */
export function useCaptureStatus(): CaptureStatus | null {
  return useStorageValue(captureStatusItem) ?? null;
}
