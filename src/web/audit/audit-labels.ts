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
  'municipality.created': 'audit.actions.municipality_created',
  'municipality.updated': 'audit.actions.municipality_updated',
  'municipality.deactivated': 'audit.actions.municipality_deactivated',
  'region.created': 'audit.actions.region_created',
  'user.created': 'audit.actions.user_created',
  'user.updated': 'audit.actions.user_updated',
  'user.password_reset': 'audit.actions.user_password_reset',
  'user.locale_changed': 'audit.actions.user_locale_changed',
  'user.listed': 'audit.actions.user_listed',
  'user.read': 'audit.actions.user_read',
  'audit.viewed': 'audit.actions.audit_viewed',
  'backup.create': 'audit.actions.backup_create',
  'backup.restore': 'audit.actions.backup_restore',
  'code.created': 'audit.actions.code_created',
  'code.updated': 'audit.actions.code_updated',
  'service.created': 'audit.actions.service_created',
  'service.updated': 'audit.actions.service_updated',
  'session.created': 'audit.actions.session_created',
  'session.updated': 'audit.actions.session_updated',
  'daylog.saved': 'audit.actions.daylog_saved',
  'encounter.created': 'audit.actions.encounter_created',
  'encounter.updated': 'audit.actions.encounter_updated',
  'encounter.deleted': 'audit.actions.encounter_deleted',
  'encounter.corrected': 'audit.actions.encounter_corrected',
  'encounter.listed': 'audit.actions.encounter_listed',
  'encounter.read': 'audit.actions.encounter_read',
  'visitor_code.issued': 'audit.actions.visitor_code_issued',
  'visitor_code.read': 'audit.actions.visitor_code_read',
  'visitor_code.retired': 'audit.actions.visitor_code_retired',
  'referral.updated': 'audit.actions.referral_updated',
  'referral.follow_ups_listed': 'audit.actions.referral_follow_ups_listed',
  'referral.slip_issued': 'audit.actions.referral_slip_issued',
  'referral.slip_confirmed': 'audit.actions.referral_slip_confirmed',
  'referral.memos_purged': 'audit.actions.referral_memos_purged',
  'group_series.created': 'audit.actions.group_series_created',
  'group_series.updated': 'audit.actions.group_series_updated',
  'group_session.created': 'audit.actions.group_session_created',
  'group_session.updated': 'audit.actions.group_session_updated',
  'group_attendance.recorded': 'audit.actions.group_attendance_recorded',
  'group_attendance.read': 'audit.actions.group_attendance_read',
  'feedback_form.created': 'audit.actions.feedback_form_created',
  'feedback_form.updated': 'audit.actions.feedback_form_updated',
  'feedback.kiosk_unlocked': 'audit.actions.feedback_kiosk_unlocked',
  'feedback.kiosk_left': 'audit.actions.feedback_kiosk_left',
  'feedback.kiosk_closed': 'audit.actions.feedback_kiosk_closed',
  'feedback.kiosk_paused': 'audit.actions.feedback_kiosk_paused',
  'feedback.kiosk_resumed': 'audit.actions.feedback_kiosk_resumed',
  'feedback.link_created': 'audit.actions.feedback_link_created',
  'feedback.link_closed': 'audit.actions.feedback_link_closed',
  'feedback.link_paused': 'audit.actions.feedback_link_paused',
  'feedback.link_resumed': 'audit.actions.feedback_link_resumed',
  'feedback.paper_entered': 'audit.actions.feedback_paper_entered',
  'feedback.open_answers_read': 'audit.actions.feedback_open_answers_read',
  'pilot.created': 'audit.actions.pilot_created',
  'pilot.updated': 'audit.actions.pilot_updated',
  'pilot.phase_saved': 'audit.actions.pilot_phase_saved',
  'report.exact_viewed': 'audit.actions.report_exact_viewed',
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
  municipality: 'audit.resources.municipality',
  user: 'audit.resources.user',
  code: 'audit.resources.code',
  service: 'audit.resources.service',
  database: 'audit.resources.database',
  daylog: 'audit.resources.daylog',
  encounter: 'audit.resources.encounter',
  outreach_session: 'audit.resources.outreach_session',
  referral: 'audit.resources.referral',
  visitor_code: 'audit.resources.visitor_code',
  group_series: 'audit.resources.group_series',
  group_session: 'audit.resources.group_session',
  feedback_form: 'audit.resources.feedback_form',
  feedback_kiosk: 'audit.resources.feedback_kiosk',
  feedback_link: 'audit.resources.feedback_link',
  pilot: 'audit.resources.pilot',
  report: 'audit.resources.report',
} as const;

const isKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(map, key);

export function auditActionLabel(t: TFunction, action: string): string {
  return isKey(actionKeys, action) ? t(actionKeys[action]) : action;
}

export function resourceTypeLabel(t: TFunction, type: string): string {
  return isKey(resourceKeys, type) ? t(resourceKeys[type]) : type;
}
