import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { ENCOUNTER_BATCH_MAX, type EncounterBatchItemResult } from '../../domain/encounter-batch.js';
import { makeRegion, makeSite } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, record, referralBody, setUpOutreach, type Outreach } from './test-support.js';

const BATCH = '/api/encounters/batch';

async function sendBatch(client: Outreach['nurse'], encounters: unknown[]): Promise<EncounterBatchItemResult[]> {
  const response = await client.request('POST', BATCH, { encounters });
  if (response.statusCode !== 200) throw new Error(`batch failed ${response.statusCode}: ${response.body}`);
  return response.json<{ results: EncounterBatchItemResult[] }>().results;
}

/** Rows of every table an encounter is stored in, for the given ids (anything left of a failed one shows here). */
async function storedParts(o: Outreach, ids: string[]) {
  const [row] = await o.h.db.withRawSession((s) =>
    s.query<{ encounters: number; professionals: number; codes: number; referrals: number }>(
      `select (select count(*)::int from encounters where id = any($1::uuid[])) as encounters,
              (select count(*)::int from encounter_professionals where encounter_id = any($1::uuid[])) as professionals,
              (select count(*)::int from encounter_codes where encounter_id = any($1::uuid[])) as codes,
              (select count(*)::int from referrals where encounter_id = any($1::uuid[])) as referrals`,
      [ids],
    ),
  );
  return row!;
}

const statuses = (results: EncounterBatchItemResult[]) => results.map((r) => [r.id, r.status, r.error?.code ?? null]);

describe(`recording encounters in a batch on ${testEngine}`, () => {
  it('answers one result per item in order: stores the valid ones, reports resends as exists, and refuses bad ones alone', async () => {
    const o = await setUpOutreach();
    const earlier = encounterBody(o);
    await record(o.nurse, earlier);
    const otherRegion = await makeSite(o.h, (await makeRegion(o.h)).id);
    const good = encounterBody(o, { needs: ['health:blood_pressure'], referrals: [referralBody(o.services.kela!)] });
    const wrongShape = encounterBody(o, { ageBand: 'ancient', needs: 'not a list' });
    const socialCodeByNurse = encounterBody(o, { needs: ['social:housing'] });
    const foreignSite = encounterBody(o, { siteId: otherRegion.id });
    const alsoGood = encounterBody(o, { isUrgent: true });

    const results = await sendBatch(o.nurse, [good, wrongShape, earlier, socialCodeByNurse, good, foreignSite, alsoGood]);

    expect(statuses(results)).toEqual([
      [good.id, 'created', null],
      [wrongShape.id, 'refused', 'bad_request'],
      [earlier.id, 'exists', null],
      [socialCodeByNurse.id, 'refused', 'bad_request'],
      [good.id, 'exists', null],
      [foreignSite.id, 'refused', 'not_found'],
      [alsoGood.id, 'created', null],
    ]);
    // The refusal says why, like the single route would.
    expect(results[1]!.error!.message).toMatch(/ageBand/);
    expect(results[3]!.error!.message).toMatch(/social:housing/);
    expect(await storedParts(o, [good.id, alsoGood.id, earlier.id])).toEqual({ encounters: 3, professionals: 3, codes: 1, referrals: 1 });
    expect(await storedParts(o, [wrongShape.id, socialCodeByNurse.id, foreignSite.id])).toEqual({ encounters: 0, professionals: 0, codes: 0, referrals: 0 });
    // Each stored item is audited on its own, as through the single route; refused and repeated ones are not.
    const created = await auditRows(o.h, { action: 'encounter.created' });
    expect(created.map((a) => a.resource_id).sort()).toEqual([earlier.id, good.id, alsoGood.id].sort());
    expect(created.find((a) => a.resource_id === good.id)).toMatchObject({ actor_id: o.nurse.session.user.id, site_id: o.siteId });
  });

  it('creates nothing when the same batch is sent again: the stored ones answer exists, the refused ones are refused again', async () => {
    const o = await setUpOutreach();
    const batch = [
      encounterBody(o, { referrals: [referralBody(o.services.kela!)] }),
      encounterBody(o, { needs: ['social:housing'] }),
      encounterBody(o, { professionalIds: [o.socialWorker.session.user.id], needs: ['social:housing'] }),
    ];
    const first = await sendBatch(o.nurse, batch);
    const auditAfterFirst = (await auditRows(o.h, {})).length;
    const again = await sendBatch(o.nurse, batch);

    expect(first.map((r) => r.status)).toEqual(['created', 'refused', 'created']);
    expect(again.map((r) => r.status)).toEqual(['exists', 'refused', 'exists']);
    expect(await storedParts(o, batch.map((b) => b.id))).toEqual({ encounters: 2, professionals: 3, codes: 1, referrals: 1 });
    expect((await auditRows(o.h, {})).length).toBe(auditAfterFirst);
  });

  it('never leaves half an encounter when an item fails after its first rows were written, and goes on with the next', async () => {
    const o = await setUpOutreach();
    const stored = await record(o.nurse, encounterBody(o, { referrals: [referralBody(o.services.kela!)] }));
    // Both fail inside the item's transaction, after the encounter, its professionals and codes are inserted:
    // a referral id that is already taken (a unique violation in the database) and a service that does not exist.
    const takenReferralId = encounterBody(o, { needs: ['health:blood_pressure'], referrals: [referralBody(o.services.kela!, { id: stored.referrals[0]!.id })] });
    const unknownService = encounterBody(o, { needs: ['health:blood_pressure'], referrals: [referralBody(uuidv7())] });
    const after = encounterBody(o, { needs: ['health:blood_pressure'] });

    const results = await sendBatch(o.nurse, [takenReferralId, unknownService, after]);

    expect(statuses(results)).toEqual([
      [takenReferralId.id, 'refused', 'conflict'],
      [unknownService.id, 'refused', 'bad_request'],
      [after.id, 'created', null],
    ]);
    expect(await storedParts(o, [takenReferralId.id, unknownService.id])).toEqual({ encounters: 0, professionals: 0, codes: 0, referrals: 0 });
    expect(await storedParts(o, [after.id])).toEqual({ encounters: 1, professionals: 1, codes: 1, referrals: 0 });
    expect(await auditRows(o.h, { resourceId: takenReferralId.id })).toEqual([]);
    expect(await auditRows(o.h, { resourceId: unknownService.id })).toEqual([]);
  });

  it('refuses an id that someone else already used, as the single route answers 409', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    const results = await sendBatch(o.socialWorker, [body]);
    expect(statuses(results)).toEqual([[body.id, 'refused', 'conflict']]);
    const [row] = await o.h.db.withRawSession((s) => s.query<{ created_by: string }>('select created_by from encounters where id = $1', [body.id]));
    expect(row!.created_by).toBe(o.nurse.session.user.id);
  });

  it('answers a resend exactly as the single route would: exists at its own site, refused at a site it may not use or that is not its own', async () => {
    const o = await setUpOutreach();
    const stored = encounterBody(o);
    await record(o.nurse, stored);
    const elsewhere = await makeSite(o.h, (await makeRegion(o.h)).id);
    const otherOwnSite = await makeSite(o.h, o.regionId);
    const resends = [stored, { ...stored, siteId: elsewhere.id }, { ...stored, siteId: otherOwnSite.id }];
    const single = await Promise.all(resends.map(async (body) => {
      const response = await o.nurse.request('POST', '/api/encounters', body);
      return response.statusCode === 200 ? 'exists' : response.json<{ error: { code: string } }>().error.code;
    }));
    const batch = await sendBatch(o.nurse, resends);
    expect(batch.map((r) => r.error?.code ?? r.status)).toEqual(single);
    expect(single).toEqual(['exists', 'not_found', 'forbidden']);
  });

  it('refuses the whole request when it is empty, too long, or an item has no id, and stores nothing', async () => {
    const o = await setUpOutreach();
    const tooMany = Array.from({ length: ENCOUNTER_BATCH_MAX + 1 }, () => encounterBody(o));
    const withoutId = [encounterBody(o), { siteId: o.siteId, occurredAt: o.h.clock.now().toISOString() }];
    for (const encounters of [[], tooMany, withoutId]) {
      const response = await o.nurse.request('POST', BATCH, { encounters });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('bad_request');
    }
    expect(await storedParts(o, [...tooMany, ...withoutId].flatMap((b) => ('id' in b ? [String(b.id)] : [])))).toMatchObject({ encounters: 0 });
  });
});
