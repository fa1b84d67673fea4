// Generates the benchmark's data: a standard workbook of N projects with 2 fiscal years of budget lines and
// 2 milestones each, written through the app's own SheetJS module so it is exactly what an office would export.
import { BUILTIN_CATALOG } from '../shared/catalog/builtin';
import { writeWorkbookBytes } from '../shared/excel/sheetjs';
import type { Cell } from '../shared/excel/sheetjs';

const DEPARTMENTS = ['医学研究科', '薬学研究科', '工学研究科', '理学研究科', '農学研究科', '病院', '医科学研究所', '生命科学研究科'];
const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '健一', '美咲', '大輔', '由美', '翔', '直子'];
const TOPICS = ['脳神経回路', 'がん免疫', 'iPS細胞', 'ゲノム解析', '創薬基盤', '医療機器', '感染症', '再生医療', 'バイオバンク', 'AI診断'];

/** Deterministic pseudo-random numbers, so every run benchmarks the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GeneratedBook {
  bytes: Uint8Array;
  projects: number;
  budgetLines: number;
  milestones: number;
}

export function generateStandardWorkbook(count: number, seed = 42): GeneratedBook {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const programs = BUILTIN_CATALOG.programs.filter((p) => p.parentId === null);
  const projects: Cell[][] = [['Project ID', 'Title', 'PI', 'Department', 'Program ID', 'Program', 'Track', 'Start', 'End', 'Status', 'AMED No.', 'e-Rad No.', 'Notes']];
  const budgets: Cell[][] = [['Project ID', 'Fiscal Year', 'Direct (JPY)', 'Indirect (JPY)']];
  const milestones: Cell[][] = [['Project ID', 'Kind', 'Title', 'Due', 'Status', 'Done', 'Notes']];
  for (let i = 0; i < count; i++) {
    const code = `B-${String(i + 1).padStart(6, '0')}`;
    const program = pick(programs);
    const startYear = 2021 + Math.floor(rand() * 5);
    const years = 2 + Math.floor(rand() * 4);
    const start = `${startYear}-04-01`;
    const end = `${startYear + years}-03-31`;
    projects.push([
      code, `${pick(TOPICS)}に関する研究開発 ${i + 1}`, `${pick(FAMILY)} ${pick(GIVEN)}`, pick(DEPARTMENTS), program.id, program.nameJa, null,
      { kind: 'date', iso: start }, { kind: 'date', iso: end }, 'active', `JP${startYear % 100}am${String(i).padStart(7, '0')}`, String(20_000_000 + i), '',
    ]);
    for (let fy = startYear; fy < startYear + 2; fy++) {
      const direct = (5 + Math.floor(rand() * 95)) * 1_000_000;
      budgets.push([code, fy, direct, Math.floor(direct * 0.3)]);
    }
    milestones.push([code, 'interim-evaluation', '中間評価', { kind: 'date', iso: `${startYear + 1}-09-30` }, 'planned', null, '']);
    milestones.push([code, 'final-evaluation', '事後評価', { kind: 'date', iso: end }, 'planned', null, '']);
  }
  const yen = '#,##0';
  const bytes = writeWorkbookBytes([
    { name: 'Projects', rows: projects, colWidths: [12, 40, 16, 16, 24, 30, 20, 12, 12, 10, 18, 12, 20], freezeRows: 1 },
    { name: 'Budgets', rows: budgets, numFmts: { 2: yen, 3: yen }, colWidths: [12, 10, 16, 16], freezeRows: 1 },
    { name: 'Milestones', rows: milestones, colWidths: [12, 18, 20, 12, 12, 12, 20], freezeRows: 1 },
  ]);
  return { bytes, projects: count, budgetLines: budgets.length - 1, milestones: milestones.length - 1 };
}
