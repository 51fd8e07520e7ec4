import { noPlace, signedIn, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { exampleFiles, startSotkanetDouble } from './test-support.js';

/** The matrix's harness allows the in-test Sotkanet double's host, as a deployment would list sotkanet.fi. */
async function allowDouble(f: Fixture): Promise<string> {
  const double = await startSotkanetDouble();
  if (!f.h.deps.config.indicatorImportHosts.includes(double.host)) f.h.deps.config.indicatorImportHosts = [...f.h.deps.config.indicatorImportHosts, double.host];
  return double.baseUrl;
}

// Indicators are the region's published context figures: any staff reads them; the coordinator and the
// administrator import and enter them. None of them belongs to a site, and no request names a region.
export const indicatorPolicyCases: PolicyCases = {
  'GET /api/indicators': {
    places: noPlace('The indicators of the caller\'s own region; the request names nothing'),
    allow: signedIn,
    request: () => ({ url: '/api/indicators' }),
  },
  'POST /api/indicators/sotkanet': {
    places: noPlace('Imported into the caller\'s own region; the files name no region of Silta'),
    allow: ['administrator', 'coordinator'],
    request: () => ({ url: '/api/indicators/sotkanet', body: { ...exampleFiles(), isExample: true } }),
  },
  'POST /api/indicators/sotkanet/fetch': {
    places: noPlace('Imported into the caller\'s own region from an allowed host; the request names no region of Silta'),
    allow: ['administrator', 'coordinator'],
    request: async (f) => ({ url: '/api/indicators/sotkanet/fetch', body: { baseUrl: await allowDouble(f), indicatorId: 900001, years: [2015, 2016] } }),
  },
  'POST /api/indicators/manual': {
    places: noPlace('Entered for the caller\'s own region and its chosen areas'),
    allow: ['administrator', 'coordinator'],
    request: async (f) => {
      await f.h.deps.db.withRawSession((s) =>
        s.query(`insert into indicator_area_choices values ($1, '9001', '9000', null, now()) on conflict (region_id) do nothing`, [f.own.regionId]),
      );
      return {
        url: '/api/indicators/manual',
        body: {
          source: 'statistics_finland',
          sourceRef: `test-${f.unique}`.slice(0, 100),
          title: { fi: 'Esimerkki käsin (keksitty)' },
          unit: '%',
          attribution: 'Tilastokeskus (esimerkki)',
          values: [{ area: 'home', year: 2016, value: 13.6 }, { area: 'country', year: 2016, value: 12.7 }],
        },
      };
    },
  },
  'PUT /api/indicators/areas': {
    places: noPlace('The areas of the caller\'s own region\'s panels'),
    allow: ['administrator', 'coordinator'],
    request: () => ({ url: '/api/indicators/areas', body: { homeAreaCode: '9001', countryAreaCode: '9000' } }),
  },
};
