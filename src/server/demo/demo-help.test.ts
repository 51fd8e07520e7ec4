import { describe, expect, it } from 'vitest';
import type { HelpRequestSummary } from '../../domain/help-requests/schemas.js';
import type { PublicGoodPractice } from '../../domain/good-practices.js';
import { seedDemo } from './seed-demo.js';
import { createHarness, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the demo's ask-for-help requests and good practice on ${testEngine}`, () => {
  it('gives the coordinator two requests (one answered by the social worker) and publishes one good practice', async () => {
    const h = await createHarness({ isDemoHistory: false });
    h.clock.set(new Date('2026-11-16T07:00:00Z'));
    const accounts = await seedDemo(h.deps);
    const coordinator = await signIn(h, accounts.find((a) => a.username === 'demo.coordinator')!);
    const inbox = (await coordinator.request('GET', '/api/help-requests')).json<{ requests: HelpRequestSummary[] }>().requests;
    expect(inbox.map((r) => [r.language, r.status, r.assignee?.displayName ?? null])).toEqual([['sv', 'waiting_for_sender', 'Demo Sosiaalityöntekijä'], ['fi', 'new', null]]);
    const regionId = coordinator.session.user.regionId;
    const practices = (await h.app.inject({ method: 'GET', url: `/api/public/good-practices?regionId=${regionId}` })).json<{ practices: PublicGoodPractice[] }>().practices;
    expect(practices.map((p) => p.title)).toEqual(['Mylly: kohtaamispaikka ilman ajanvarausta']);
  });
});
