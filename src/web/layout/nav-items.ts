import type { RoleAssignment } from '../../domain/org';
import { hasRole } from '../common/labels';

export type NavItem = {
  to: string;
  labelKey:
    | 'nav.home'
    | 'nav.encounters'
    | 'nav.followUps'
    | 'nav.visitors'
    | 'nav.schedule'
    | 'nav.groups'
    | 'nav.feedback'
    | 'nav.reports'
    | 'nav.pilots'
    | 'nav.daylog'
    | 'nav.sites'
    | 'nav.users'
    | 'nav.codes'
    | 'nav.services'
    | 'nav.municipalities'
    | 'nav.audit'
    | 'nav.password';
  isEnd: boolean;
};

/** The pages a user's roles give access to, in the order they appear in the header. */
export function navItemsFor(roles: RoleAssignment[]): NavItem[] {
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home', isEnd: true }];
  if (hasRole(roles, 'professional')) {
    items.push({ to: '/encounters', labelKey: 'nav.encounters', isEnd: false });
    items.push({ to: '/follow-ups', labelKey: 'nav.followUps', isEnd: false });
  }
  if (hasRole(roles, 'professional', 'daycentre_staff')) items.push({ to: '/visitors', labelKey: 'nav.visitors', isEnd: false });
  if (hasRole(roles, 'coordinator', 'professional', 'daycentre_staff')) {
    items.push({ to: '/schedule', labelKey: 'nav.schedule', isEnd: false });
    items.push({ to: '/groups', labelKey: 'nav.groups', isEnd: false });
    items.push({ to: '/feedback', labelKey: 'nav.feedback', isEnd: false });
    items.push({ to: '/reports', labelKey: 'nav.reports', isEnd: false });
    items.push({ to: '/pilots', labelKey: 'nav.pilots', isEnd: false });
  }
  if (hasRole(roles, 'daycentre_staff')) items.push({ to: '/daylog', labelKey: 'nav.daylog', isEnd: false });
  if (hasRole(roles, 'administrator')) {
    items.push({ to: '/admin/sites', labelKey: 'nav.sites', isEnd: false });
    items.push({ to: '/admin/users', labelKey: 'nav.users', isEnd: false });
    items.push({ to: '/admin/codes', labelKey: 'nav.codes', isEnd: false });
    items.push({ to: '/admin/services', labelKey: 'nav.services', isEnd: false });
    items.push({ to: '/admin/municipalities', labelKey: 'nav.municipalities', isEnd: false });
  }
  if (hasRole(roles, 'auditor', 'administrator')) items.push({ to: '/audit', labelKey: 'nav.audit', isEnd: false });
  items.push({ to: '/account/password', labelKey: 'nav.password', isEnd: false });
  return items;
}
