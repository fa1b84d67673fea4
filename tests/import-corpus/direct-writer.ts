// Tests-only workbook writer for what `shared/excel/sheetjs.ts`'s writer cannot express: hidden columns (offices hide
// an old-number or memo column instead of deleting it), the old Excel 97-2003 format (.xls) many ledgers are still
// kept in, and LibreOffice's .ods. Tests may import SheetJS directly; the app may not.
import * as XLSX from 'xlsx';
import { isoToSerial } from '../../shared/excel/excel-serial';
import type { SheetSpec } from '../../shared/excel/sheetjs';

export interface DirectSheet extends SheetSpec {
  /** 0-based indexes of hidden columns (kept in xlsx only: SheetJS writes no column flags to .xls). */
  hiddenColumns?: number[];
}

/** Workbook bytes: 'xlsx', 'biff8' for an Excel 97-2003 .xls file, or 'ods' as LibreOffice Calc saves it. */
export function writeWorkbookDirect(sheets: readonly DirectSheet[], bookType: 'xlsx' | 'biff8' | 'ods' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const data: XLSX.CellObject[][] = spec.rows.map((row) =>
      row.map((cell, c): XLSX.CellObject => {
        const z = spec.numFmts?.[c];
        if (cell === null) return { t: 'z' };
        if (typeof cell === 'string') return { t: 's', v: cell };
        if (typeof cell === 'boolean') return { t: 'b', v: cell };
        if (typeof cell === 'number') return z ? { t: 'n', v: cell, z } : { t: 'n', v: cell };
        return { t: 'n', v: isoToSerial(cell.iso), z: z ?? 'yyyy/m/d' };
      }),
    );
    const width = data.reduce((w, r) => Math.max(w, r.length), 0);
    const ws: XLSX.WorkSheet = { '!data': data, '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: width - 1 } }) };
    ws['!cols'] = Array.from({ length: width }, (_, c) => ({ wch: spec.colWidths?.[c] ?? 12, hidden: spec.hiddenColumns?.includes(c) ?? false }));
    if (spec.merges?.length) ws['!merges'] = spec.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}
