import { describe, expect, it } from 'vitest';
import type { Announcement, SessionView } from '../../domain/outreach-views.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createHarness, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the demo day centre's colleagues and outreach plan on ${testEngine}`, () => {
  it('seeds a plan relative to the seed day that the calendar, the colleague picker and the public page show', async () => {
    const h = await createHarness();
    // Thursday 15 January 2026 in Helsinki.
    h.clock.set(new Date('2026-01-15T07:00:00Z'));
    const accounts = await seedDemo(h.deps);
    const nurseAccount = accounts.find((a) => a.username === 'demo.nurse')!;
    const nurse = await signIn(h, nurseAccount);
    const siteId = nurse.session.user.roles[0]!.siteId!;

    const colleagues = (await nurse.request('GET', `/api/sites/${siteId}/colleagues`)).json<{ colleagues: { displayName: string; profession: string }[] }>().colleagues;
    expect(colleagues.map((c) => [c.displayName, c.profession])).toEqual([['Demo Sairaanhoitaja', 'nurse'], ['Demo Sosiaalityöntekijä', 'social_worker']]);

    const january = (await nurse.request('GET', `/api/sites/${siteId}/sessions?from=2026-01-01&to=2026-01-31`)).json<{ sessions: SessionView[] }>().sessions;
    const summary = (s: SessionView) => `${s.day} ${s.startsAt}-${s.endsAt} ${s.room} ${s.professionals.map((p) => p.profession).join('+')}${s.isCancelled ? ' cancelled' : ''}`;
    expect(january.map(summary)).toEqual([
      '2026-01-06 09:00-12:00 Neuvotteluhuone nurse',
      '2026-01-13 09:00-12:00 Neuvotteluhuone nurse',
      '2026-01-20 09:00-12:00 Neuvotteluhuone nurse',
      // The mid-month Wednesday, and the joint one-off a week ahead (the first Thursday from the 22nd).
      '2026-01-21 10:00-14:00 Neuvotteluhuone social_worker',
      '2026-01-22 11:00-13:00 Ryhmätila nurse+social_worker',
      '2026-01-27 09:00-12:00 Neuvotteluhuone nurse',
    ]);
    const march = (await nurse.request('GET', `/api/sites/${siteId}/sessions?from=2026-02-01&to=2026-04-30`)).json<{ sessions: SessionView[] }>().sessions;
    // The series run to the end of the month after next; the first Tuesday two weeks ahead is cancelled.
    expect(march.filter((s) => s.isCancelled).map((s) => s.day)).toEqual(['2026-02-03']);
    expect(march.at(-1)?.day).toBe('2026-03-31');

    const announced = (await h.app.inject({ method: 'GET', url: `/api/public/sites/${siteId}/announcements?to=2026-02-10` })).json<Announcement>();
    expect(announced.sessions.map((s) => s.day)).toEqual(['2026-01-20', '2026-01-21', '2026-01-22', '2026-01-27', '2026-02-10']);
    expect(announced.sessions.find((s) => s.day === '2026-01-22')?.publicNote).toMatch(/^Sairaanhoitaja ja sosiaalityöntekijä/);
  });
});
