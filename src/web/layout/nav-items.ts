import type { Abilities } from '../../domain/policy';
import { may, mayAny } from '../auth/abilities';

export type NavItem = {
  to: string;
  labelKey:
    | 'nav.home'
    | 'nav.encounters'
    | 'nav.followUps'
    | 'nav.clients'
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
    | 'nav.invitations'
    | 'nav.audit'
    | 'nav.password'
    | 'structural.title';
  isEnd: boolean;
};

/**
 * The pages the user's abilities give access to, in the order they appear in the header. Each page is
 * listed under the action its API asks for (the route's `config.access`), so the link shows exactly
 * when the server would answer.
 */
export function navItemsFor(abilities: Abilities): NavItem[] {
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home', isEnd: true }];
  if (may(abilities, 'encounter.create')) items.push({ to: '/encounters', labelKey: 'nav.encounters', isEnd: false });
  if (may(abilities, 'referral.read')) items.push({ to: '/follow-ups', labelKey: 'nav.followUps', isEnd: false });
  // Client work: the list answers those with clients of their own or on a care team (GET /api/clients).
  if (may(abilities, 'client.list')) items.push({ to: '/clients', labelKey: 'nav.clients', isEnd: false });
  if (mayAny(abilities, ['visitor_code.read', 'visitor_code.issue'])) items.push({ to: '/visitors', labelKey: 'nav.visitors', isEnd: false });
  if (may(abilities, 'session.manage')) items.push({ to: '/schedule', labelKey: 'nav.schedule', isEnd: false });
  if (may(abilities, 'group.manage')) items.push({ to: '/groups', labelKey: 'nav.groups', isEnd: false });
  if (may(abilities, 'feedback.collect')) items.push({ to: '/feedback', labelKey: 'nav.feedback', isEnd: false });
  if (may(abilities, 'report.read')) items.push({ to: '/reports', labelKey: 'nav.reports', isEnd: false });
  if (may(abilities, 'pilot.read')) items.push({ to: '/pilots', labelKey: 'nav.pilots', isEnd: false });
  if (may(abilities, 'observation.read')) items.push({ to: '/structural', labelKey: 'structural.title', isEnd: false });
  if (may(abilities, 'daylog.write')) items.push({ to: '/daylog', labelKey: 'nav.daylog', isEnd: false });
  if (may(abilities, 'site.update')) items.push({ to: '/admin/sites', labelKey: 'nav.sites', isEnd: false });
  if (may(abilities, 'user.list')) items.push({ to: '/admin/users', labelKey: 'nav.users', isEnd: false });
  if (may(abilities, 'code.manage')) items.push({ to: '/admin/codes', labelKey: 'nav.codes', isEnd: false });
  if (may(abilities, 'service.manage')) items.push({ to: '/admin/services', labelKey: 'nav.services', isEnd: false });
  if (may(abilities, 'municipality.manage')) items.push({ to: '/admin/municipalities', labelKey: 'nav.municipalities', isEnd: false });
  if (mayAny(abilities, ['client.list', 'external_member.invite'])) items.push({ to: '/invitations', labelKey: 'nav.invitations', isEnd: false });
  if (may(abilities, 'audit.read')) items.push({ to: '/audit', labelKey: 'nav.audit', isEnd: false });
  items.push({ to: '/account/password', labelKey: 'nav.password', isEnd: false });
  return items;
}
