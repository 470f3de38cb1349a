import { healthItem } from '@/lib/storage/items';
import type { CaptureHealth } from '@/lib/capture/health';
import { useStorageValue } from './useStorageValue';

/** Capture health per page type, live (undefined while reading). */
export function useCaptureHealth(): CaptureHealth | undefined {
  const health = useStorageValue(healthItem);
  return health === undefined ? undefined : (health ?? {});
}
