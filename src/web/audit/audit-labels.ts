import type { TFunction } from 'i18next';

// Audit actions the server writes, with their translation keys (i18next keys cannot hold the dots
// of the action names). An action not listed here is shown as the server names it.
const actionKeys = {
  'auth.': 'audit.actions.auth_any',
  'auth.sign_in': 'audit.actions.auth_sign_in',
  'auth.sign_in_failed': 'audit.actions.auth_sign_in_failed',
  'auth.sign_in_throttled': 'audit.actions.auth_sign_in_throttled',
  'auth.sign_out': 'audit.actions.auth_sign_out',
  'auth.password_changed': 'audit.actions.auth_password_changed',
  'site.created': 'audit.actions.site_created',
  'site.updated': 'audit.actions.site_updated',
  'site.read': 'audit.actions.site_read',
  'unit.created': 'audit.actions.unit_created',
  'region.created': 'audit.actions.region_created',
  'user.created': 'audit.actions.user_created',
  'user.updated': 'audit.actions.user_updated',
  'user.password_reset': 'audit.actions.user_password_reset',
  'user.locale_changed': 'audit.actions.user_locale_changed',
  'user.listed': 'audit.actions.user_listed',
  'user.read': 'audit.actions.user_read',
  'audit.viewed': 'audit.actions.audit_viewed',
} as const;
type KnownAction = keyof typeof actionKeys;

/** The actions the filter offers; "auth." (a prefix the API understands) means every sign-in event. */
export const filterableActions = Object.keys(actionKeys) as KnownAction[];

const resourceKeys = {
  account: 'audit.resources.account',
  audit_log: 'audit.resources.audit_log',
  region: 'audit.resources.region',
  site: 'audit.resources.site',
  unit: 'audit.resources.unit',
  user: 'audit.resources.user',
} as const;

const isKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(map, key);

export function auditActionLabel(t: TFunction, action: string): string {
  return isKey(actionKeys, action) ? t(actionKeys[action]) : action;
}

export function resourceTypeLabel(t: TFunction, type: string): string {
  return isKey(resourceKeys, type) ? t(resourceKeys[type]) : type;
}
