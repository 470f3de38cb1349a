import { HEALTH_KEY } from '@/lib/messaging';
import type { CaptureHealth } from '@/lib/capture/health';
import { useStorageValue } from './useStorageValue';

/** Capture health per page type, live (undefined while reading). */
export function useCaptureHealth(): CaptureHealth | undefined {
  const health = useStorageValue<CaptureHealth>(HEALTH_KEY);
  return health === undefined ? undefined : (health ?? {});
}
