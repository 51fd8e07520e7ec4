import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client';
import { setSessionEnd } from '../api/session-end';
import { sessionKey } from '../api/session-key';
import { forgetOfflineCopies } from '../offline/cache';

/**
 * The tablet keeps only the kiosk token (in localStorage, so a reload or a restarted browser stays
 * in kiosk mode). It is a secret of this device: it never goes into a URL.
 */
const storageKey = 'silta.kioskToken';

export function readKioskToken(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function storeKioskToken(token: string): void {
  try {
    window.localStorage.setItem(storageKey, token);
  } catch {
    // Without storage the kiosk lasts for this page only; it still works until a reload.
  }
}

export function clearKioskToken(): void {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/**
 * The server ended the staff session when the kiosk was unlocked; forget it here too, with every
 * cached answer and offline copy, so nothing a staff member saw stays in this browser.
 */
export function forgetStaffSession(queryClient: QueryClient): void {
  setSessionEnd('signed_out');
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
  void forgetOfflineCopies();
}
