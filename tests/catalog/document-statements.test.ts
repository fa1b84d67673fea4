// Checks that the built-in catalog says what the FY2025 document says and no more (issue 16): a field the document
// does not state is recorded as not stated, names the document does not print are marked as ours, and amounts carry
// the kind of figure printed. Expected values are hard-coded from the document (which is not read here); each block
// quotes the wording it rests on.
import { describe, expect, it } from 'vitest';
import catalogJson from '../../assets/catalog/mext-life-science-fy2025.json';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { createNameMatcher } from '../../shared/catalog/name-matcher';
import { formatGateTiming } from '../../shared/catalog/program-format';
import { createProgramFilter, themeResolver } from '../../shared/catalog/program-search';
import type { CatalogProgram, CatalogTrack } from '../../shared/catalog/schema';
import { generateStageGates } from '../../shared/portfolio/stage-gates';

/** Programs of a theme as the Programs screen filters them (inherited themes included). */
const inTheme = <T extends CatalogProgram>(list: readonly T[], theme: string): T[] => list.filter(createProgramFilter({ theme }, themeResolver(list)));

// The raw JSON, so a field that is missing (not just null after parsing) is caught too.
const raw = catalogJson as unknown as { edition: Record<string, unknown>; programs: (Record<string, unknown> & { id: string; tracks: Record<string, unknown>[] })[] };
const programs = BUILTIN_CATALOG.programs;
const MAN = 1_000_000;

function program(id: string): CatalogProgram {
  const p = programs.find((x) => x.id === id);
  if (!p) throw new Error(`program ${id} missing`);
  return p;
}
function track(id: string): CatalogTrack {
  for (const p of programs) {
    const t = p.tracks.find((x) => x.id === id);
    if (t) return t;
  }
  throw new Error(`track ${id} missing`);
}

describe('1. 医療機器等研究成果展開事業 開発実践タイプ: gate figures in narrowing order', () => {
  // 「毎年のステージゲート(SG)評価により、支援課題を絞り込み」 with 「SG：1年目の5割程度」「SG：1年目の8割程度」 printed beside
  // the two gates (after year 1 and year 2) without a key: the share of year-1 projects can only fall.
  const gates = track('medical-device-development/practical').stageGates;
  it('puts about 8割 after year 1 and about 5割 after year 2', () => {
    expect(gates.map((g) => g.afterYear)).toEqual([1, 2]);
    expect(gates[0]!.note).toMatch(/^SG：1年目の8割程度/);
    expect(gates[1]!.note).toMatch(/^SG：1年目の5割程度/);
  });
  it('says in each gate note that the document prints the figures without a key', () => {
    for (const g of gates) expect(g.note).toContain('凡例');
    expect((track('medical-device-development/practical') as Record<string, unknown>).note).toContain('凡例はなく');
  });
  it('carries the figures to generated milestones in that order', () => {
    const drafts = generateStageGates({ id: 'p', startDate: '2025-04-01' }, track('medical-device-development/practical'));
    expect(drafts.map((d) => [d.dueDate, d.notes.split('（')[0]])).toEqual([
      ['2026-03-31', 'SG：1年目の8割程度'],
      ['2027-03-31', 'SG：1年目の5割程度'],
    ]);
  });
});

describe('2. managing body: only where the document names one', () => {
  it('records no body (null, shown as 記載なし) where the document names none, never MEXT', () => {
    expect(programs.some((p) => p.managedBy === 'MEXT')).toBe(false);
    for (const id of ['advanced-medical-rd', 'brain-neuroscience-integrated', 'b-cure', 'binds', 'hfsp', 'sicorp', 'smart-bio-drug-discovery', 'grifin']) {
      expect(program(id).managedBy, id).toBeNull();
    }
    expect(programs.filter((p) => p.managedBy === null)).toHaveLength(39);
  });
  it('keeps the field present and explains every value, stated or not', () => {
    for (const p of raw.programs) {
      expect('managedBy' in p, p.id).toBe(true);
      expect(typeof p.managedByNote, p.id).toBe('string');
    }
  });
  // 「日本医療研究開発機構（AMED）を通じて」, 「企業・AMED他事業へ導出」, 「AMEDの管理経費等に充てる」; 「※理研運営費交付金推計額」
  it('keeps AMED and RIKEN where the wording supports them', () => {
    expect(programs.filter((p) => p.managedBy === 'AMED').map((p) => p.id).sort()).toEqual(
      ['amed-operating-grant', 'medical-device-development', 'medical-research-support', 'next-gen-cancer'],
    );
    expect(programs.filter((p) => p.managedBy === 'RIKEN').map((p) => p.id).sort()).toEqual(
      ['drug-medical-technology-platform', 'riken-bioresource-research', 'riken-life-course-research'],
    );
  });
  // 「大学共同利用機関法人情報・システム研究機構において、AIを用いた統合検索技術等のデータベース高度化のための技術開発等を推進」
  it('names the body the document names for the NLDP database work', () => {
    expect(program('nldp').managedBy).toBe('大学共同利用機関法人情報・システム研究機構');
    expect(program('nldp-db-integration-technology').managedBy).toBe('大学共同利用機関法人情報・システム研究機構');
  });
});

describe('3. per-project research period where printed', () => {
  // HFSP 「支援期間：3年間」; SICORP 「（5年間）」「（3年間）」; SATREPS 「×5年間」; ASPIRE 「×5年間」; NTDs 「×5年間」;
  // Interstellar 「（1年間）」; 脳神経科学統合プログラム 「研究期間：6年間」
  it.each([
    ['hfsp', 3], ['sicorp', 5], ['satreps', 5], ['aspire', 5], ['africa-ntds', 5], ['interstellar-initiative', 1], ['brain-neuroscience-integrated', 6],
  ] as const)('%s: %i years', (id, years) => {
    expect(program(id).researchPeriodYears).toBe(years);
  });
  it('leaves it unstated elsewhere', () => {
    expect(program('binds').researchPeriodYears).toBeNull();
    expect(program('medical-device-development').researchPeriodYears).toBeNull();
  });
});

describe('4. headings the document does not print are marked as ours and kept out of the matcher', () => {
  const ours = ['satreps/standard', 'africa-ntds/standard', 'aspire/tier-1', 'aspire/tier-2'];
  it('names them so they say they are ours', () => {
    for (const id of ours) {
      const t = track(id);
      expect(t.nameJa, id).toContain('文書上の名称なし');
      expect(t.nameEn, id).toContain('no name in the document');
      expect(t.nameJaSource, id).toBe('ours');
    }
    expect(programs.flatMap((p) => p.tracks).filter((t) => t.nameJaSource === 'ours').map((t) => t.id).sort()).toEqual([...ours].sort());
  });
  it('never matches a funder name to them', () => {
    const matcher = createNameMatcher(programs);
    for (const name of ['SATREPS 支援規模', 'SATREPS 標準', 'SATREPS 標準（文書上の名称なし）', 'ASPIRE ①', 'ASPIRE 支援額①（文書上の名称なし）']) {
      const result = matcher(name);
      expect(result.match?.programId, name).toBe(name.startsWith('SATREPS') ? 'satreps' : 'aspire');
      expect(result.match?.trackId, name).toBeNull();
    }
  });
});

describe('5. スマートバイオ創薬等研究支援事業: a gate with no fixed year on the tracks', () => {
  // 「研究課題について、研究期間の途中でステージゲート評価を実施」 (no year given)
  const research = ['smart-bio-drug-discovery/composite', 'smart-bio-drug-discovery/disease-application', 'smart-bio-drug-discovery/exploratory'];
  it('gives each research-project track one gate with no year, shown as 研究期間の途中', () => {
    for (const id of research) {
      const gates = track(id).stageGates;
      expect(gates, id).toHaveLength(1);
      expect(gates[0]!.afterYear, id).toBeNull();
      expect(formatGateTiming(gates[0]!, 'ja')).toBe('研究期間の途中');
      expect(gates[0]!.note).toContain('実施年次');
    }
    expect(track('smart-bio-drug-discovery/support-team').stageGates).toEqual([]);
  });
  it('drafts the gate only on the date the office sets for the project', () => {
    const t = track('smart-bio-drug-discovery/composite');
    expect(generateStageGates({ id: 'p', startDate: '2025-04-01' }, t)).toEqual([]);
    const drafts = generateStageGates({ id: 'p', startDate: '2025-04-01' }, t, { 0: '2026-09-30' });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: 'stage-gate', dueDate: '2026-09-30', title: 'ステージゲート評価（研究期間の途中）', origin: 'catalog' });
  });
});

describe('6. the kind of each per-year figure', () => {
  // SICORP 「コンソーシアム共同研究タイプ：30百万円／年・課題」 (no 最大), 「最大10百万円」「最大26百万円」; SATREPS 「最大32百万円」;
  // ASPIRE 「①最大1億円」「②最大3千万円」; NTDs 「40百万円程度」; Interstellar 「2百万円（1年間）」 (no 最大)
  it.each([
    ['sicorp/consortium', 30 * MAN, 'flat'],
    ['sicorp/core-team', 10 * MAN, 'maximum'],
    ['sicorp/japan-uk-africa-infectious', 26 * MAN, 'maximum'],
    ['satreps/standard', 32 * MAN, 'maximum'],
    ['aspire/tier-1', 100 * MAN, 'maximum'],
    ['aspire/tier-2', 30 * MAN, 'maximum'],
    ['africa-ntds/standard', 40 * MAN, 'about'],
    ['interstellar-initiative/standard', 2 * MAN, 'flat'],
  ] as const)('%s: %i yen, %s', (id, yen, kind) => {
    expect(track(id)).toMatchObject({ maxAnnualYen: yen, amountKind: kind });
  });
  it('states a kind for every figure, and none where there is no figure', () => {
    for (const p of raw.programs) {
      for (const t of p.tracks) {
        expect('amountKind' in t, String(t.id)).toBe(true);
        if (t.maxAnnualYen === null) expect(t.amountKind, String(t.id)).toBeNull();
        else expect(['maximum', 'about', 'flat'], String(t.id)).toContain(t.amountKind);
      }
    }
  });
});

describe('7. themes and the platform’s missing components', () => {
  // Overview headings: 医学研究・ライフサイエンス研究の研究力強化 / ライフ・コースに着目した研究開発 / 創薬力向上への貢献 /
  // 感染症有事を見据えた体制整備・研究開発 / ライフサイエンスを支える基盤整備・国際展開等
  it('defines the five themes in the overview’s order', () => {
    expect((BUILTIN_CATALOG.edition.themes ?? []).map((t) => [t.id, t.shortJa])).toEqual([
      ['research-capacity', '研究力強化'],
      ['life-course', 'ライフ・コース'],
      ['drug-discovery', '創薬力'],
      ['infectious-disease', '感染症'],
      ['infrastructure-international', '基盤・国際'],
    ]);
  });
  it('puts every top-level program under the heading it is listed under', () => {
    const top = (theme: string) => programs.filter((p) => p.parentId === null && p.theme === theme).map((p) => p.id).sort();
    expect(top('research-capacity')).toEqual(['advanced-medical-rd', 'medical-research-support']);
    expect(top('life-course')).toEqual(['b-cure', 'brain-neuroscience-integrated', 'next-gen-cancer', 'regenerative-cell-gene-therapy']);
    expect(top('drug-discovery')).toEqual(['binds', 'drug-medical-technology-platform', 'translational-research']);
    expect(top('infectious-disease')).toEqual(['emerging-infectious-disease-research-base']);
    expect(top('infrastructure-international')).toEqual([
      'hfsp', 'international-medical-rd-collaboration', 'life-science-research-infrastructure', 'medical-device-development',
      'riken-bioresource-research', 'riken-life-course-research', 'smart-bio-drug-discovery',
    ]);
    // 「※上記と合わせ、…AMEDの機能強化等に必要な経費を計上」 stands outside the five headings.
    expect(program('amed-operating-grant').theme).toBeNull();
    for (const p of raw.programs) if (p.parentId === null) expect('theme' in p, p.id).toBe(true);
  });
  it('lets sub-programs take their parent’s theme, so the filter finds them', () => {
    const themeOf = themeResolver(programs);
    expect(themeOf(program('grifin'))).toBe('life-course');
    expect(inTheme(programs, 'life-course').map((p) => p.id)).toContain('tohoku-medical-megabank');
  });
  // 「③ゲノム医療実現推進プラットフォーム … 先端ゲノム研究開発(GRIFIN) / ゲノム研究プラットフォーム利活用システム / 倫理的・法的・社会的側面に対する取組」
  it('lists all three components under ゲノム医療実現推進プラットフォーム, like GRIFIN', () => {
    const children = programs.filter((p) => p.parentId === 'genomic-medicine-platform');
    expect(children.map((p) => p.nameJa)).toEqual(['先端ゲノム研究開発', 'ゲノム研究プラットフォーム利活用システム', '倫理的・法的・社会的側面に対する取組']);
    for (const p of children) {
      expect(p.budgetYen, p.id).toMatchObject({ request: null, previous: null, supplementary: null });
      expect(p.period, p.id).toMatchObject({ startFiscalYear: null, endFiscalYear: null });
    }
  });
});

describe('8. English names: ours unless the document prints them', () => {
  it('marks B-cure and Interstellar Initiative as printed, every other name as our translation', () => {
    const printed = programs.filter((p) => p.nameEnSource === 'document').map((p) => p.id).sort();
    expect(printed).toEqual(['b-cure', 'interstellar-initiative']);
    for (const p of programs) expect(['document', 'ours'], p.id).toContain(p.nameEnSource);
    expect(program('b-cure').nameEn).toBe('Biobank - Construction and Utilization biobank for genomic medicine REalization');
    const tracks = programs.flatMap((p) => p.tracks);
    expect(tracks.filter((t) => t.nameEnSource === 'document').map((t) => t.id)).toEqual(['interstellar-initiative/standard']);
    for (const t of tracks) expect(['document', 'ours'], t.id).toContain(t.nameEnSource);
  });
});
