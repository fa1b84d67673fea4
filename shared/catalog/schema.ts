// The catalog's contract: the shape of a program catalog edition (built-in, next year's, or an office's own funders).
// Every edition passes through parseCatalogEdition on load and on import, so the rest of the app sees only valid data.
import { z } from 'zod';

const yen = z.number().int().nonnegative().nullable();
const fiscalYear = z.number().int().min(1900).max(2200).nullable();
const slug = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9\-/]*$/, 'ids are lower-case kebab-case slugs');

/**
 * True when a name's source (`nameJaSource`, `nameEnSource`) marks it as ours (a translation, or a heading we gave a
 * block the document leaves unnamed) rather than printed in the document. Plain strings in the schema so editions
 * stored before the fields had these values still load; anything other than 'ours' reads as from the document.
 */
export function nameIsOurs(source: unknown): boolean {
  return source === 'ours';
}

/** What a per-year figure is: a cap (最大…), an approximate figure (…程度) or a fixed amount (as printed, no qualifier). */
export const AMOUNT_KINDS = ['maximum', 'about', 'flat'] as const;
export type AmountKind = (typeof AMOUNT_KINDS)[number];

/**
 * The filter value for "the document names no managing body" (stored as `managedBy: null`); a body may not be
 * called this, so the filter cannot confuse the two.
 */
export const MANAGED_BY_NOT_STATED = '(not stated)';

export const stageGateSchema = z.looseObject({
  /** The gate falls at the end of project year N; null = the document gives no year (「研究期間の途中」). */
  afterYear: z.number().int().min(1).max(20).nullable(),
  nameJa: z.string().max(200),
  nameEn: z.string().max(200),
  note: z.string().max(2000).nullable(),
});

export const trackSchema = z.looseObject({
  id: slug,
  nameJa: z.string().min(1).max(200),
  nameEn: z.string().max(200),
  durationYears: z.number().int().min(1).max(30).nullable(),
  /** The per-year figure the document prints for one project (the name is historical: see amountKind). */
  maxAnnualYen: yen,
  /** What maxAnnualYen is; null = not stated. Absent in editions made before the field existed, where it meant a cap. */
  amountKind: z.enum(AMOUNT_KINDS).nullable().optional(),
  /** 'ours' when the document prints no name for this block and nameJa is our heading (kept out of the name matcher). */
  nameJaSource: z.string().max(300).optional(),
  /** 'document' when the document prints nameEn, 'ours' for our translation (any other text is read as unknown). */
  nameEnSource: z.string().max(300).optional(),
  stageGates: z.array(stageGateSchema).max(20),
});

export const themeSchema = z.looseObject({
  id: slug,
  nameJa: z.string().min(1).max(200),
  nameEn: z.string().max(200),
  shortJa: z.string().max(40).optional(),
  shortEn: z.string().max(60).optional(),
});

export const programSchema = z.looseObject({
  id: slug,
  parentId: slug.nullable(),
  nameJa: z.string().min(1).max(300),
  nameEn: z.string().max(300),
  abbreviation: z.string().max(60).nullable(),
  /** Managing body as the document names it; null = the document names none (shown as 「記載なし」). */
  managedBy: z
    .string()
    .min(1)
    .max(60)
    .refine((v) => v !== MANAGED_BY_NOT_STATED, 'reserved value')
    .nullable(),
  division: z.string().max(200).nullable(),
  budgetYen: z.looseObject({
    request: yen,
    previous: yen,
    supplementary: yen,
    note: z.string().max(2000).nullable(),
  }),
  period: z.looseObject({ startFiscalYear: fiscalYear, endFiscalYear: fiscalYear }),
  researchPeriodYears: z.number().int().min(1).max(30).nullable(),
  tracks: z.array(trackSchema).max(50),
  summaryJa: z.string().max(5000),
  summaryEn: z.string().max(5000),
  /** Theme id from the edition's `themes`; null = none stated; absent = the parent's theme (sub-programs). */
  theme: slug.nullable().optional(),
  /** 'document' or 'ours' (our translation), as on tracks; absent = unknown, e.g. an office's own entry. */
  nameEnSource: z.string().max(300).optional(),
});

export const editionSchema = z.looseObject({
  id: slug,
  fiscalYear: z.number().int().min(1900).max(2200),
  titleJa: z.string().max(500),
  titleEn: z.string().max(500),
  source: z.string().max(1000),
  totals: z.looseObject({
    request: yen.optional(),
    previous: yen.optional(),
    supplementary: yen.optional(),
    amedRequest: yen.optional(),
    amedPrevious: yen.optional(),
  }),
  /** The headings the document groups its programs under (optional: older editions have none). */
  themes: z.array(themeSchema).max(50).optional(),
});

export const catalogEditionSchema = z.object({
  edition: editionSchema,
  programs: z.array(programSchema).max(5000),
});

export type StageGate = z.infer<typeof stageGateSchema>;
export type CatalogTheme = z.infer<typeof themeSchema>;
export type CatalogTrack = z.infer<typeof trackSchema>;
export type CatalogProgram = z.infer<typeof programSchema>;
export type CatalogEdition = z.infer<typeof catalogEditionSchema>;

export interface CatalogProblem {
  path: string;
  message: string;
}

export type CatalogParse = { ok: true; catalog: CatalogEdition } | { ok: false; problems: CatalogProblem[] };

/**
 * The customs gate for catalog editions: validates shape, then cross-references (unique program and track ids,
 * parents that exist, no cycles, start year not after end year). Returns typed data or every problem found.
 */
export function parseCatalogEdition(input: unknown): CatalogParse {
  const shaped = catalogEditionSchema.safeParse(input);
  if (!shaped.success) {
    return {
      ok: false,
      problems: shaped.error.issues.slice(0, 100).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    };
  }
  const catalog = shaped.data;
  const problems: CatalogProblem[] = [];
  const ids = new Set<string>();
  const trackIds = new Set<string>();
  catalog.programs.forEach((p, i) => {
    if (ids.has(p.id)) problems.push({ path: `programs.${i}.id`, message: `duplicate program id ${p.id}` });
    ids.add(p.id);
    p.tracks.forEach((t, j) => {
      if (trackIds.has(t.id)) problems.push({ path: `programs.${i}.tracks.${j}.id`, message: `duplicate track id ${t.id}` });
      trackIds.add(t.id);
    });
    const { startFiscalYear: s, endFiscalYear: e } = p.period;
    if (s !== null && e !== null && s > e) problems.push({ path: `programs.${i}.period`, message: 'start fiscal year after end fiscal year' });
  });
  const byId = new Map(catalog.programs.map((p) => [p.id, p]));
  catalog.programs.forEach((p, i) => {
    if (p.parentId !== null && !byId.has(p.parentId)) problems.push({ path: `programs.${i}.parentId`, message: `unknown parent ${p.parentId}` });
    // Walk up the parent chain; a chain longer than the catalog is a cycle.
    let cursor = p.parentId;
    for (let steps = 0; cursor !== null; steps++) {
      if (steps > catalog.programs.length) {
        problems.push({ path: `programs.${i}.parentId`, message: 'parent chain forms a cycle' });
        break;
      }
      cursor = byId.get(cursor)?.parentId ?? null;
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, catalog };
}
