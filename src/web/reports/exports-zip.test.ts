import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../domain/report';
import { allTablesZip, tableCsv } from './exports';
import { type Labels, tableModel } from './table-model';

const labels: Labels = { locale: 'fi', translate: () => null };
const countTable = (key: string, values: number[]): ReportTable => ({
  key,
  columns: [{ key: 'count', kind: 'count', label: null }],
  rows: values.map((value, i) => ({ key: `r${i}`, label: null, cells: [{ value, suppressed: false }] })),
  totals: null,
  hasRowTotals: false,
});

describe('download all tables', () => {
  it('zips every table’s CSV file as its own button saves it, sides numbered when comparing', async () => {
    const models = [countTable('visits.urgency', [7, 9]), countTable('ageBands.counts', [12])].map((t) => tableModel(t, null, 5, labels));
    const legend = () => [['•', 'selitys']];
    const one = unzipSync(await allTablesZip([{ id: '1', from: '2026-01-01', to: '2026-01-31', models }], 'fi', legend));
    expect(Object.keys(one)).toEqual(['visits.urgency_2026-01-01_2026-01-31.csv', 'ageBands.counts_2026-01-01_2026-01-31.csv']);
    expect(one['visits.urgency_2026-01-01_2026-01-31.csv']).toEqual(strToU8(tableCsv(models[0]!, 'fi', legend())));
    const two = unzipSync(await allTablesZip([{ id: '1', from: '2026-01-01', to: '2026-01-31', models }, { id: '2', from: '2025-12-01', to: '2025-12-31', models: models.slice(0, 1) }], 'fi', legend));
    expect(Object.keys(two)).toEqual(['1_visits.urgency_2026-01-01_2026-01-31.csv', '1_ageBands.counts_2026-01-01_2026-01-31.csv', '2_visits.urgency_2025-12-01_2025-12-31.csv']);
  });
});
