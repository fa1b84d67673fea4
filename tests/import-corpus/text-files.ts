// CSV bytes as the sources write them: KAKEN's export (UTF-8 with BOM, every field quoted) and the same file saved
// again by Japanese Excel (CP932, no BOM, quotes only where needed, CRLF). CP932 is encoded with iconv-lite, not
// with the app's decoder, so the corpus does not share the code it tests.
import iconv from 'iconv-lite';

export interface CsvStyle {
  quoteAll: boolean;
  eol: '\n' | '\r\n';
}

function field(value: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[], style: CsvStyle): string {
  return rows.map((r) => r.map((v) => field(v, style.quoteAll)).join(',')).join(style.eol) + style.eol;
}

export function utf8Bytes(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Characters CP932 lacks, replaced the way Excel's "CSV (コンマ区切り)" save does: with '?'. */
export function excelCp932Text(text: string): string {
  return text.replace(/[\u2013\u2014]/g, '?');
}

/** CP932 bytes; throws when the text holds a character CP932 cannot encode (the corpus must say what it replaced). */
export function cp932Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
  if (iconv.decode(Buffer.from(bytes), 'cp932') !== text) throw new Error('text holds characters CP932 cannot encode');
  return bytes;
}
