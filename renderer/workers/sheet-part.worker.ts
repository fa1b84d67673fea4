// Writes one sheet as a workbook part (shared/excel/split-write.ts) for a Worker that writes the rest meanwhile: the
// reports workbook's big schedule is written here while the report Worker writes the risk list and the small sheets.
import { writeSheetPart } from '../../shared/excel/sheetjs';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import type { SheetPartApi } from './sheet-part';

const api: SheetPartApi = {
  part(spec, seed) {
    const bytes = writeSheetPart(spec, seed);
    return transferred(bytes, [bytes.buffer as ArrayBuffer]);
  },
  warm() {
    const rows = Array.from({ length: 300 }, (_, r) => [`W-${r}`, `見本 ${r} & <x>`, r * 1_000, r % 2 ? { kind: 'date' as const, iso: '2025-04-01' } : null]);
    writeSheetPart({ name: 'warm', rows, numFmts: { 2: '#,##0' }, freezeRows: 1 }, ['yyyy-mm-dd', '#,##0']);
  },
};

serveWorkerApi(api);
