import { describe, expect, it } from 'vitest';
import { defaultCodes, registersOf } from '../../domain/code-lists.js';
import type { CodeView } from '../../domain/outreach-views.js';
import { makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { encounterBody, record, setUpOutreach } from './test-support.js';

// Issue 16 item 8: a code can belong to the health register, the social register or both; in a joint
// encounter each professional records their own register's codes, also afterwards.

describe(`codes across registers on ${testEngine}`, () => {
  it('lists conversation support in both registers by default', async () => {
    expect(registersOf(defaultCodes, 'need', 'conversation_support')).toEqual(['health', 'social']);
    expect(registersOf(defaultCodes, 'need', 'blood_pressure')).toEqual(['health']);
    const o = await setUpOutreach();
    const listed = (await o.nurse.request('GET', '/api/codes')).json<{ codes: CodeView[] }>().codes;
    expect(registersOf(listed.filter((c) => c.isActive), 'need', 'conversation_support')).toEqual(['health', 'social']);
  });

  it('lets the nurse and the social worker each record the shared code in their own register, the second one afterwards', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o, { professionalIds: [o.socialWorker.session.user.id], needs: ['health:conversation_support'] }));
    const added = await o.socialWorker.request('PATCH', `/api/encounters/${view.id}`, { needs: ['social:conversation_support', 'social:housing'] });
    expect(added.statusCode).toBe(200);
    expect(added.json().needs).toEqual(['social:conversation_support', 'social:housing']);
    expect((await o.nurse.request('GET', `/api/encounters/${view.id}`)).json().needs).toEqual(['health:conversation_support']);
    const rows = await o.h.db.withRawSession((s) => s.query<{ register: string }>(`select register from encounter_codes where encounter_id = $1 and code = 'conversation_support' order by register`, [view.id]));
    expect(rows.map((r) => r.register)).toEqual(['health', 'social']);
  });

  it('makes an administrator’s new code shared by adding it to each register', async () => {
    const o = await setUpOutreach();
    const admin = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'administrator', siteId: null }]), '10.88.0.1');
    const labels = { fi: 'Ruoka-apu', sv: 'Mathjälp', en: 'Food aid' };
    for (const register of ['health', 'social']) {
      expect((await admin.request('POST', '/api/codes', { kind: 'need', register, code: 'food_aid', labels })).statusCode).toBe(201);
    }
    const view = await record(o.nurse, encounterBody(o, { professionalIds: [o.socialWorker.session.user.id], needs: ['health:food_aid', 'social:food_aid'] }));
    expect(view.needs).toEqual(['health:food_aid']);
  });
});
