import { describe, expect, it } from 'vitest';
import { makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, issueCode, record, setUpOutreach } from './test-support.js';

describe(`the encounter summary on ${testEngine}`, () => {
  it('counts a joint encounter once as a meeting and once per professional as contacts, by Helsinki day', async () => {
    const o = await setUpOutreach();
    const sw = o.socialWorker.session.user.id;
    const code = await issueCode(o);
    await record(o.nurse, encounterBody(o, { occurredAt: '2026-01-15T08:00:00Z' }));
    await record(o.nurse, encounterBody(o, { occurredAt: '2026-01-15T09:00:00Z', professionalIds: [sw], visitorCode: code }));
    // Before the harness clock's 09:00: an encounter cannot be recorded ahead of the clock.
    await record(o.socialWorker, encounterBody(o, { occurredAt: '2026-01-15T08:30:00Z', isUrgent: true }));
    // 22:30 UTC on the 12th is 00:30 on the 13th in Helsinki
    await record(o.nurse, encounterBody(o, { occurredAt: '2026-01-12T22:30:00Z', professionalIds: [sw], visitorCode: code }));
    await record(o.nurse, encounterBody(o, { occurredAt: '2026-01-10T10:00:00Z' }));
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const response = await staff.request('GET', `/api/sites/${o.siteId}/encounters/summary?from=2026-01-13&to=2026-01-15`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-01-13',
      to: '2026-01-15',
      meetings: 4,
      professionalContacts: 6,
      jointMeetings: 2,
      anonymous: 2,
      withCode: 2,
      urgent: 1,
      byDay: [
        { day: '2026-01-13', meetings: 1 },
        { day: '2026-01-14', meetings: 0 },
        { day: '2026-01-15', meetings: 3 },
      ],
    });
    expect(await auditRows(o.h, { action: 'encounter.listed' })).toEqual([]);
  });

  it('is open to coordinators and the site’s staff, and closed to staff of another site', async () => {
    const o = await setUpOutreach();
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const url = `/api/sites/${o.siteId}/encounters/summary?from=2026-01-01&to=2026-01-31`;
    const empty = await coordinator.request('GET', url);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ meetings: 0, professionalContacts: 0 });
    expect(empty.json().byDay).toHaveLength(31);
    const other = await makeSite(o.h, o.regionId);
    const elsewhere = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: other.id }]));
    expect((await elsewhere.request('GET', url)).statusCode).toBe(403);
    const auditor = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'auditor', siteId: null }]));
    expect((await auditor.request('GET', url)).statusCode).toBe(403);
  });

  it('refuses periods that run backwards, exceed a year or name days that do not exist', async () => {
    const o = await setUpOutreach();
    const base = `/api/sites/${o.siteId}/encounters/summary`;
    for (const query of ['from=2026-02-01&to=2026-01-01', 'from=2025-01-01&to=2026-01-02', 'from=2026-02-29&to=2026-03-01', 'from=2026-01-01', '']) {
      const response = await o.nurse.request('GET', `${base}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('bad_request');
    }
    expect((await o.nurse.request('GET', `${base}?from=2025-01-01&to=2026-01-01`)).statusCode).toBe(200);
  });
});
