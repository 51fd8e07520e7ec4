import { and } from './conditions.js';
import type { Rule } from './rule.js';

/** Phase 1's actions: the region, sites and users, outreach work, groups, feedback, the report and pilots. */
export const outreachRules = {
  'region.read': { roles: 'any', scope: 'site' },
  'site.list': { roles: 'any', scope: 'site' },
  'site.read': { roles: 'any', scope: 'site' },
  'site.create': { roles: ['administrator'], scope: 'region' },
  'site.update': { roles: ['administrator'], scope: 'region' },
  'unit.list': { roles: 'any', scope: 'site' },
  'unit.create': { roles: ['administrator'], scope: 'region' },
  'user.list': { roles: ['administrator'], scope: 'region' },
  'user.read': { roles: ['administrator'], scope: 'region' },
  'user.create': { roles: ['administrator'], scope: 'region' },
  'user.update': { roles: ['administrator'], scope: 'region' },
  'user.reset_password': { roles: ['administrator'], scope: 'region' },
  'audit.read': { roles: ['auditor', 'administrator'], scope: 'region' },
  // Outreach work (issue 3). Person-level reads are the encounter, visitor-code and referral reads.
  'code.list': { roles: 'any', scope: 'site' },
  'code.manage': { roles: ['administrator'], scope: 'region' },
  'service.list': { roles: 'any', scope: 'site' },
  'service.manage': { roles: ['administrator'], scope: 'region' },
  'session.list': { roles: 'any', scope: 'site' },
  // The staff directory of a site (id, name, profession) for choosing session and encounter colleagues.
  'colleague.list': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'session.manage': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'encounter.create': { roles: ['professional'], scope: 'site' },
  'encounter.read': { roles: ['professional'], scope: 'site' },
  // Only the professionals listed on an encounter edit it, at any time (a professional of the site
  // who was not there reads it but does not change it).
  'encounter.update': { roles: ['professional'], scope: 'site', only: (actor) => ({ kind: 'listed_professional', userId: actor.userId }) },
  // Deleting is for a mistaken entry caught the same day, by the one who made it; later it is part of
  // the day's figures and of others' follow-up, so it is corrected by editing (or a coordinator's removal).
  'encounter.delete': {
    roles: ['professional'],
    scope: 'site',
    only: (actor, time) => and({ kind: 'created_by', userId: actor.userId }, { kind: 'created_on', day: time.today }),
  },
  // A coordinator corrects or removes an encounter after the day, always with a written reason; listing
  // a day's entries to find the one to correct is a person-level read and is audited.
  'encounter.correct': { roles: ['coordinator'], scope: 'site' },
  'encounter.aggregate': { roles: ['coordinator', 'daycentre_staff', 'professional'], scope: 'site' },
  'visitor_code.issue': { roles: ['professional', 'daycentre_staff'], scope: 'site' },
  'visitor_code.read': { roles: ['professional'], scope: 'site' },
  'visitor_code.retire': { roles: ['professional', 'daycentre_staff', 'administrator'], scope: 'site' },
  'referral.read': { roles: ['professional'], scope: 'site' },
  'referral.update': { roles: ['professional'], scope: 'site' },
  // The follow-up memo of a referral (free text about a person, purged 30 days after closing): the
  // site's professionals only, wherever else the referral is shown (an encounter, the follow-up list).
  'referral.read_memo': { roles: ['professional'], scope: 'site' },
  'daylog.read': { roles: ['daycentre_staff', 'coordinator', 'professional'], scope: 'site' },
  'daylog.write': { roles: ['daycentre_staff'], scope: 'site' },
  // Groups and feedback (issue 4). Person-level reads: a group session's roster of visitor codes, and
  // open feedback answers (free text may name someone). Everything else shown is counts.
  'group.list': { roles: 'any', scope: 'site' },
  'group.manage': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'group.statistics': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'group_attendance.read': { roles: ['professional', 'daycentre_staff'], scope: 'site' },
  'group_attendance.record': { roles: ['professional', 'daycentre_staff'], scope: 'site' },
  'feedback_form.list': { roles: 'any', scope: 'site' },
  'feedback_form.manage': { roles: ['coordinator'], scope: 'region' },
  // Unlocking a kiosk, making QR links, typing in paper forms.
  'feedback.collect': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'feedback.results': { roles: ['coordinator', 'professional', 'daycentre_staff'], scope: 'site' },
  'feedback.open_answers': { roles: ['coordinator'], scope: 'site' },
  // Quota alarms of every link and kiosk at the site; other collectors see those of their own.
  'feedback.all_alarms': { roles: ['coordinator'], scope: 'site' },
  // Evaluation (issue 5). The report shows counts with small numbers suppressed; the exact view is
  // for the people who evaluate the work, and switching to it is audited.
  // A manager (esihenkilö) compares sites and periods to decide what continues: the published report,
  // suppressed like everyone's. Assigned region-wide, it covers every site; at a site, that site. Not the
  // exact view, per-professional figures (monitoring of employees) nor open feedback answers.
  'report.read': { roles: ['coordinator', 'professional', 'daycentre_staff', 'manager'], scope: 'site' },
  'report.unsuppressed': { roles: ['coordinator'], scope: 'site' },
  // Figures per named professional are monitoring of employees (docs/PRIVACY.md): every professional's
  // only in a coordinator's exact view; a professional sees only their own row.
  'report.per_professional': { roles: ['coordinator'], scope: 'site' },
  'report.own_figures': { roles: ['professional'], scope: 'site' },
  // The manager reads pilots and their evaluation phases (and can narrow the report to a pilot): what
  // continues after a pilot is the manager's decision. Planning and evaluating stay the coordinator's.
  'pilot.read': { roles: ['coordinator', 'professional', 'daycentre_staff', 'manager'], scope: 'site' },
  'pilot.manage': { roles: ['coordinator'], scope: 'region' },
} as const satisfies Record<string, Rule>;

