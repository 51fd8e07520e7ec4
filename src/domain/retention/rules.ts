/**
 * Retention of person-level records (issue 18 item 6): how long each kind of record is kept, and from
 * when. Pure rules shared by the server's purge (src/server/retention) and the documentation
 * (docs/PRIVACY.md § Retention). Defaults follow the statutory table in ../shared/domain.md § 6 (the
 * Client Data Act 703/2023 and its annex as published by the National Archives).
 */

/** The record types the purge reports, one per table that holds person-level data. */
export const retentionRecordTypes = [
  'clients',
  'client_care_team',
  'client_consents',
  'client_visitor_codes',
  'client_processes',
  'client_process_events',
  'client_process_deadlines',
  'invitations',
  'principal_credentials',
  'principal_sessions',
  'external_members',
] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];
export type RecordCounts = Record<RetentionRecordType, number>;

export const emptyCounts = (): RecordCounts => Object.fromEntries(retentionRecordTypes.map((t) => [t, 0])) as RecordCounts;

export function addCounts(a: RecordCounts, b: Partial<RecordCounts>): RecordCounts {
  const sum = { ...a };
  for (const t of retentionRecordTypes) sum[t] += b[t] ?? 0;
  return sum;
}

/**
 * The rules, each with the record types it covers, what its clock starts from, its default and whether a
 * deployment may change it (and how far). `statutory` rules follow the law and may only be lengthened:
 * the Act's times are minimums for the service's record. `local` rules cover what is no client document
 * (sign-in artefacts) and follow data minimisation; a deployment sets them freely.
 */
export const retentionRules = {
  /**
   * The client record: the client's basic data, care team, consents, visitor-code links, processes with
   * their events and clocks, and the client's own invitations, credentials and sessions. Silta's clients
   * are working-age adults in social rehabilitation (SHL § 17): kept 10 years after the client
   * relationship closes. Silta records no date of death, so the 2-years-after-death rule is not applied;
   * services for families with children (30 years) are not recorded in Silta.
   */
  client_record: { basis: 'statutory', startsFrom: 'relationship_closed', unit: 'years', defaultValue: 10, minimum: 10, setting: 'SILTA_RETENTION_CLIENT_YEARS' },
  /**
   * Spent sign-in artefacts of clients and external members: invitations that can no longer be
   * redeemed and revoked credentials. Kept a while for an investigation of who signed in (the audit log
   * names them by id), then deleted.
   */
  signin_spent: { basis: 'local', startsFrom: 'stopped_working', unit: 'days', defaultValue: 365, minimum: 0, setting: 'SILTA_RETENTION_SIGNIN_DAYS' },
  /** Expired sessions of clients and external members (they carry a display name): go at the next daily run. */
  principal_session_expired: { basis: 'local', startsFrom: 'expired', unit: 'days', defaultValue: 0, minimum: 0, setting: null },
  /**
   * An external member (a relative, a third-sector worker: a name) is kept while any client record names
   * them in a consent, or they can still sign in; after that, once the record is this old.
   */
  external_member: { basis: 'local', startsFrom: 'created', unit: 'years', defaultValue: 2, minimum: 1, setting: 'SILTA_RETENTION_EXTERNAL_MEMBER_YEARS' },
  /**
   * The audit log (who read or changed what, ids only). The Client Data Act's log data are kept at least
   * 12 years from their creation. The log is append-only in the database itself (its triggers refuse
   * deletes for every role), so Silta does not remove rows: the dry run counts those past their time.
   */
  audit_log: { basis: 'statutory', startsFrom: 'created', unit: 'years', defaultValue: 12, minimum: 12, setting: null },
} as const;
export type RetentionRuleKey = keyof typeof retentionRules;

/** The deployment's retention settings (config.ts reads them from the environment). */
export type RetentionSettings = { clientYears: number; signinDays: number; externalMemberYears: number };

export const defaultRetentionSettings: RetentionSettings = {
  clientYears: retentionRules.client_record.defaultValue,
  signinDays: retentionRules.signin_spent.defaultValue,
  externalMemberYears: retentionRules.external_member.defaultValue,
};

/** Why a setting is refused, or null when it may be used. */
export function retentionSettingProblem(rule: 'client_record' | 'signin_spent' | 'external_member', value: number): string | null {
  const r = retentionRules[rule];
  if (!Number.isInteger(value) || value < r.minimum) {
    return r.basis === 'statutory'
      ? `${r.setting} must be at least ${r.minimum} (${r.unit}): the law's retention time is a minimum, got ${value}`
      : `${r.setting} must be a whole number of at least ${r.minimum} (${r.unit}), got ${value}`;
  }
  return null;
}

/** The instant `years` calendar years before `now` (UTC; 29 February falls to 1 March). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

/** The cut-offs of one run: a record whose clock started before its cut-off is due. */
export type RetentionCutoffs = { clientClosedBefore: Date; signinStoppedBefore: Date; sessionExpiredBefore: Date; externalMemberCreatedBefore: Date; auditBefore: Date };

export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  return {
    clientClosedBefore: yearsBefore(now, settings.clientYears),
    signinStoppedBefore: daysBefore(now, settings.signinDays),
    sessionExpiredBefore: now,
    externalMemberCreatedBefore: yearsBefore(now, settings.externalMemberYears),
    auditBefore: yearsBefore(now, retentionRules.audit_log.defaultValue),
  };
}

/**
 * When a client relationship closed, for the rule: the latest end of the client's processes, or the
 * record's last change when that is later (a change after the end keeps the record from then). Null
 * while a process is open. A client with no process at all closed at the record's last change.
 */
export function relationshipClosedAt(client: { updatedAt: Date }, processes: { endedAt: Date | null }[]): Date | null {
  if (processes.some((p) => p.endedAt === null)) return null;
  return processes.reduce((latest, p) => (p.endedAt! > latest ? p.endedAt! : latest), client.updatedAt);
}

/** Whether a client record is due for destruction at `cutoffs`. The server's SQL says the same (queries.ts). */
export const isClientDue = (closedAt: Date | null, cutoffs: RetentionCutoffs): boolean => closedAt !== null && closedAt < cutoffs.clientClosedBefore;
