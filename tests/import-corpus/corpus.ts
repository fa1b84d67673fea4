// Every corpus layout, in the order the script reports them. Add a layout here and every runner picks it up.
import type { CorpusLayout } from './layout';
import { amedAwardTable, amedPeriodColumns, amedVariantHeaders } from './layouts/amed';
import { amedLedgerIds } from './layouts/amed-ledger-ids';
import { confusables } from './layouts/confusables';
import { jstList } from './layouts/jst';
import { kakenCp932, kakenIssue, kakenUtf8 } from './layouts/kaken';
import { kakenhiOds } from './layouts/kakenhi-ods';
import { ledgerCsvCp932 } from './layouts/ledger-csv-cp932';
import { ledgerEraDateCells } from './layouts/ledger-era-date-cells';
import { ledgerFiscalYearGroups } from './layouts/ledger-fiscal-year-groups';
import { ledgerFunderSections } from './layouts/ledger-funder-sections';
import { ledgerMembers } from './layouts/ledger-members';
import { ledgerMergedHeader } from './layouts/ledger-merged-header';
import { ledgerNoId } from './layouts/ledger-no-id';
import { ledgerPerYearSheets } from './layouts/ledger-per-year-sheets';
import { ledgerTextForms } from './layouts/ledger-text-forms';
import { ledgerTypeSections } from './layouts/ledger-type-sections';
import { ledgerXlsManYen } from './layouts/ledger-xls-man-yen';

export const CORPUS: readonly CorpusLayout[] = [
  kakenUtf8,
  kakenCp932,
  amedAwardTable,
  amedVariantHeaders,
  jstList,
  ledgerFiscalYearGroups,
  ledgerPerYearSheets,
  ledgerTextForms,
  ledgerEraDateCells,
  ledgerFunderSections,
  ledgerNoId,
  ledgerCsvCp932,
  ledgerXlsManYen,
  amedLedgerIds,
  ledgerTypeSections,
  kakenhiOds,
  confusables,
  // The three files of issue 13.
  amedPeriodColumns,
  ledgerMergedHeader,
  kakenIssue,
  // Issue 17: people, researcher numbers and effort.
  ledgerMembers,
];
