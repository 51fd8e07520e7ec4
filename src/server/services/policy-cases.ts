import { addDays, helsinkiDay } from '../../domain/calendar.js';
import { noPlace, ofRegion, signedIn, type Fixture, type PolicyCases, type RoleKey } from '../testing/policy-matrix.js';
import { hsdsLocationId, hsdsServiceAtLocationId, termId, TRAY_TAXONOMY_ID } from './hsds.js';
import { completeContent, insertTrayService, unitOfUser } from './test-support.js';

const editors: RoleKey[] = ['coordinator', 'manager'];
const publicRead = noPlace('Public: the published services of the tray, the same for everyone');
const ownRegion = noPlace('The caller\'s own region\'s tray; the request names no place');

/**
 * A tray service of the aimed-at region that the caller keeps (they are its responsible person).
 * Another region's is refused before its state is looked at, so there it is a draft, never published:
 * the public catalogue and HSDS show every region's published services.
 */
async function keptService(f: Fixture, status: 'draft' | 'published') {
  const otherRegion = f.place === 'otherRegion';
  return insertTrayService(f.h.deps, {
    regionId: f.regionId,
    responsibleUserId: otherRegion ? null : (f.caller?.id ?? null),
    status: otherRegion ? 'draft' : status,
    reviewDueOn: status === 'published' ? addDays(helsinkiDay(f.h.clock.now()), 30) : null,
  });
}

async function publishedOwn(f: Fixture) {
  return insertTrayService(f.h.deps, { regionId: f.own.regionId, status: 'published' });
}

const withUnit = async (f: Fixture) => {
  if (f.caller) await unitOfUser(f.h.deps, f.caller.id);
};

const ptvFile = (f: Fixture) => ({
  pageNumber: 1,
  pageCount: 1,
  itemList: [{
    id: f.h.deps.ids.newId(),
    serviceNames: [{ language: 'fi', value: 'Tuotu palvelu', type: 'Name' }],
    serviceDescriptions: [{ language: 'fi', value: 'Kuvaus', type: 'Description' }],
    publishingStatus: 'Published',
  }],
});

export const servicePolicyCases: PolicyCases = {
  'GET /api/tray/services': { places: ownRegion, allow: signedIn, request: () => ({ url: '/api/tray/services' }) },
  'GET /api/tray/services/overdue': { places: ownRegion, allow: editors, request: () => ({ url: '/api/tray/services/overdue' }) },
  'POST /api/tray/services': {
    places: noPlace('A new tray service belongs to the caller\'s own region and unit; the body names no place'),
    allow: editors,
    request: async (f) => {
      await withUnit(f);
      return { url: '/api/tray/services', body: { content: { names: { fi: `Palvelu ${f.unique}` } } } };
    },
  },
  'GET /api/tray/services/:serviceId': { places: ofRegion, allow: signedIn, request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'draft')).id}` }) },
  'GET /api/tray/services/:serviceId/versions/:version': { places: ofRegion, allow: signedIn, request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'draft')).id}/versions/1` }) },
  'PUT /api/tray/services/:serviceId/draft': {
    places: ofRegion,
    allow: editors,
    request: async (f) => {
      const service = await keptService(f, 'draft');
      return { url: `/api/tray/services/${service.id}/draft`, body: { content: completeContent(service.organiserId, { goal: { fi: 'Uusi tavoite' } }), baseVersion: 1 } };
    },
  },
  'POST /api/tray/services/:serviceId/publish': { places: ofRegion, allow: editors, request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'draft')).id}/publish`, body: { version: 1 } }) },
  'POST /api/tray/services/:serviceId/review': { places: ofRegion, allow: editors, request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'published')).id}/review`, body: {} }) },
  'POST /api/tray/services/:serviceId/archive': { places: ofRegion, allow: editors, request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'draft')).id}/archive` }) },
  'PATCH /api/tray/services/:serviceId/editorial': {
    places: ofRegion,
    allow: ['manager'],
    request: async (f) => ({ url: `/api/tray/services/${(await keptService(f, 'draft')).id}/editorial`, body: { reviewDueOn: addDays(helsinkiDay(f.h.clock.now()), 60) } }),
  },
  'GET /api/tray/organizations': { places: ownRegion, allow: signedIn, request: () => ({ url: '/api/tray/organizations' }) },
  'POST /api/tray/organizations': {
    places: noPlace('A new organisation belongs to the caller\'s own region; the body names no place'),
    allow: editors,
    request: (f) => ({ url: '/api/tray/organizations', body: { names: { fi: `Yhdistys ${f.unique}` }, businessId: '1234567-8' } }),
  },
  'POST /api/tray/import/ptv': {
    places: noPlace('Imported services belong to the caller\'s own region and unit; the file names no place of Silta\'s'),
    allow: editors,
    request: async (f) => {
      await withUnit(f);
      return { url: '/api/tray/import/ptv', body: ptvFile(f) };
    },
  },
  'GET /api/public/hsds/services': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/services?per_page=5&lang=sv' }) },
  'GET /api/public/hsds/services/:id': { places: publicRead, allow: 'public', request: async (f) => ({ url: `/api/public/hsds/services/${(await publishedOwn(f)).id}` }) },
  'GET /api/public/hsds/organizations': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/organizations' }) },
  'GET /api/public/hsds/organizations/:id': { places: publicRead, allow: 'public', request: async (f) => ({ url: `/api/public/hsds/organizations/${(await publishedOwn(f)).organiserId}` }) },
  'GET /api/public/hsds/locations': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/locations' }) },
  'GET /api/public/hsds/locations/:id': {
    places: publicRead,
    allow: 'public',
    request: async (f) => {
      const s = await publishedOwn(f);
      return { url: `/api/public/hsds/locations/${hsdsLocationId(s.id, s.content.locations[0]!.id)}` };
    },
  },
  'GET /api/public/hsds/service_at_locations': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/service_at_locations' }) },
  'GET /api/public/hsds/service_at_locations/:id': {
    places: publicRead,
    allow: 'public',
    request: async (f) => {
      const s = await publishedOwn(f);
      return { url: `/api/public/hsds/service_at_locations/${hsdsServiceAtLocationId(s.id, s.content.locations[0]!.id)}` };
    },
  },
  'GET /api/public/hsds/taxonomies': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/taxonomies' }) },
  'GET /api/public/hsds/taxonomies/:id': { places: publicRead, allow: 'public', request: () => ({ url: `/api/public/hsds/taxonomies/${TRAY_TAXONOMY_ID}` }) },
  'GET /api/public/hsds/taxonomy_terms': { places: publicRead, allow: 'public', request: () => ({ url: '/api/public/hsds/taxonomy_terms' }) },
  'GET /api/public/hsds/taxonomy_terms/:id': { places: publicRead, allow: 'public', request: () => ({ url: `/api/public/hsds/taxonomy_terms/${termId('group_activity')}` }) },
};
