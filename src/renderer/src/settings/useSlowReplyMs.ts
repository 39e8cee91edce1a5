import type { Settings } from '../../../core/api/types';
import { DEFAULT_SLOW_REPLY_MS } from '../review/markers';
import { useApiQuery } from '../query/api-query';

const slowReplyOf = (settings: Settings): number => settings.slow_reply_ms;

/** The Settings' slow-reply threshold (the default until read, or if it cannot be). */
export function useSlowReplyMs(): number {
  return useApiQuery('getSettings', {}, { select: slowReplyOf }).data ?? DEFAULT_SLOW_REPLY_MS;
}
