import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientBody, madeUpIdentityCode } from './test-support.js';

describe(`the existing-client check on ${testEngine}`, () => {
  it('tells the same code from the same name and birth day (a temporary code since replaced) and from the same name only', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const worker = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'), '10.90.0.1');
    const temporary = madeUpIdentityCode('010190', '-', 950);
    const created = await worker.request('POST', '/api/clients', clientBody(site.id, { name: 'Maija Malli', identityCode: temporary }));
    expect(created.statusCode, created.body).toBe(201);
    const namesake = await worker.request('POST', '/api/clients', clientBody(site.id, { name: 'Maija Malli' }));
    expect(namesake.statusCode).toBe(201);
    const [withCode, withoutCode] = [created.json<{ id: string }>().id, namesake.json<{ id: string }>().id];
    const lookup = async (body: Record<string, string>) => (await worker.request('POST', '/api/clients/lookup', body)).json<{ matches: { matchedBy: string; clientId: string | null }[] }>().matches.map((m) => [m.matchedBy, m.clientId]);

    // Same code: the surest match, first.
    expect(await lookup({ name: 'maija malli', identityCode: temporary })).toEqual([['identity_code', withCode], ['name', withoutCode]]);
    // A permanent code of the same birth day: same name and birth day, ahead of the namesake without a code.
    expect(await lookup({ name: 'Maija Malli', identityCode: madeUpIdentityCode('010190', 'Y', 123) })).toEqual([['name_and_birth_day', withCode], ['name', withoutCode]]);
    // Another birth day: both only by name.
    expect((await lookup({ name: 'Maija Malli', identityCode: madeUpIdentityCode('020290', '-', 123) })).map(([by]) => by)).toEqual(['name', 'name']);
    // The code alone finds only the same code; the name alone, both by name.
    expect(await lookup({ identityCode: temporary })).toEqual([['identity_code', withCode]]);
    expect((await lookup({ name: 'Maija Malli' })).map(([by]) => by)).toEqual(['name', 'name']);
  }, 120_000);
});
