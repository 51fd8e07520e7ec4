import { describe, expect, it } from 'vitest';
import type { RecordCounts } from '../../domain/retention/rules.js';
import { loadActor } from '../auth/actor-repo.js';
import { advanceProcess, createClient, grantConsent, linkVisitorCode, setCareTeam, updateClient } from '../clients/commands.js';
import { clientBody } from '../clients/test-support.js';
import { createExternalMember, issueInvitation, redeemWithPin } from '../invitations/commands.js';
import { createHarness, makeRegion, makeSite, makeUser, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import { runRetention } from './purge.js';

const PIN = '482915';
const personTables = ['clients', 'client_care_team', 'client_consents', 'client_visitor_codes', 'client_processes', 'client_process_events', 'client_process_deadlines', 'invitations', 'principal_credentials', 'principal_sessions', 'external_members'] as const;

async function snapshot(h: Harness): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of [...personTables, 'audit_log']) counts[t] = (await h.db.withRawSession((s) => s.query<{ n: number }>(`select count(*)::int as n from ${t}`)))[0]!.n;
  return counts;
}
const rowsOf = (h: Harness, sql: string, params: unknown[] = []) => h.db.withRawSession((s) => s.query<Record<string, unknown>>(sql, params));

/**
 * Three clients and two external members, made on the days the test sets:
 * - `old`: registered 2014, a full record (care team, consents, a visitor-code link, an invitation
 *   redeemed with a PIN, so a credential and a session), relationship ended 1.6.2015: due after 10 years;
 * - `recent`: ended 1.6.2020, with an invitation that expired unused in 2020 (a spent sign-in row);
 * - `open`: registered 2010, process still open; redeemed its invitation in December 2025 (the session
 *   has since expired, the credential works);
 * - member `oldOnly` is named only by `old`'s consent; member `kept` by `recent`'s.
 */
async function world(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const workerUser = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
  const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
  const actor = (await loadActor(h.deps.db.orm, workerUser.id))!;
  const ctx = { actor, requestId: null, address: 'test' };
  const on = (iso: string) => h.clock.set(new Date(iso));

  on('2010-03-01T10:00:00Z');
  const open = (await createClient(h.deps, ctx, clientBody(site.id, { name: 'Avoin Asiakas' }))).clientId;

  on('2014-01-10T10:00:00Z');
  const oldOnly = (await createExternalMember(h.deps, ctx, { regionId: region.id, displayName: 'Vanha Tukihenkilö' })).id;
  const kept = (await createExternalMember(h.deps, ctx, { regionId: region.id, displayName: 'Pysyvä Tukihenkilö' })).id;
  const old = (await createClient(h.deps, ctx, clientBody(site.id, { name: 'Vanha Asiakas' }))).clientId;
  await updateClient(h.deps, ctx, old, { ownWorkerId: actor.userId });
  await setCareTeam(h.deps, ctx, old, [nurse.id]);
  await grantConsent(h.deps, ctx, old, { purpose: 'share_plan', grantee: { kind: 'external', id: oldOnly }, validFrom: '2014-01-10' });
  const linkConsent = await grantConsent(h.deps, ctx, old, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2014-01-10' });
  await linkVisitorCode(h.deps, ctx, old, { code: await issueVisitorCode(h.deps, ctx, site.id), consentId: linkConsent });
  const oldInvite = await issueInvitation(h.deps, ctx, { principalKind: 'client', principalId: old });
  await redeemWithPin(h.deps, { requestId: null, address: 'test' }, { code: oldInvite.code, pin: PIN });
  await advanceProcess(h.deps, ctx, old, { type: 'start_assessment' });
  on('2015-06-01T10:00:00Z');
  await advanceProcess(h.deps, ctx, old, { type: 'end', end: { reason: 'other', description: 'Muutti ulkomaille.' } });

  on('2020-01-10T10:00:00Z');
  const recent = (await createClient(h.deps, ctx, clientBody(site.id, { name: 'Tuore Asiakas' }))).clientId;
  await updateClient(h.deps, ctx, recent, { ownWorkerId: actor.userId });
  await grantConsent(h.deps, ctx, recent, { purpose: 'share_plan', grantee: { kind: 'external', id: kept }, validFrom: '2020-01-10' });
  await issueInvitation(h.deps, ctx, { principalKind: 'client', principalId: recent });
  on('2020-06-01T10:00:00Z');
  await advanceProcess(h.deps, ctx, recent, { type: 'end', end: { reason: 'other', description: 'Ei enää tarvetta.' } });

  on('2025-12-01T10:00:00Z');
  await updateClient(h.deps, ctx, open, { ownWorkerId: actor.userId });
  const openInvite = await issueInvitation(h.deps, ctx, { principalKind: 'client', principalId: open });
  await redeemWithPin(h.deps, { requestId: null, address: 'test' }, { code: openInvite.code, pin: PIN });

  on('2026-01-15T09:00:00Z');
  return { old, recent, open, oldOnly, kept, names: ['Avoin Asiakas', 'Vanha Asiakas', 'Tuore Asiakas', 'Vanha Tukihenkilö', 'Pysyvä Tukihenkilö'] };
}

const expectedGone: RecordCounts = {
  clients: 1,
  client_care_team: 1, // the nurse (the team as set)
  client_consents: 2,
  client_visitor_codes: 1,
  client_processes: 1,
  client_process_events: 3, // contact, start of assessment, end
  client_process_deadlines: 2,
  invitations: 2, // old's (redeemed, with the client) and recent's (expired unused in 2020)
  principal_credentials: 1, // old's
  principal_sessions: 2, // old's, and open's expired one
  external_members: 1,
};

// The world takes many steps (three clients over sixteen years, PIN redemptions): generous time on a shared machine.
describe(`retention on ${testEngine}`, { timeout: 120_000 }, () => {
  it('lists what is due without changing anything, then deletes exactly that, audited by id; a second run finds nothing', async () => {
    const h = await createHarness();
    const w = await world(h);
    const before = await snapshot(h);

    const dry = await runRetention(h.deps, { dryRun: true });
    expect(dry.clientIds).toEqual([w.old]);
    expect(dry.externalMemberIds).toEqual([w.oldOnly]);
    expect(dry.counts).toEqual(expectedGone);
    expect(await snapshot(h)).toEqual(before);

    const run = await runRetention(h.deps, { dryRun: false });
    expect(run.clientIds).toEqual([w.old]);
    expect(run.externalMemberIds).toEqual([w.oldOnly]);
    expect(run.counts).toEqual(dry.counts);
    const after = await snapshot(h);
    for (const t of personTables) expect({ t, n: after[t] }).toEqual({ t, n: before[t]! - expectedGone[t] });

    // Nothing of the old client is left anywhere; the others are whole.
    expect(await rowsOf(h, 'select 1 from clients where id = $1', [w.old])).toEqual([]);
    expect(await rowsOf(h, "select 1 from invitations where principal_kind = 'client' and principal_id = $1", [w.old])).toEqual([]);
    expect((await rowsOf(h, 'select id from clients order by id')).map((r) => r.id)).toEqual([w.recent, w.open].sort());
    expect((await rowsOf(h, 'select id from external_members')).map((r) => r.id)).toEqual([w.kept]);
    expect(await rowsOf(h, "select 1 from principal_credentials where principal_id = $1 and revoked_at is null", [w.open])).toHaveLength(1);

    // The audit says what went, by id and count.
    const purged = await rowsOf(h, "select action, resource_type, resource_id, actor_id, details from audit_log where action like 'retention.%' order by id");
    expect(purged.map((r) => [r.action, r.resource_id])).toEqual([
      ['retention.client_purged', w.old],
      ['retention.external_member_purged', w.oldOnly],
      ['retention.principal_sessions_purged', null],
      ['retention.invitations_purged', null],
    ]);
    expect(purged[0]!.details).toMatchObject({ rule: 'client_record', keptYears: 10, deleted: { clients: 1, client_process_events: 3, client_consents: 2, invitations: 1 } });
    expect(purged[2]!.details).toMatchObject({ count: 1, principals: [`client:${w.open}`] });
    expect((purged[3]!.details as { ids: string[] }).ids).toHaveLength(1);
    expect(purged.every((r) => r.actor_id === null)).toBe(true);
    // No audit row, of the purge or of anything before it, carries a client's or member's name.
    const log = JSON.stringify(await rowsOf(h, 'select * from audit_log'));
    for (const name of w.names) expect(log).not.toContain(name);

    const again = await snapshot(h);
    const second = await runRetention(h.deps, { dryRun: false });
    expect(second.clientIds).toEqual([]);
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect(await snapshot(h)).toEqual(again);
  });

  it('keeps a record until its ten years after the end have passed, and a record changed after the end from that change', async () => {
    const h = await createHarness();
    const w = await world(h);
    h.clock.set(new Date('2020-05-31T10:00:00Z'));
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toEqual([]);
    h.clock.set(new Date('2025-06-01T09:59:59Z'));
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toEqual([]);
    h.clock.set(new Date('2025-06-01T10:00:01Z'));
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toEqual([w.old]);
    // A longer deployment setting keeps it (only longer is allowed for the statutory rule).
    h.deps.config.retention = { ...h.deps.config.retention, clientYears: 12 };
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toEqual([]);
    h.deps.config.retention = { ...h.deps.config.retention, clientYears: 10 };
    // The client record was changed in 2021 (after its end): kept 10 years from then.
    h.clock.set(new Date('2021-03-01T10:00:00Z'));
    await h.db.withRawSession((s) => s.query('update clients set updated_at = $1 where id = $2', [new Date('2021-03-01T10:00:00Z'), w.old]));
    h.clock.set(new Date('2026-01-15T09:00:00Z'));
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toEqual([]);
    h.clock.set(new Date('2031-03-02T10:00:00Z'));
    expect((await runRetention(h.deps, { dryRun: true })).clientIds).toContain(w.old);
  });

  it('leaves a client whole when its purge fails midway, goes on with the rest, and the next run completes it', async () => {
    const h = await createHarness();
    const w = await world(h);
    const before = await snapshot(h);
    const oldRecord = async () => {
      const counts: Record<string, number> = {};
      for (const [t, where] of [['clients', 'id = $1'], ['client_consents', 'client_id = $1'], ['client_care_team', 'client_id = $1'], ['client_processes', 'client_id = $1'], ['invitations', 'principal_id = $1'], ['principal_credentials', 'principal_id = $1']] as const) {
        counts[t] = (await h.db.withRawSession((s) => s.query<{ n: number }>(`select count(*)::int as n from ${t} where ${where}`, [w.old])))[0]!.n;
      }
      return counts;
    };
    const whole = await oldRecord();
    // The client row's own delete comes last: failing there must undo the deletes of its children.
    await h.db.withRawSession(async (s) => {
      await s.query(`create function refuse_client_delete() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`);
      await s.query('create trigger refuse_client_delete before delete on clients for each row execute function refuse_client_delete()');
    });
    await expect(runRetention(h.deps, { dryRun: false })).rejects.toThrow(new RegExp(`could not purge 1 record.*${w.old}`));
    expect(await oldRecord()).toEqual(whole);
    expect(await rowsOf(h, "select 1 from audit_log where action = 'retention.client_purged'")).toEqual([]);
    // The run went on: the spent invitation and the expired sessions (the old client's too: expired
    // sessions go whoever's they are) went; the member named by the client that stayed stays too.
    const middle = await snapshot(h);
    expect([middle.invitations, middle.principal_sessions, middle.external_members]).toEqual([before.invitations! - 1, 0, before.external_members]);

    await h.db.withRawSession((s) => s.query('drop trigger refuse_client_delete on clients'));
    const run = await runRetention(h.deps, { dryRun: false });
    expect(run.clientIds).toEqual([w.old]);
    expect(run.externalMemberIds).toEqual([w.oldOnly]);
    expect(run.counts).toMatchObject({ clients: 1, client_process_events: 3, external_members: 1 });
    expect(await oldRecord()).toEqual({ clients: 0, client_consents: 0, client_care_team: 0, client_processes: 0, invitations: 0, principal_credentials: 0 });
  });
});
