import type { TFunction } from 'i18next';

// Audit actions the server writes in the foundation, with their translation keys (i18next keys
// cannot hold the dots the action names use). Other actions are shown as the server names them.
const actionKeys = {
  'auth.login': 'audit.actions.auth_login',
  'auth.login_failed': 'audit.actions.auth_login_failed',
  'auth.logout': 'audit.actions.auth_logout',
  'auth.password_changed': 'audit.actions.auth_password_changed',
  'site.created': 'audit.actions.site_created',
  'site.updated': 'audit.actions.site_updated',
  'unit.created': 'audit.actions.unit_created',
  'user.created': 'audit.actions.user_created',
  'user.updated': 'audit.actions.user_updated',
  'user.password_reset': 'audit.actions.user_password_reset',
} as const;
type KnownAction = keyof typeof actionKeys;
export const knownAuditActions = Object.keys(actionKeys) as KnownAction[];

const resourceKeys = {
  session: 'audit.resources.session',
  site: 'audit.resources.site',
  unit: 'audit.resources.unit',
  user: 'audit.resources.user',
  region: 'audit.resources.region',
} as const;

const isKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(map, key);

export function auditActionLabel(t: TFunction, action: string): string {
  return isKey(actionKeys, action) ? t(actionKeys[action]) : action;
}

export function resourceTypeLabel(t: TFunction, type: string): string {
  return isKey(resourceKeys, type) ? t(resourceKeys[type]) : type;
}
