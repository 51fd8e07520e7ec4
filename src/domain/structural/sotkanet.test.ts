import { describe, expect, it } from 'vitest';
import data from './sotkanet-fixtures/data-900001.json';
import malformed from './sotkanet-fixtures/data-900001-malformed.json';
import changed from './sotkanet-fixtures/indicator-900001-changed.json';
import metadata from './sotkanet-fixtures/indicator-900001.json';
import { importSotkanet, regionVersusCountry, SotkanetFormatError, type IndicatorStore } from './sotkanet.js';

const empty: IndicatorStore = { indicators: {}, values: [] };

describe('Sotkanet indicator files', () => {
  it('imports the metadata and data rows as published, a missing value as null, with the CC BY 4.0 attribution', () => {
    const result = importSotkanet(empty, metadata, data, '2026-12-07');
    expect(result).toMatchObject({ added: 4, replaced: 0, missing: 1, metadataChanges: [] });
    expect(result.store.indicators[900001]).toEqual({
      id: 900001,
      title: { fi: 'Esimerkki-indikaattori (keksitty testiarvo)', sv: 'Exempelindikator (påhittat testvärde)', en: 'Example indicator (made-up test value)' },
      decimals: 1,
      unit: '%',
      dataUpdated: '2026-03-01',
    });
    expect(regionVersusCountry(result.store, 900001, 2016, 9001, 9000)).toMatchObject({ region: 5.8, country: 7.2, attribution: { licence: 'CC BY 4.0', source: 'THL, Sotkanet.fi' } });
    expect(regionVersusCountry(result.store, 900001, 2015, 9001, 9000)).toMatchObject({ region: 6.1, country: null });
  });

  it('replaces the same region, year and gender on a new import, and lists the metadata that changed', () => {
    const first = importSotkanet(empty, metadata, data, '2026-03-02').store;
    const second = importSotkanet(first, changed, [{ indicator: 900001, region: 9000, year: 2015, gender: 'total', value: 7.4 }], '2026-09-02');
    expect(second).toMatchObject({ added: 0, replaced: 1, missing: 0, metadataChanges: ['title', 'dataUpdated'] });
    expect(second.store.values).toHaveLength(4);
    expect(regionVersusCountry(second.store, 900001, 2015, 9001, 9000)).toMatchObject({ region: 6.1, country: 7.4 });
    expect(second.store.indicators[900001]!.title.fi).toBe('Esimerkki-indikaattori, uusi nimi (keksitty testiarvo)');
  });

  it('refuses a malformed file with a clear error naming the fields, and changes nothing', () => {
    const store = importSotkanet(empty, metadata, data, '2026-03-02').store;
    const snapshot = structuredClone(store);
    let error: unknown;
    try {
      importSotkanet(store, metadata, malformed, '2026-09-02');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SotkanetFormatError);
    expect((error as SotkanetFormatError).file).toBe('data');
    expect((error as SotkanetFormatError).problems.map((p) => p.split(':')[0])).toEqual(['1.region', '1.gender', '1.value']);
    expect(store).toEqual(snapshot);
    expect(() => importSotkanet(store, { title: { fi: 'ei tunnusta' } }, data, '2026-09-02')).toThrow(/metadata file is not in Sotkanet's format: id/);
    expect(() => importSotkanet(store, metadata, { rows: [] }, '2026-09-02')).toThrow(SotkanetFormatError);
    expect(() => importSotkanet(store, metadata, [{ ...data[0], indicator: 3099 }], '2026-09-02')).toThrow(/rows of indicator 3099/);
    expect(store).toEqual(snapshot);
  });
});
