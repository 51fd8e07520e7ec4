import { describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-db.js';
import { encounterBody, professionalAt, record, setUpOutreach } from './test-support.js';

// The web offers editing and deleting from the answer's `can` alone, so it must say what the server allows.
describe(`an encounter's per-reader abilities on ${testEngine}`, () => {
  it('lets its creator update and delete, a listed colleague update, and another professional neither', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    const created = await record(o.nurse, body);
    expect(created.can).toEqual({ update: true, delete: true });
    await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { professionalIds: [o.socialWorker.session.user.id] });
    expect((await o.socialWorker.request('GET', `/api/encounters/${body.id}`)).json().can).toEqual({ update: true, delete: false });
    expect((await o.socialWorker.request('DELETE', `/api/encounters/${body.id}`)).statusCode).toBe(403);
    const colleague = await professionalAt(o.h, o.regionId, o.siteId, 'nurse');
    expect((await colleague.request('GET', `/api/encounters/${body.id}`)).json().can).toEqual({ update: false, delete: false });
    expect((await colleague.request('PATCH', `/api/encounters/${body.id}`, { isUrgent: true })).statusCode).toBe(403);
  });
});
