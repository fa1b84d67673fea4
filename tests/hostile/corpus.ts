// The hostile-input corpus, built by the tests themselves: broken, deceptive and oversized files of every kind the app
// accepts (Excel workbooks, catalog editions, backups). Each entry says what a user must be told about it.
import { writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';
import { writeZip, writeZipStreaming } from './zip-writer';
import type { ZipEntry } from './zip-writer';

const enc = (s: string) => new TextEncoder().encode(s);

export const HEADERS: Cell[] = ['管理番号', '課題名', '研究代表者', '所属', '事業名', '研究開発期間', 'R7直接経費', 'R7間接経費'];

/** A well-formed office sheet, the base that the hostile variants distort. */
export function officeSheet(rows: Cell[][], headers: Cell[] = HEADERS): Uint8Array {
  return writeWorkbookBytes([{ name: '課題一覧', rows: [['令和7年度 AMED課題一覧'], ['（単位：千円）'], headers, ...rows] }]);
}

export const GOOD_ROW: Cell[] = ['H-001', '正常な課題', '山田 太郎', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 10_000, 3_000];

/** The package parts of a minimal xlsx around one sheet XML, for hand-made sheets SheetJS would never write. */
function xlsxParts(sheetXml: string | null): ZipEntry[] {
  const parts: ZipEntry[] = [
    { name: '[Content_Types].xml', data: enc('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: enc('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: enc('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: enc('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
  ];
  if (sheetXml !== null) parts.push({ name: 'xl/worksheets/sheet1.xml', data: enc(sheetXml) });
  return parts;
}

const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

function inlineRow(r: number, cells: (string | number)[]): string {
  const cols = cells.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  });
  return `<row r="${r}">${cols.join('')}</row>`;
}

/** A sheet whose used range claims every cell of the grid (A1:XFD1048576) but holds three rows. */
export function hugeUsedRange(): Uint8Array {
  const rows = [inlineRow(1, ['管理番号', '課題名', '研究代表者']), inlineRow(2, ['U-1', '広すぎる範囲', '山田']), inlineRow(3, ['U-2', '広すぎる範囲2', '佐藤'])];
  return writeZip(xlsxParts(`${SHEET_OPEN}<dimension ref="A1:XFD1048576"/><sheetData>${rows.join('')}</sheetData></worksheet>`));
}

/** A formula cell with a cached value, and text that a spreadsheet would run as a formula. */
export function formulaSheet(): Uint8Array {
  const row2 = `<row r="2"><c r="A2" t="inlineStr"><is><t>F-1</t></is></c><c r="B2" t="str"><f>HYPERLINK("http://evil.example","click")</f><v>click</v></c><c r="C2" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c><c r="D2"><f>1/0</f><v>12345</v></c></row>`;
  const row3 = inlineRow(3, ['F-2', '=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '@attack']);
  return writeZip(xlsxParts(`${SHEET_OPEN}<sheetData>${inlineRow(1, ['管理番号', '課題名', '研究代表者', '所属'])}${row2}${row3}</sheetData></worksheet>`));
}

/**
 * A zip bomb: a sheet that inflates to `gigabytes` GB of whitespace inside valid XML, about 2 MB on disk per GB.
 * Built by streaming, so the test never holds the inflated data.
 */
export async function zipBomb(gigabytes = 2): Promise<Uint8Array> {
  const parts = xlsxParts(null);
  const chunk = new Uint8Array(64 * 1024 * 1024).fill(0x20);
  const chunks = Math.round((gigabytes * 1024) / 64);
  return writeZipStreaming(parts, {
    name: 'xl/worksheets/sheet1.xml',
    *chunks() {
      yield enc(`${SHEET_OPEN}<sheetData>`);
      for (let i = 0; i < chunks; i++) yield chunk;
      yield enc('</sheetData></worksheet>');
    },
  });
}

export function truncatedXlsx(): Uint8Array {
  const whole = officeSheet([GOOD_ROW]);
  return whole.slice(0, Math.floor(whole.length / 2));
}

export function textRenamedXlsx(): Uint8Array {
  return enc('これはExcelファイルではありません。\n名前だけ .xlsx に変えたテキストです。\n');
}

export function emptyFile(): Uint8Array {
  return new Uint8Array();
}

export function prototypeHeaders(): Uint8Array {
  return officeSheet([['P-1', '見出しが危険な課題', '山田', 'x', 'y']], ['管理番号', '課題名', '研究代表者', '__proto__', 'constructor']);
}

export function longCells(): Uint8Array {
  // L-1's title is at the project rules' limit (2,000 characters) and is kept whole; L-2's 10,000-character title
  // passes it, so that row is refused with the rule's message, never cut short.
  return officeSheet([
    ['L-1', '長'.repeat(2_000), '山田', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1000, 300],
    ['L-2', '長'.repeat(10_000), '山田', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1000, 300],
  ]);
}

/** Rows that must each be an error: impossible dates, end before start, a negative amount, a duplicate ID. */
export function badValues(): Uint8Array {
  return officeSheet([
    ['D-1', '存在しない日付', '山田', '医学', 'BINDS', 'R7.2.30〜R9.3.31', 1000, 300],
    ['D-2', '令和0年', '山田', '医学', 'BINDS', '令和0年4月1日〜R9.3.31', 1000, 300],
    ['D-3', '13月', '山田', '医学', 'BINDS', '2025/13/1〜2027/3/31', 1000, 300],
    ['D-4', '終了が開始より前', '山田', '医学', 'BINDS', 'R9.4.1〜R7.3.31', 1000, 300],
    ['D-5', '負の金額', '山田', '医学', 'BINDS', 'R7.4.1〜R9.3.31', -1000, 300],
    ['D-6', '重複1', '山田', '医学', 'BINDS', 'R7.4.1〜R9.3.31', 1000, 300],
    ['D-6', '重複2', '山田', '医学', 'BINDS', 'R7.4.1〜R9.3.31', 1000, 300],
  ]);
}

export const WRONG_CATALOG = { edition: { id: 'x', fiscalYear: 'next year' }, programs: [{ id: 'UPPER CASE', nameJa: 42 }] };
