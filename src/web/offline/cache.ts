import { isApiRequestError } from '../api/client';
import { idbClear, idbGet, idbPut } from './idb';

/**
 * Fetches and remembers the answer; when the network is down, answers from the last copy
 * (other errors are not hidden). A copy never leaves this device and is cleared on sign-out.
 */
export async function withOfflineCopy<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  try {
    const value = await fetcher();
    await idbPut('cache', value, key).catch(() => undefined);
    return value;
  } catch (error) {
    if (isApiRequestError(error) && error.code === 'network') {
      const copy = await idbGet<T>('cache', key).catch(() => undefined);
      if (copy !== undefined) return copy;
    }
    throw error;
  }
}

export function forgetOfflineCopies(): Promise<void> {
  return idbClear('cache').catch(() => undefined);
}
