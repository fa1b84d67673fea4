// The catalog's contract: the shape of a program catalog edition (built-in, next year's, or an office's own funders).
// Every edition passes through parseCatalogEdition on load and on import, so the rest of the app sees only valid data.
import { z } from 'zod';

const yen = z.number().int().nonnegative().nullable();
const fiscalYear = z.number().int().min(1900).max(2200).nullable();
const slug = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9\-/]*$/, 'ids are lower-case kebab-case slugs');

export const stageGateSchema = z.looseObject({
  afterYear: z.number().int().min(1).max(20),
  nameJa: z.string().max(200),
  nameEn: z.string().max(200),
  note: z.string().max(2000).nullable(),
});

export const trackSchema = z.looseObject({
  id: slug,
  nameJa: z.string().min(1).max(200),
  nameEn: z.string().max(200),
  durationYears: z.number().int().min(1).max(30).nullable(),
  maxAnnualYen: yen,
  stageGates: z.array(stageGateSchema).max(20),
});

export const programSchema = z.looseObject({
  id: slug,
  parentId: slug.nullable(),
  nameJa: z.string().min(1).max(300),
  nameEn: z.string().max(300),
  abbreviation: z.string().max(60).nullable(),
  managedBy: z.string().min(1).max(60),
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
});

export const catalogEditionSchema = z.object({
  edition: editionSchema,
  programs: z.array(programSchema).max(5000),
});

export type StageGate = z.infer<typeof stageGateSchema>;
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
