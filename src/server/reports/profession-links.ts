import { professions } from '../../domain/org.js';
import type { ReportCell, ReportSection, ReportTable } from '../../domain/report.js';
import { suppressTable } from '../../domain/suppression.js';

/*
 * The per-profession tables (profession-tables.ts) repeat figures of each other and of the older
 * tables: every per-profession table's row total is that profession's contacts, as in
 * `professionals.byProfession`; `referrals.byProfession` sums to all referrals of
 * `referrals.byServiceAndStatus`; `professionals.jointMeetings` the joint meetings of
 * `professionals.jointOrSingle`. After every table is suppressed on its own, a figure hidden in one
 * place is hidden (`linked`) wherever it is repeated, and the table that gained a hidden cell is
 * suppressed again so that its own lines keep protecting it; this repeats until nothing changes.
 * The code tables per profession have no totals: a code row's non-zero cells are hidden when the code's
 * count is hidden in its list table (a zero says which professions did not meet it, not how many did).
 */

type Anchor = { table: string; row: string | null; column: string };

export const PER_PROFESSION_CONTACT_TABLES = [
  'visits.firstWithProfessional',
  'visits.firstInRegionByProfession',
  'visits.anonymousByProfession',
  'visits.urgencyByProfession',
  'ageBands.byProfession',
] as const;

function anchorGroups(): Anchor[][] {
  const contactAnchors = (row: string | null): Anchor[] => [
    { table: 'professionals.byProfession', row, column: 'contacts' },
    { table: 'professionals.hoursByProfession', row, column: 'contacts' },
    ...PER_PROFESSION_CONTACT_TABLES.map((t) => ({ table: t, row, column: 'total' })),
  ];
  return [
    ...professions.map((p) => contactAnchors(p)),
    contactAnchors(null),
    [{ table: 'referrals.byServiceAndStatus', row: null, column: 'total' }, { table: 'referrals.byProfession', row: null, column: 'referrals' }],
    [{ table: 'professionals.jointOrSingle', row: 'joint', column: 'meetings' }, { table: 'professionals.jointMeetings', row: null, column: 'meetings' }],
  ];
}

/** Where an anchor is: [row index (rows.length for the totals row), column index], or null. */
function locate(table: ReportTable | undefined, a: Anchor): [number, number] | null {
  if (!table) return null;
  const c = table.columns.findIndex((col) => col.key === a.column);
  const r = a.row === null ? (table.totals ? table.rows.length : -1) : table.rows.findIndex((row) => row.key === a.row);
  return c < 0 || r < 0 ? null : [r, c];
}

const cellAt = (t: ReportTable, [r, c]: [number, number]): ReportCell | undefined => (r === t.rows.length ? t.totals?.[c] : t.rows[r]?.cells[c]);

function withCell(t: ReportTable, [r, c]: [number, number], cell: ReportCell): ReportTable {
  if (r === t.rows.length) return { ...t, totals: t.totals!.map((x, i) => (i === c ? cell : x)) };
  return { ...t, rows: t.rows.map((row, i) => (i !== r ? row : { ...row, cells: row.cells.map((x, j) => (j === c ? cell : x)) })) };
}

const linked: ReportCell = { value: null, suppressed: true, reason: 'linked' };

/** Hides the code rows of the per-profession code tables whose code is hidden in the list table. */
function linkCodeRows(tables: Map<string, ReportTable>): void {
  for (const [key, perProfession] of tables) {
    if (!key.startsWith('needsSupport.byProfession.')) continue;
    const list = tables.get(key.replace('needsSupport.byProfession.', 'needsSupport.'));
    if (!list) continue;
    const hiddenCodes = new Set(list.rows.filter((r) => r.cells[0]?.suppressed).map((r) => r.key));
    tables.set(key, {
      ...perProfession,
      rows: perProfession.rows.map((r) => (!hiddenCodes.has(r.key) ? r : { ...r, cells: r.cells.map((c) => (c.suppressed || c.value === null || c.value === 0 ? c : linked)) })),
    });
  }
}

/** The published sections with the per-profession figures linked (see above). Tables already suppressed. */
export function linkProfessionFigures(sections: ReportSection[], threshold: number): ReportSection[] {
  const tables = new Map(sections.flatMap((s) => s.tables.map((t) => [t.key, t] as const)));
  const groups = anchorGroups();
  for (let changed = true; changed; ) {
    changed = false;
    const dirty = new Set<string>();
    for (const group of groups) {
      const found = group.flatMap((a) => {
        const at = locate(tables.get(a.table), a);
        return at ? [{ key: a.table, at, cell: cellAt(tables.get(a.table)!, at) }] : [];
      });
      if (!found.some((f) => f.cell?.suppressed)) continue;
      for (const f of found) {
        if (f.cell === undefined || f.cell.suppressed || f.cell.value === null) continue;
        tables.set(f.key, withCell(tables.get(f.key)!, f.at, linked));
        dirty.add(f.key);
      }
    }
    for (const key of dirty) tables.set(key, suppressTable(tables.get(key)!, threshold));
    changed = dirty.size > 0;
  }
  linkCodeRows(tables);
  return sections.map((s) => ({ ...s, tables: s.tables.map((t) => tables.get(t.key) ?? t) }));
}
