import { seedDemoServices } from './seed-services.js';
import { randomInt } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { OpeningHours, Profession, Role, UnitKind } from '../../domain/org.js';
import { sessionPlanSchema } from '../../domain/outreach.js';
import { addDays, helsinkiDay, isoWeekday, monthBounds } from '../../domain/calendar.js';
import { regions, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { createRegion, createSite, createUnit } from '../sites/commands.js';
import { createUser } from '../users/commands.js';
import { createMunicipality } from '../municipalities/commands.js';
import { laplandMunicipalities } from './lapland-municipalities.js';
import { DEMO_INVITATION_CODE, DEMO_INVITED_CLIENT, seedDemoClients } from './seed-clients.js';
import { seedDemoObservations } from './seed-structural.js';
import { seedDemoHelp } from './seed-help.js';
import type { Actor } from '../policy/policy.js';
import { planSessions, updateSession } from '../sessions/commands.js';
import { seedDemoHistory } from './seed-history.js';

export const DEMO_REGION = 'Lapin hyvinvointialue';
export const DEMO_SITE = 'Rovaniemen päiväkeskus';
/** The demo site's short public address: /s/rovaniemi. */
export const DEMO_SLUG = 'rovaniemi';

export type DemoAccount = { username: string; displayName: string; role: Role; profession: Profession | null; password: string };

const weekdayHours = (weekday: number, closes: string): OpeningHours => ({ weekday, opens: '07:30', closes });
// Rovaniemi's day centre: Mon–Thu 7:30–14, Fri 7:30–13 (domain.md § 1).
const dayCentreHours = [1, 2, 3, 4].map((d) => weekdayHours(d, '14:00')).concat(weekdayHours(5, '13:00'));

const demoUnits: { name: string; kind: UnitKind }[] = [
  { name: 'Aikuissosiaalityö', kind: 'adult_social_work' },
  { name: 'Terveysasema', kind: 'health_station' },
  { name: 'Riippuvuuspalvelut', kind: 'addiction_services' },
  { name: 'Päiväkeskus', kind: 'day_centre' },
  { name: 'Ensikotiyhdistys (järjestö)', kind: 'third_sector' },
];

type AccountPlan = { username: string; displayName: string; role: Role; profession: Profession | null; atSite: boolean; unit: UnitKind | null };
const accountPlans: AccountPlan[] = [
  { username: 'demo.admin', displayName: 'Demo Pääkäyttäjä', role: 'administrator', profession: null, atSite: false, unit: null },
  { username: 'demo.coordinator', displayName: 'Demo Koordinaattori', role: 'coordinator', profession: null, atSite: false, unit: null },
  { username: 'demo.nurse', displayName: 'Demo Sairaanhoitaja', role: 'professional', profession: 'nurse', atSite: true, unit: 'health_station' },
  { username: 'demo.socialworker', displayName: 'Demo Sosiaalityöntekijä', role: 'professional', profession: 'social_worker', atSite: true, unit: 'adult_social_work' },
  { username: 'demo.staff', displayName: 'Demo Ohjaaja', role: 'daycentre_staff', profession: null, atSite: true, unit: 'day_centre' },
  { username: 'demo.auditor', displayName: 'Demo Tietosuojavastaava', role: 'auditor', profession: null, atSite: false, unit: null },
  // The manager of the region's adult social work (esihenkilö): reads the reports and pilots region-wide.
  { username: 'demo.manager', displayName: 'Demo Esihenkilö', role: 'manager', profession: null, atSite: false, unit: 'adult_social_work' },
];

/** A readable random password: 4 groups of 4 from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export async function hasAnyUser(deps: Deps): Promise<boolean> {
  const [row] = await deps.db.orm.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/**
 * Seeds the demo region, its municipalities, day centre, units and one account per role. Refuses if the demo region
 * already exists. Returns the accounts with their passwords, to be shown once.
 */
export async function seedDemo(deps: Deps): Promise<DemoAccount[]> {
  const [existing] = await deps.db.orm.select({ id: regions.id }).from(regions).where(eq(regions.name, DEMO_REGION));
  if (existing) throw new Error(`The demo region "${DEMO_REGION}" already exists.`);
  const region = await createRegion(deps, { name: DEMO_REGION });
  // The seeder acts as a region-wide administrator so that every write goes through the same commands.
  const seeder: Actor = { userId: '00000000-0000-0000-0000-000000000000', regionId: region.id, displayName: 'Silta (demo)', profession: null, roles: [{ role: 'administrator', siteId: null }] };
  const ctx = { actor: seeder, requestId: null, address: 'local' };
  const site = await createSite(deps, ctx, {
    regionId: region.id, name: DEMO_SITE, kind: 'day_centre', address: 'Rovaniemi', openingHours: dayCentreHours, rooms: ['Neuvotteluhuone', 'Ryhmätila'],
    // The short address and the Swedish and English texts show on the public page and poster.
    slug: DEMO_SLUG,
    nameTranslations: { sv: 'Rovaniemi dagcenter', en: 'Rovaniemi day centre' },
    roomTranslations: { Neuvotteluhuone: { sv: 'Mötesrum', en: 'Meeting room' }, Ryhmätila: { sv: 'Grupprum', en: 'Group room' } },
  });
  for (const municipality of laplandMunicipalities) await createMunicipality(deps, ctx, municipality);
  const unitIds = new Map<UnitKind, string>();
  for (const unit of demoUnits) unitIds.set(unit.kind, (await createUnit(deps, ctx, { regionId: region.id, ...unit })).id);
  const accounts: DemoAccount[] = [];
  const userIds = new Map<string, string>();
  for (const plan of accountPlans) {
    const password = deps.config.demoPassword ?? generatePassword();
    const user = await createUser(deps, { actor: null, requestId: null, address: 'local' }, {
      regionId: region.id,
      username: plan.username,
      displayName: plan.displayName,
      profession: plan.profession,
      unitId: plan.unit ? (unitIds.get(plan.unit) ?? null) : null,
      password,
      roles: [{ role: plan.role, siteId: plan.atSite ? site.id : null }],
    });
    userIds.set(plan.username, user.id);
    accounts.push({ username: plan.username, displayName: plan.displayName, role: plan.role, profession: plan.profession, password });
  }
  await seedOutreachPlan(deps, region.id, site.id, userIds);
  await seedDemoClients(deps, { regionId: region.id, siteId: site.id, userIds });
  await seedDemoObservations(deps, { regionId: region.id, siteId: site.id, userIds });
  await seedDemoServices(deps, { regionId: region.id, userIds });
  if (deps.config.isDemoHistory) await seedDemoHistory(deps, { regionId: region.id, siteId: site.id, userIds });
  // After the history: the good practice links the demo pilot when the history made one.
  await seedDemoHelp(deps, { regionId: region.id, userIds });
  return accounts;
}

/** The first day on or after `day` that falls on the ISO `weekday`. */
const nextWeekday = (day: string, weekday: number): string => addDays(day, (weekday - isoWeekday(day) + 7) % 7);
const monthAfter = (month: string): string => addDays(monthBounds(month).last, 1).slice(0, 7);

/**
 * The day centre's outreach plan, relative to the day the demo is seeded so that the calendar and the
 * public announcements always have something coming: the nurse every Tuesday 9–12, the social worker
 * on the mid-month (third) Wednesday 10–14, and a joint one-off session at least a week ahead. The
 * series run from the start of this month to the end of the month after next; one Tuesday is cancelled
 * to show how a cancellation looks.
 */
async function seedOutreachPlan(deps: Deps, regionId: string, siteId: string, userIds: Map<string, string>): Promise<void> {
  const coordinatorId = userIds.get('demo.coordinator');
  const nurseId = userIds.get('demo.nurse');
  const socialWorkerId = userIds.get('demo.socialworker');
  if (!coordinatorId || !nurseId || !socialWorkerId) throw new Error('The demo accounts for the outreach plan are missing.');
  // Planned by the demo coordinator (session.manage is not an administrator's right), through the same command as the app.
  const actor: Actor = { userId: coordinatorId, regionId, displayName: 'Demo Koordinaattori', profession: null, roles: [{ role: 'coordinator', siteId: null }] };
  const ctx = { actor, requestId: null };
  const today = helsinkiDay(deps.clock.now());
  const thisMonth = today.slice(0, 7);
  const startsOn = monthBounds(thisMonth).first;
  const endsOn = monthBounds(monthAfter(monthAfter(thisMonth))).last;
  const plan = (fields: Record<string, unknown>) => sessionPlanSchema.parse({ room: 'Neuvotteluhuone', startsOn, endsOn, ...fields });

  const tuesdays = await planSessions(deps, ctx, siteId, plan({ recurrence: 'weekly', weekday: 2, startsAt: '09:00', endsAt: '12:00', professionals: [{ userId: nurseId }] }));
  await planSessions(deps, ctx, siteId, plan({ recurrence: 'monthly_nth', weekday: 3, nth: 3, startsAt: '10:00', endsAt: '14:00', professionals: [{ userId: socialWorkerId }] }));
  await planSessions(deps, ctx, siteId, plan({
    recurrence: 'one_off',
    startsOn: nextWeekday(addDays(today, 7), 4),
    endsOn: undefined,
    room: 'Ryhmätila',
    startsAt: '11:00',
    endsAt: '13:00',
    professionals: [{ userId: nurseId }, { userId: socialWorkerId }],
    publicNote: 'Sairaanhoitaja ja sosiaalityöntekijä paikalla yhdessä. Voit kysyä terveydestä, etuuksista ja asumisesta.',
    publicNoteTranslations: {
      sv: 'Sjukskötaren och socialarbetaren är på plats tillsammans. Du kan fråga om hälsa, förmåner och boende.',
      en: 'The nurse and the social worker are here together. You can ask about health, benefits and housing.',
    },
  }));
  const cancelled = tuesdays.find(({ session }) => session.day >= addDays(today, 14));
  if (cancelled) await updateSession(deps, ctx, cancelled.session.id, { isCancelled: true });
}

export function formatDemoAccounts(accounts: DemoAccount[], url: string): string {
  const width = Math.max(...accounts.map((a) => a.username.length));
  const lines = accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.password}   (${a.role}${a.profession ? `, ${a.profession}` : ''})`);
  return [
    '',
    `Demo data created: ${DEMO_REGION}, ${DEMO_SITE}.`,
    `Sign in at ${url} with one of these accounts. The passwords are shown only this once:`,
    ...lines,
    '',
    `A client's sign-in (no bank ID): open ${url}/asiakas, choose to use an invitation code and enter`,
    `  ${DEMO_INVITATION_CODE}   (${DEMO_INVITED_CLIENT}; works once, then sign in with the passkey or PIN you chose)`,
    '',
  ].join('\n');
}
