import { describe, expect, it } from 'vitest';
import { openingHoursSchema, passwordSchema, registerOf, siteInputSchema, siteUpdateSchema, userInputSchema, usernameSchema } from './org.js';

describe('organisation schemas', () => {
  it('normalise usernames to lower case and refuse spaces and odd characters', () => {
    expect(usernameSchema.parse('  Demo.Nurse ')).toBe('demo.nurse');
    expect(usernameSchema.safeParse('two words').success).toBe(false);
    expect(usernameSchema.safeParse('ab').success).toBe(false);
  });

  it('ask for length in passwords, not composition', () => {
    expect(passwordSchema.safeParse('short1!').success).toBe(false);
    expect(passwordSchema.safeParse('only lower case words').success).toBe(true);
  });

  it('accept opening hours only when the centre opens before it closes, on ISO weekdays 1–7', () => {
    expect(openingHoursSchema.safeParse({ weekday: 5, opens: '07:30', closes: '13:00' }).success).toBe(true);
    expect(openingHoursSchema.safeParse({ weekday: 5, opens: '13:00', closes: '07:30' }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ weekday: 0, opens: '07:30', closes: '13:00' }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ weekday: 1, opens: '24:00', closes: '25:00' }).success).toBe(false);
  });

  it('fill defaults when a site is created but never when one is updated', () => {
    const created = siteInputSchema.parse({ regionId: '0195f4a4-7b6e-7c52-9f4d-3a1c2b3d4e5f', name: 'Päiväkeskus', kind: 'day_centre' });
    expect(created).toMatchObject({ address: '', openingHours: [], rooms: [] });
    expect(siteUpdateSchema.parse({ name: 'Uusi nimi' })).toEqual({ name: 'Uusi nimi' });
  });

  it('need at least one role for a user', () => {
    const base = { regionId: '0195f4a4-7b6e-7c52-9f4d-3a1c2b3d4e5f', username: 'anna', displayName: 'Anna', password: 'long enough password' };
    expect(userInputSchema.safeParse({ ...base, roles: [] }).success).toBe(false);
    expect(userInputSchema.safeParse({ ...base, roles: [{ role: 'auditor', siteId: null }] }).success).toBe(true);
  });

  it('put nurses in the health register and every other profession in the social register', () => {
    expect(registerOf('nurse')).toBe('health');
    expect(['social_worker', 'social_instructor', 'addiction_worker', 'peer_worker'].map((p) => registerOf(p as 'social_worker'))).toEqual(['social', 'social', 'social', 'social']);
  });
});
