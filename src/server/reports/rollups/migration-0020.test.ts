// An existing deployment's rollups lack migration 0020's per-profession keys. Applied to a database with
// data and folded rollups, the migration must bring them to what a recount gives, at the next fold.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { encounterBody, issueCode, record, referralBody, setUpOutreach, type Outreach } from '../../encounters/test-support.js';
import { makeUser, signIn } from '../../testing/harness.js';
import { testEngine } from '../../testing/test-db.js';
import { rebuildReportRollups } from './rebuild.js';
import { refreshReportRollups } from './refresh.js';

const snapshot = async (o: Outreach) =>
  rowsOf<Record<string, string>>(
    await o.h.db.orm.execute(sql`
      select grain, site_id::text as owner, to_char(period_start, 'YYYY-MM-DD') as period_start, session_kind, metric, key, n::text from report_rollup
      union all
      select grain, 'region ' || region_id::text, to_char(period_start, 'YYYY-MM-DD'), session_kind, metric, key, n::text from report_rollup_region
       order by 1, 2, 3, 4, 5, 6`),
  );

/** Migration 0020's keys, as a deployment before it has none of. */
const NEW_KEYS = sql`(metric in ('pc_first', 'pc_region', 'pc_anon', 'pc_urgent', 'pc_age', 'pc_code', 'pc_ref', 'joint_m')
  or (metric = 'sess' and (key like 'hours\\_x100:%' or key = 'reception_s')))`;

describe(`migration 0020 on ${testEngine}`, () => {
  it('recounts the per-profession keys of existing rollups at the next fold', async () => {
    const o = await setUpOutreach();
    await o.travel(new Date('2026-03-20T10:00:00Z'));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const planned = await coordinator.request('POST', `/api/sites/${o.siteId}/sessions`, {
      kind: 'reception', recurrence: 'one_off', startsOn: '2026-03-17', startsAt: '09:00', endsAt: '12:30', professionals: [{ userId: o.nurse.session.user.id }],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const sessionId = planned.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
    const swId = o.socialWorker.session.user.id;
    await record(o.nurse, encounterBody(o, {
      occurredAt: '2026-03-17T08:00:00Z', sessionId, professionalIds: [swId], isAnonymousToProfessional: true, ageBand: '30_50',
      needs: ['health:blood_pressure'], referrals: [referralBody(o.services.kela!, { referredBy: swId })],
    }));
    await record(o.nurse, encounterBody(o, {
      occurredAt: '2026-03-18T08:00:00Z', visitorCode: await issueCode(o), firstWithProfessional: [{ userId: o.nurse.session.user.id, isFirst: true }],
    }));
    await refreshReportRollups(o.h.db);
    const current = await snapshot(o);

    // The state before the migration: its keys absent, everything else as folded (0020 counts the rest as 0019 did).
    await o.h.db.orm.execute(sql`delete from report_rollup where ${NEW_KEYS}`);
    await o.h.db.orm.execute(sql`delete from report_rollup_region where ${NEW_KEYS}`);
    await o.h.db.orm.execute(sql`delete from schema_migrations where version = '0020'`);
    const before = await snapshot(o);
    expect(before.length).toBeLessThan(current.length);
    expect(before.some((r) => r.metric === 'joint_m')).toBe(false);

    expect(await migrate(o.h.db)).toEqual(['0020_rollup_profession_metrics']);
    await refreshReportRollups(o.h.db);
    const after = await snapshot(o);
    expect(after).toEqual(current);
    for (const key of ['joint_m|nurse+social_worker:with', 'pc_ref|social_worker', 'pc_anon|nurse:anonymous', 'pc_first|nurse:first', 'sess|reception_s', 'sess|hours_x100:nurse']) {
      expect(after.map((r) => `${r.metric}|${r.key}`), key).toContain(key);
    }
    await rebuildReportRollups(o.h.db);
    expect(await snapshot(o)).toEqual(after);
  }, 120_000);
});
