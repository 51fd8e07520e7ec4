import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A small XLSX (Office Open XML) writer: one worksheet per report table, inline strings, numbers
 * as numbers, a bold header row. Loaded lazily by the page, only when a workbook is asked for.
 * The sheet XML is written here (a spreadsheet library would be ~10× the code for what we use); the
 * zip container, deflated, comes from fflate.
 */

export type SheetCell = string | number;
export type Sheet = { name: string; rows: SheetCell[][]; boldRows?: number[] };

const forbidden = /[[\]:*?/\\]/g;
const maxName = 31;

/**
 * Sheet names as Excel accepts them: at most 31 characters, none of []:*?/\, not starting or ending
 * with an apostrophe, not "History", and unique regardless of case ("Name (2)" for a repeat).
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>(['history']);
  return wanted.map((raw) => {
    const cleaned = raw.replace(forbidden, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim() || 'Sheet';
    let name = cleaned.slice(0, maxName).trim();
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = `${cleaned.slice(0, maxName - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

// XML 1.0 allows tab, newline and carriage return but no other control characters.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const xmlText = (text: string): string =>
  text.replace(controls, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function sheetXml(sheet: Sheet): string {
  const bold = new Set(sheet.boldRows ?? []);
  const rows = sheet.rows.map((cells, r) => {
    const style = bold.has(r) ? ' s="1"' : '';
    const xml = cells.map((cell, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      return typeof cell === 'number' && Number.isFinite(cell)
        ? `<c r="${ref}"${style}><v>${cell}</v></c>`
        : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(cell))}</t></is></c>`;
    });
    return `<row r="${r + 1}">${xml.join('')}</row>`;
  });
  return `${head}<worksheet xmlns="${mainNs}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const styles = `${head}<styleSheet xmlns="${mainNs}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook's files; sheet names must already be valid and unique (see sheetNames). */
export function workbookFiles(sheets: readonly Sheet[]): { name: string; text: string }[] {
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join('');
  return [
    {
      name: '[Content_Types].xml',
      text: `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    },
    {
      name: '_rels/.rels',
      text: `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `${head}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', text: styles },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: sheetXml(s) })),
  ];
}

// 1.1.1980, the earliest time a zip can hold: the files carry no time of their own, and the same
// report then gives the same bytes.
const zipTime = new Date(1980, 0, 1);

export function workbook(sheets: readonly Sheet[]): Uint8Array {
  // Entries keep this order in the archive; [Content_Types].xml comes first, as Office writes it.
  const files: Zippable = {};
  for (const file of workbookFiles(sheets)) files[file.name] = strToU8(file.text);
  return zipSync(files, { level: 6, mtime: zipTime });
}
