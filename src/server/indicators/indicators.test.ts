import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult, IndicatorPanel } from '../../domain/indicators/indicators.js';
import changed from '../../domain/structural/sotkanet-fixtures/indicator-900001-changed.json' with { type: 'json' };
import malformed from '../../domain/structural/sotkanet-fixtures/data-900001-malformed.json' with { type: 'json' };
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { exampleFiles, openSotkanetDouble, type SotkanetDouble } from './test-support.js';

/** A coordinator and a worker; `at` moves the injected clock and signs them in afresh (sessions expire). */
async function world(hosts: string[] = []) {
  const h = await createHarness({ indicatorImportHosts: hosts });
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const users = {
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    worker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'),
  };
  const signAll = async () => ({ coordinator: await signIn(h, users.coordinator), worker: await signIn(h, users.worker) });
  const w = { h, ...(await signAll()) };
  const at = async (instant: string) => {
    h.clock.set(new Date(instant));
    Object.assign(w, await signAll());
  };
  return Object.assign(w, { at });
}

/** Everything stored about indicators, to show that a refused import changed nothing. */
const snapshot = (h: Harness) =>
  h.db.withRawSession(async (s) => ({
    indicators: await s.query('select source, source_ref, title_fi, data_updated, is_example from indicators order by source_ref'),
    values: await s.query('select area_code, year, gender, value, retrieved_on::text from indicator_values order by area_code, year, gender'),
    areas: await s.query('select area_code, title_fi from indicator_areas order by area_code'),
  }));

const doubles: SotkanetDouble[] = [];
afterAll(async () => {
  for (const d of doubles) await d.close();
});

describe(`regional indicators on ${testEngine}`, () => {
  it('imports Sotkanet files with a missing value, shows the region against the whole country with CC BY 4.0, and lists a metadata change', async () => {
    const w = await world();
    await w.at('2026-03-02T10:00:00Z');
    const first = await w.coordinator.request('POST', '/api/indicators/sotkanet', { ...exampleFiles(), isExample: true });
    expect(first.statusCode).toBe(200);
    expect(first.json<ImportResult>()).toMatchObject({ sourceRef: '900001', added: 4, replaced: 0, missing: 1, metadataChanges: [], areas: 2 });

    // No areas chosen yet: the panel lists the indicator without rows.
    expect((await w.worker.request('GET', '/api/indicators')).json<IndicatorPanel>()).toMatchObject({ home: null, country: null, indicators: [{ sourceRef: '900001', rows: [] }] });
    expect((await w.coordinator.request('PUT', '/api/indicators/areas', { homeAreaCode: '9001', countryAreaCode: '9001' })).statusCode).toBe(400);
    expect((await w.coordinator.request('PUT', '/api/indicators/areas', { homeAreaCode: '9001', countryAreaCode: '9000' })).statusCode).toBe(200);
    const panel = (await w.worker.request('GET', '/api/indicators')).json<IndicatorPanel>();
    expect(panel.home).toEqual({ code: '9001', title: { fi: 'Esimerkkialue', sv: 'Exempelområde', en: 'Example area' } });
    expect(panel.country?.title?.fi).toBe('Koko maa (esimerkki)');
    expect(panel.indicators[0]).toMatchObject({
      source: 'sotkanet',
      attribution: 'THL, Sotkanet.fi',
      licence: 'CC BY 4.0',
      isExample: true,
      unit: '%',
      decimals: 1,
      dataUpdated: '2026-03-01',
      rows: [
        { year: 2016, home: 5.8, country: 7.2, retrievedOn: '2026-03-02' },
        { year: 2015, home: 6.1, country: null, retrievedOn: '2026-03-02' },
      ],
    });

    // Half a year later Sotkanet renamed the indicator and published the missing figure.
    await w.at('2026-09-02T10:00:00Z');
    const second = await w.coordinator.request('POST', '/api/indicators/sotkanet', {
      metadata: changed,
      data: [{ indicator: 900001, region: 9000, year: 2015, gender: 'total', value: 7.4 }],
      isExample: true,
    });
    expect(second.json<ImportResult>()).toMatchObject({ added: 0, replaced: 1, missing: 0, metadataChanges: ['title', 'dataUpdated'], areas: 0 });
    const after = (await w.worker.request('GET', '/api/indicators')).json<IndicatorPanel>().indicators;
    expect(after).toHaveLength(1);
    expect(after[0]!.title.fi).toBe('Esimerkki-indikaattori, uusi nimi (keksitty testiarvo)');
    expect(after[0]!.rows).toEqual([
      { year: 2016, home: 5.8, country: 7.2, retrievedOn: '2026-03-02' },
      { year: 2015, home: 6.1, country: 7.4, retrievedOn: '2026-03-02' },
    ]);
    const audit = await w.h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where resource_type = 'indicator' order by id"));
    expect(audit.map((a) => a.action)).toEqual(['indicator.imported', 'indicator.areas_chosen', 'indicator.imported']);
  });

  it('refuses a malformed file with a 400 naming the file and fields, and changes nothing', async () => {
    const w = await world();
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet', { ...exampleFiles() })).statusCode).toBe(200);
    const before = await snapshot(w.h);
    const bad = await w.coordinator.request('POST', '/api/indicators/sotkanet', { metadata: changed, data: malformed, regions: exampleFiles().regions });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request', details: { reason: 'sotkanet_format', file: 'data', problems: [expect.stringMatching(/^1\.region/), expect.stringMatching(/^1\.gender/), expect.stringMatching(/^1\.value/)] } } });
    const badRegions = await w.coordinator.request('POST', '/api/indicators/sotkanet', { ...exampleFiles(), regions: [{ id: 'Varsinais-Suomi' }] });
    expect(badRegions.json()).toMatchObject({ error: { details: { reason: 'sotkanet_format', file: 'regions' } } });
    const badMeta = await w.coordinator.request('POST', '/api/indicators/sotkanet', { ...exampleFiles(), metadata: { title: { fi: 'ei tunnusta' } } });
    expect(badMeta.json()).toMatchObject({ error: { details: { reason: 'sotkanet_format', file: 'metadata' } } });
    // A data file of another indicator than its metadata's.
    const foreign = await w.coordinator.request('POST', '/api/indicators/sotkanet', { ...exampleFiles(), data: [{ indicator: 3099, region: 9001, year: 2016, gender: 'total', value: 1 }] });
    expect(foreign.statusCode).toBe(400);
    expect(await snapshot(w.h)).toEqual(before);
    // Workers read the panel but do not import.
    expect((await w.worker.request('POST', '/api/indicators/sotkanet', exampleFiles())).statusCode).toBe(403);
  });

  it('imports by URL only from an allowed host (none by default), from an in-test Sotkanet', async () => {
    const double = await openSotkanetDouble();
    doubles.push(double);
    const request = { baseUrl: double.baseUrl, indicatorId: 900001, years: [2015, 2016] };

    const off = await world();
    expect((await off.coordinator.request('POST', '/api/indicators/sotkanet/fetch', request)).json()).toMatchObject({ error: { code: 'bad_request', details: { reason: 'url_import_off' } } });
    expect(double.asked).toEqual([]);

    const w = await world(['sotkanet.fi', double.host]);
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', { ...request, baseUrl: 'http://127.0.0.2:9/' })).json()).toMatchObject({ error: { details: { reason: 'host_not_allowed' } } });
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', { ...request, baseUrl: `http://user:pw@${double.host}` })).json()).toMatchObject({ error: { details: { reason: 'host_not_allowed' } } });
    expect(double.asked).toEqual([]);

    const fetched = await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', request);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json<ImportResult>()).toMatchObject({ added: 4, missing: 1, areas: 2 });
    expect(double.asked).toEqual(['/rest/1.1/indicators/900001', '/rest/1.1/json?indicator=900001&years=2015&years=2016&genders=total', '/rest/1.1/regions']);
    const audit = await w.h.db.withRawSession((s) => s.query<{ details: { how: string } }>("select details from audit_log where action = 'indicator.imported'"));
    expect(audit.map((a) => a.details.how)).toEqual(['url']);

    // A server answering something else than Sotkanet's JSON: a 400, and nothing changes.
    const before = await snapshot(w.h);
    double.answers.set('/rest/1.1/json?indicator=900001&years=2015&years=2016&genders=total', '<html>huolto</html>');
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', request)).json()).toMatchObject({ error: { details: { reason: 'sotkanet_format', file: 'data' } } });
    double.answers.set('/rest/1.1/json?indicator=900001&years=2015&years=2016&genders=total', JSON.stringify(malformed));
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', request)).statusCode).toBe(400);
    expect((await w.coordinator.request('POST', '/api/indicators/sotkanet/fetch', { ...request, indicatorId: 900002 })).json()).toMatchObject({ error: { details: { reason: 'fetch_failed', status: 404 } } });
    expect(await snapshot(w.h)).toEqual(before);
  });

  it('keeps hand-entered indicators of other sources with their attribution, for the chosen areas', async () => {
    const w = await world();
    const body = {
      source: 'statistics_finland',
      sourceRef: 'Pienituloisuusaste',
      title: { fi: 'Pienituloisuusaste (esimerkki)', sv: null, en: 'Low-income rate (example)' },
      unit: '%',
      attribution: 'Tilastokeskus, PX-Web',
      licence: 'CC BY 4.0',
      values: [{ area: 'home', year: 2016, value: 13.6 }, { area: 'country', year: 2016, value: 12.7 }],
    };
    expect((await w.coordinator.request('POST', '/api/indicators/manual', body)).statusCode).toBe(409);
    await w.coordinator.request('PUT', '/api/indicators/areas', { homeAreaCode: '9001', countryAreaCode: '9000' });
    expect((await w.coordinator.request('POST', '/api/indicators/manual', body)).statusCode).toBe(200);
    // Entered again with a correction: one indicator, the value replaced.
    expect((await w.coordinator.request('POST', '/api/indicators/manual', { ...body, values: [{ area: 'home', year: 2016, value: 13.5 }] })).statusCode).toBe(200);
    const panel = (await w.worker.request('GET', '/api/indicators')).json<IndicatorPanel>();
    expect(panel.indicators).toHaveLength(1);
    expect(panel.indicators[0]).toMatchObject({ source: 'statistics_finland', attribution: 'Tilastokeskus, PX-Web', isExample: false, rows: [{ year: 2016, home: 13.5, country: 12.7 }] });
    expect((await w.worker.request('POST', '/api/indicators/manual', body)).statusCode).toBe(403);
  });
});
