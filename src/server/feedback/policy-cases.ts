import { and, eq } from 'drizzle-orm';
import { feedbackFormInputSchema } from '../../domain/feedback.js';
import { feedbackForms } from '../db/schema-groups.js';
import type { Actor } from '../policy/policy.js';
import { atSite, type Fixture, noPlace, ofRegion, type PolicyCases, signedIn } from '../testing/policy-matrix.js';
import { createForm, formView, loadForm } from './forms.js';
import { unlockKiosk } from './kiosk.js';
import { createLink, openLink } from './links.js';
import { seedDefaultFeedbackForms } from './seed.js';

const collectors = ['coordinator', 'nurse', 'social_worker', 'daycentre_staff'] as const;
const coordinatorOf = (f: Fixture): Actor => ({ userId: f.users.coordinator.id, regionId: f.regionId, displayName: 'test setup', profession: null, roles: [{ role: 'coordinator', siteId: null }] });
const setup = (f: Fixture) => ({ actor: coordinatorOf(f), requestId: null });

/** The region's seeded pilot group form (seeding is idempotent). */
export async function templateForm(f: Fixture, key = 'pilot_group'): Promise<string> {
  await seedDefaultFeedbackForms(f.h.db.orm, f.h.deps.ids, f.regionId, f.h.clock.now());
  const [row] = await f.h.db.orm.select({ id: feedbackForms.id }).from(feedbackForms).where(and(eq(feedbackForms.regionId, f.regionId), eq(feedbackForms.templateKey, key)));
  return row!.id;
}

const simpleForm = (name: string) => ({ audience: 'visitor', name: { fi: name }, items: [{ kind: 'agreement', text: { fi: 'Sain apua' } }] });

async function freshForm(f: Fixture): Promise<string> {
  return (await createForm(f.h.deps, setup(f), feedbackFormInputSchema.parse(simpleForm(`Lomake ${f.unique}`)))).id;
}

async function freshKiosk(f: Fixture): Promise<{ id: string; token: string }> {
  const unlocked = await unlockKiosk(f.h.deps, { ...setup(f), sessionTokenHash: null }, { formId: await templateForm(f), context: { siteId: f.siteId, outreachSessionId: null, groupSessionId: null }, pin: '2468', hours: 10 });
  return { id: unlocked.kiosk.id, token: unlocked.kioskToken };
}

async function freshLink(f: Fixture) {
  return createLink(f.h.deps, setup(f), { formId: await templateForm(f), context: { siteId: f.siteId, outreachSessionId: null, groupSessionId: null } });
}

export const feedbackPolicyCases: PolicyCases = {
  'GET /api/feedback/forms': { places: noPlace('Lists the feedback forms of the caller\'s own region; the list takes no place to aim at'), allow: signedIn, request: () => ({ url: '/api/feedback/forms' }) },
  'POST /api/feedback/forms': { places: noPlace('A new form belongs to the caller\'s own region; the body names no region'), allow: ['coordinator'], request: (f) => ({ url: '/api/feedback/forms', body: simpleForm(`Lomake ${f.unique}`) }) },
  'GET /api/feedback/forms/:formId': { places: ofRegion, allow: signedIn, request: async (f) => ({ url: `/api/feedback/forms/${await templateForm(f)}` }) },
  'PUT /api/feedback/forms/:formId/content': {
    places: ofRegion,
    allow: ['coordinator'],
    request: async (f) => ({ url: `/api/feedback/forms/${await freshForm(f)}/content`, body: { name: { fi: 'Uusi nimi' }, items: [{ kind: 'open_text', text: { fi: 'Mitä muuta?' } }] } }),
  },
  'PATCH /api/feedback/forms/:formId': { places: ofRegion, allow: ['coordinator'], request: async (f) => ({ url: `/api/feedback/forms/${await freshForm(f)}`, body: { isActive: false } }) },
  'POST /api/feedback/forms/:formId/paper': {
    places: atSite,
    allow: [...collectors],
    request: async (f) => {
      const formId = await freshForm(f);
      const view = await formView(f.h.deps, await loadForm(f.h.deps, coordinatorOf(f), formId));
      return { url: `/api/feedback/forms/${formId}/paper`, body: { context: { siteId: f.siteId }, submittedOn: '2026-01-14', responses: [{ answers: [{ itemId: view.current.items[0]!.id, score: 4 }] }] } };
    },
  },
  'GET /api/feedback/forms/:formId/results': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/forms/${await templateForm(f)}/results?siteId=${f.siteId}` }) },
  // Unlocking a kiosk ends the staff session in this browser (the tablet keeps only the kiosk token).
  'POST /api/feedback/kiosks': {
    places: atSite, endsSession: true,
    allow: [...collectors],
    request: async (f) => ({ url: '/api/feedback/kiosks', body: { formId: await templateForm(f), context: { siteId: f.siteId }, pin: '1357' } }),
  },
  'GET /api/sites/:siteId/feedback/kiosks': { places: atSite, allow: [...collectors], request: (f) => ({ url: `/api/sites/${f.siteId}/feedback/kiosks` }) },
  'POST /api/feedback/kiosks/:kioskId/close': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/kiosks/${(await freshKiosk(f)).id}/close` }) },
  'POST /api/feedback/kiosks/:kioskId/pause': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/kiosks/${(await freshKiosk(f)).id}/pause` }) },
  'POST /api/feedback/kiosks/:kioskId/resume': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/kiosks/${(await freshKiosk(f)).id}/resume` }) },
  'POST /api/feedback/links': { places: atSite, allow: [...collectors], request: async (f) => ({ url: '/api/feedback/links', body: { formId: await templateForm(f), context: { siteId: f.siteId } } }) },
  'GET /api/sites/:siteId/feedback/links': { places: atSite, allow: [...collectors], request: (f) => ({ url: `/api/sites/${f.siteId}/feedback/links` }) },
  'POST /api/feedback/links/:linkId/close': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/links/${(await freshLink(f)).id}/close` }) },
  'POST /api/feedback/links/:linkId/pause': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/links/${(await freshLink(f)).id}/pause` }) },
  'POST /api/feedback/links/:linkId/resume': { places: atSite, allow: [...collectors], request: async (f) => ({ url: `/api/feedback/links/${(await freshLink(f)).id}/resume` }) },
  'GET /api/feedback/alarms': { places: noPlace('The quota alarms of the caller\'s own sites and links; the list takes no place to aim at'), allow: [...collectors], request: () => ({ url: '/api/feedback/alarms' }) },
  'POST /api/public/kiosk/open': { places: noPlace('Public: the kiosk token is the secret that names the kiosk, whatever its site'), allow: 'public', request: async (f) => ({ url: '/api/public/kiosk/open', body: { kioskToken: (await freshKiosk(f)).token } }) },
  'POST /api/public/kiosk/leave': { places: noPlace('Public: the kiosk token and PIN name the kiosk, whatever its site'), allow: 'public', request: async (f) => ({ url: '/api/public/kiosk/leave', body: { kioskToken: (await freshKiosk(f)).token, pin: '2468' } }) },
  'POST /api/public/feedback/links/:token/open': { places: noPlace('Public: a visitor opens a link by its secret token, whatever its site'), allow: 'public', request: async (f) => ({ url: `/api/public/feedback/links/${(await freshLink(f)).token}/open` }) },
  'POST /api/public/feedback/responses': {
    places: noPlace('Public: the ticket from opening a link or kiosk is the secret, whatever its site'),
    allow: 'public',
    request: async (f) => {
      const opened = await openLink(f.h.deps, (await freshLink(f)).token, '192.0.2.1');
      return { url: '/api/public/feedback/responses', body: { ticket: opened.ticket, locale: 'sv', answers: [{ itemId: opened.form.items[0]!.id, score: 5 }] } };
    },
  },
};
