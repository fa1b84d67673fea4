// Checks the built-in catalog against the figures printed in the source document:
// 文部科学省研究振興局ライフサイエンス課「ライフサイエンス分野における 令和6年度補正予算および 令和7年度当初予算の内容について」.
// Expected values are hard-coded from that document (the document itself is not read here).
import { describe, it, expect } from 'vitest';
import catalog from '../../assets/catalog/mext-life-science-fy2025.json';

interface StageGate {
  afterYear: number | null;
  nameJa: string;
  nameEn: string;
  note: string | null;
}
interface Track {
  id: string;
  nameJa: string;
  nameEn: string;
  durationYears: number | null;
  maxAnnualYen: number | null;
  amountKind?: 'maximum' | 'about' | 'flat' | null;
  amountNote?: string;
  stageGates: StageGate[];
}
interface Program {
  id: string;
  parentId: string | null;
  nameJa: string;
  nameEn: string;
  abbreviation: string | null;
  managedBy: string | null;
  division: string | null;
  budgetYen: { request: number | null; previous: number | null; supplementary: number | null; note: string | null };
  period: { startFiscalYear: number | null; endFiscalYear: number | null };
  researchPeriodYears: number | null;
  tracks: Track[];
  summaryJa: string;
  summaryEn: string;
}
interface Catalog {
  edition: {
    id: string;
    fiscalYear: number;
    titleJa: string;
    titleEn: string;
    source: string;
    totals: { request: number; previous: number; supplementary: number; amedRequest: number; amedPrevious: number };
  };
  programs: Program[];
}

const data = catalog as unknown as Catalog;
const OKU = 100_000_000; // 1億円
const MAN = 1_000_000; // 1百万円

function program(id: string): Program {
  const p = data.programs.find((x) => x.id === id);
  if (!p) throw new Error(`program ${id} missing`);
  return p;
}
function track(id: string): Track {
  for (const p of data.programs) {
    const t = p.tracks.find((x) => x.id === id);
    if (t) return t;
  }
  throw new Error(`track ${id} missing`);
}
function budget(id: string): [number | null, number | null, number | null] {
  const b = program(id).budgetYen;
  return [b.request, b.previous, b.supplementary];
}

describe('edition totals', () => {
  // Cover: 「令和7年度予算額（案） 850億円（前年度予算額 847億円）… （うちAMED予算額（案） 583億円（前年度予算額 581億円））」
  // and 「令和6年度補正予算額 181億円」
  it('matches the cover page', () => {
    expect(data.edition.fiscalYear).toBe(2025);
    expect(data.edition.totals.request).toBe(850 * OKU);
    expect(data.edition.totals.previous).toBe(847 * OKU);
    expect(data.edition.totals.supplementary).toBe(181 * OKU);
    expect(data.edition.totals.amedRequest).toBe(583 * OKU);
    expect(data.edition.totals.amedPrevious).toBe(581 * OKU);
    expect(data.edition.source).toContain('文部科学省研究振興局ライフサイエンス課');
  });
});

describe('program budgets [request, previous, supplementary]', () => {
  // Overview: 「医学系研究支援プログラム【令和6年度補正予算額 134億円】」 (no FY2025 request given)
  it('医学系研究支援プログラム', () => {
    expect(budget('medical-research-support')).toEqual([null, null, 134 * OKU]);
  });
  // Overview: 「革新的先端研究開発支援事業 110億円（110億円）」
  it('革新的先端研究開発支援事業', () => {
    expect(budget('advanced-medical-rd')).toEqual([110 * OKU, 110 * OKU, null]);
  });
  // Overview: 「脳神経科学統合プログラム 65億円（65億円）」
  it('脳神経科学統合プログラム', () => {
    expect(budget('brain-neuroscience-integrated')).toEqual([65 * OKU, 65 * OKU, null]);
  });
  // Page: 「令和7年度予算額（案） 92億円 （前年度予算額） 92億円 令和6年度補正予算額 21億円」
  it('再生・細胞医療・遺伝子治療実現加速化プログラム', () => {
    expect(budget('regenerative-cell-gene-therapy')).toEqual([92 * OKU, 92 * OKU, 21 * OKU]);
  });
  // Page: 「令和7年度予算額（案） 35億円（前年度予算額 35億円）」
  it('次世代がん医療加速化研究事業', () => {
    expect(budget('next-gen-cancer')).toEqual([35 * OKU, 35 * OKU, null]);
  });
  // Page: 「令和7年度予算額（案） 43億円 （前年度予算額） 43億円 令和6年度補正予算額 10億円」
  it('B-cure and its components', () => {
    expect(budget('b-cure')).toEqual([43 * OKU, 43 * OKU, 10 * OKU]);
    // 「①東北メディカル・メガバンク計画（TMM） 22億円（22億円）」「②ゲノム研究バイオバンク（BBJ） 5億円（5億円）」
    expect(budget('tohoku-medical-megabank')).toEqual([22 * OKU, 22 * OKU, null]);
    expect(budget('biobank-japan')).toEqual([5 * OKU, 5 * OKU, null]);
    // 「③ゲノム医療実現推進プラットフォーム 14億円※（14億円）」「④…ゲノム・オミックス解析 2億円（2億円）」
    expect(budget('genomic-medicine-platform')).toEqual([14 * OKU, 14 * OKU, null]);
    expect(budget('genome-omics-analysis')).toEqual([2 * OKU, 2 * OKU, null]);
  });
  // Overview: 「橋渡し研究プログラム 54億円（54億円）」; page: 「大学発医療系スタートアップ支援プログラム：152億円（5年間）」 (令和5年度補正・基金)
  it('橋渡し研究プログラム', () => {
    expect(budget('translational-research')).toEqual([54 * OKU, 54 * OKU, null]);
    expect(budget('university-medical-startup-support')).toEqual([null, null, null]);
  });
  // Page: 「令和7年度予算額（案） 36億円 （前年度予算額） 36億円） 令和6年度補正予算額 12億円」
  it('BINDS', () => {
    expect(budget('binds')).toEqual([36 * OKU, 36 * OKU, 12 * OKU]);
    expect(program('binds').abbreviation).toBe('BINDS');
  });
  // Overview: 「創薬・医療技術基盤プログラム（DMP） 11億円（10億円）※理研運営費交付金推計額」
  it('DMP (RIKEN)', () => {
    expect(budget('drug-medical-technology-platform')).toEqual([11 * OKU, 10 * OKU, null]);
    expect(program('drug-medical-technology-platform').managedBy).toBe('RIKEN');
  });
  // Page: 「令和7年度予算額（案） 22億円（前年度予算額 23億円）」
  it('新興・再興感染症研究基盤創生事業', () => {
    expect(budget('emerging-infectious-disease-research-base')).toEqual([22 * OKU, 23 * OKU, null]);
  });
  // Overview: 「ライフサイエンス研究基盤整備事業 16億円（13億円）【令和6年度補正予算額 3億円】」
  // Page: 「①中核的拠点整備プログラム（10.4億円）」「②情報センター整備プログラム（2.2億円）」「…基盤技術開発（2.6億円）」
  it('ライフサイエンス研究基盤整備事業', () => {
    expect(budget('life-science-research-infrastructure')).toEqual([16 * OKU, 13 * OKU, 3 * OKU]);
    expect(program('nbrp-core-centers').budgetYen.request).toBe(1_040_000_000);
    expect(program('nbrp-information-center').budgetYen.request).toBe(220_000_000);
    expect(program('nldp-db-integration-technology').budgetYen.request).toBe(260_000_000);
  });
  // Overview: 「バイオリソース研究事業 13億円の内数（13億円の内数）」「ライフコース研究の推進 90億円の内数（93億円の内数）」
  it('「〜の内数」 figures are not the program’s own', () => {
    expect(budget('riken-bioresource-research')).toEqual([null, null, null]);
    expect(program('riken-bioresource-research').budgetYen.note).toContain('13億円の内数');
    expect(budget('riken-life-course-research')).toEqual([null, null, null]);
    expect(program('riken-life-course-research').budgetYen.note).toContain('90億円の内数');
  });
  // Page: 「令和7年度予算額（案） 18億円 （前年度予算額） 18億円」
  it('HFSP', () => {
    expect(budget('hfsp')).toEqual([18 * OKU, 18 * OKU, null]);
  });
  // Page: 「9.2億円 9.2億円）」 (overview rounds to 9億円); SICORP 「3.3億円 (3.0億円)」; SATREPS 「3.2億円 (3.2億円)」;
  // NTDs 「0.4億円 (0.4億円)」; Interstellar 「0.7億円 (0.8億円)」; ASPIRE only 「(令和4年度第2次補正予算60.5億円)」
  it('医療分野国際科学技術共同研究開発推進事業 and its programs', () => {
    expect(budget('international-medical-rd-collaboration')).toEqual([920_000_000, 920_000_000, null]);
    expect(budget('sicorp')).toEqual([330_000_000, 300_000_000, null]);
    expect(budget('satreps')).toEqual([320_000_000, 320_000_000, null]);
    expect(budget('africa-ntds')).toEqual([40_000_000, 40_000_000, null]);
    expect(budget('interstellar-initiative')).toEqual([70_000_000, 80_000_000, null]);
    expect(budget('aspire')).toEqual([null, null, null]);
  });
  // Overview: 「スマートバイオ創薬等研究支援事業 15億円（15億円）」
  it('スマートバイオ創薬等研究支援事業', () => {
    expect(budget('smart-bio-drug-discovery')).toEqual([15 * OKU, 15 * OKU, null]);
  });
  // Page: 「令和7年度予算額（案） 11億円 （前年度予算額） 11億円」
  it('医療機器等研究成果展開事業', () => {
    expect(budget('medical-device-development')).toEqual([11 * OKU, 11 * OKU, null]);
  });
});

describe('periods (wareki → western fiscal year)', () => {
  const cases: [string, number | null, number | null, string][] = [
    ['binds', 2022, 2026, '令和4年度～令和8年度'],
    ['b-cure', 2021, 2025, '令和3年度～令和7年度'],
    ['brain-neuroscience-integrated', 2021, 2029, '令和3年度～令和11年度'],
    ['regenerative-cell-gene-therapy', 2023, 2027, '令和5年度～令和9年度'],
    ['next-gen-cancer', 2022, 2028, '令和4年度～令和10年度'],
    ['emerging-infectious-disease-research-base', 2020, 2026, '令和2年度～令和8年度'],
    ['smart-bio-drug-discovery', 2024, 2028, '令和6年度～令和10年度'],
    ['medical-device-development', 2022, 2029, '令和4年度～令和11年度'],
    ['medical-research-support', null, 2027, '～令和9年度'],
    ['advanced-medical-rd', 2014, null, '（事業期間：平成26年度～）'],
    ['translational-research', 2021, null, '令和3年度～'],
    ['hfsp', 1989, null, '（事業期間：平成元年度～）'],
    ['nbrp', 2022, 2026, '（事業期間：令和4～8年度）'],
    ['nldp', 2025, 2026, '（事業期間：令和7～8年度）'],
    ['sicorp', 2015, null, '開始年度：平成27年度'],
    ['interstellar-initiative', 2018, null, '開始年度：平成30年度'],
    ['aspire', 2022, null, '開始年度：令和4年度（第2次補正予算）'],
  ];
  it.each(cases)('%s runs %s–%s (%s)', (id, start, end) => {
    expect(program(id).period).toMatchObject({ startFiscalYear: start, endFiscalYear: end });
  });
  // 脳神経科学統合プログラム: 「研究期間：6年間」
  it('脳神経科学統合プログラム research period', () => {
    expect(program('brain-neuroscience-integrated').researchPeriodYears).toBe(6);
  });
});

describe('tracks and stage gates', () => {
  // 医療機器等研究成果展開事業: 「チャレンジタイプ … 1年」; 開発実践タイプ 「1年目 / 2年目 / 3年目」,
  // 「研究開発開始から1年目及び2年目経過時にステージゲート評価を実施」, 「SG：1年目の5割程度」「SG：1年目の8割程度」
  it('医療機器等研究成果展開事業', () => {
    expect(program('medical-device-development').tracks.map((t) => t.id)).toEqual([
      'medical-device-development/challenge',
      'medical-device-development/practical',
    ]);
    expect(track('medical-device-development/challenge')).toMatchObject({ nameJa: 'チャレンジタイプ', durationYears: 1 });
    const practical = track('medical-device-development/practical');
    expect(practical).toMatchObject({ nameJa: '開発実践タイプ', durationYears: 3 });
    expect(practical.stageGates.map((g) => g.afterYear)).toEqual([1, 2]);
    // Both printed figures are kept (their order is checked in document-statements.test.ts).
    expect(practical.stageGates.map((g) => (g as { printedJa?: string }).printedJa).sort()).toEqual(['SG：1年目の5割程度', 'SG：1年目の8割程度']);
  });
  // 次世代がん医療加速化研究事業: 「探索研究フェーズ」「応用研究フェーズ」 (no durations or amounts given)
  it('次世代がん医療加速化研究事業', () => {
    const tracks = program('next-gen-cancer').tracks;
    expect(tracks.map((t) => t.nameJa)).toEqual(['探索研究フェーズ', '応用研究フェーズ']);
    for (const t of tracks) {
      expect(t.durationYears).toBeNull();
      expect(t.maxAnnualYen).toBeNull();
    }
  });
  // SICORP: 「コンソーシアム共同研究タイプ：30百万円／年・課題（5年間）」「コアチーム共同研究タイプ：最大10百万円／年・課題（3年間）」
  // 「日英アフリカ感染症連携：最大26百万円／年・課題（5年間）」
  it('SICORP support types', () => {
    expect(track('sicorp/consortium')).toMatchObject({ durationYears: 5, maxAnnualYen: 30 * MAN });
    expect(track('sicorp/core-team')).toMatchObject({ durationYears: 3, maxAnnualYen: 10 * MAN });
    expect(track('sicorp/japan-uk-africa-infectious')).toMatchObject({ durationYears: 5, maxAnnualYen: 26 * MAN });
  });
  // SATREPS: 「支援額：最大32百万円／年×5年間」; NTDs: 「40百万円程度／年×5年間」;
  // ASPIRE: 「①最大1億円／年・課題×5年間 ②最大3千万円／年・課題×5年間」; Interstellar: 「2百万円（1年間）」
  it('other international programs', () => {
    expect(track('satreps/standard')).toMatchObject({ durationYears: 5, maxAnnualYen: 32 * MAN });
    expect(track('africa-ntds/standard')).toMatchObject({ durationYears: 5, maxAnnualYen: 40 * MAN });
    expect(track('africa-ntds/standard').amountNote).toContain('程度');
    expect(track('aspire/tier-1')).toMatchObject({ durationYears: 5, maxAnnualYen: OKU });
    expect(track('aspire/tier-2')).toMatchObject({ durationYears: 5, maxAnnualYen: 30 * MAN });
    expect(track('interstellar-initiative/standard')).toMatchObject({ durationYears: 1, maxAnnualYen: 2 * MAN });
  });
  // HFSP: 研究グラント・フェローシップ とも 「支援期間：3年間」 (amounts in US dollars, so no yen figure)
  it('HFSP tracks', () => {
    expect(track('hfsp/research-grant')).toMatchObject({ durationYears: 3, maxAnnualYen: null });
    expect(track('hfsp/fellowship')).toMatchObject({ durationYears: 3, maxAnnualYen: null });
  });
});

describe('agencies, abbreviations and divisions', () => {
  it('abbreviations given by the document', () => {
    expect(program('b-cure').abbreviation).toBe('B-cure');
    expect(program('sicorp').abbreviation).toBe('SICORP');
    expect(program('satreps').abbreviation).toBe('SATREPS');
    expect(program('hfsp').abbreviation).toBe('HFSP');
    expect(program('advanced-medical-rd').abbreviation).toBeNull();
  });
  // 「（担当：研究振興局研究振興戦略官付）」 on the 次世代がん, 新興・再興 and HFSP pages; 「（担当：研究振興局ライフサイエンス課）」 on BINDS
  it('担当', () => {
    expect(program('next-gen-cancer').division).toBe('研究振興局研究振興戦略官付');
    expect(program('hfsp').division).toBe('研究振興局研究振興戦略官付');
    expect(program('binds').division).toBe('研究振興局ライフサイエンス課');
    expect(program('medical-device-development').division).toBeNull();
  });
  // 「企業・AMED他事業へ導出」 (医療機器, 次世代がん); 「※理研運営費交付金推計額」 (DMP, バイオリソース, ライフコース)
  it('managedBy', () => {
    expect(program('medical-device-development').managedBy).toBe('AMED');
    expect(program('next-gen-cancer').managedBy).toBe('AMED');
    expect(program('riken-life-course-research').managedBy).toBe('RIKEN');
  });
});

describe('structural invariants', () => {
  const ids = data.programs.map((p) => p.id);

  it('program ids are unique kebab-case slugs', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every parentId resolves and there are no cycles', () => {
    const byId = new Map(data.programs.map((p) => [p.id, p]));
    for (const p of data.programs) {
      if (p.parentId !== null) expect(byId.has(p.parentId)).toBe(true);
      const seen = new Set<string>();
      let cur: Program | undefined = p;
      while (cur && cur.parentId !== null) {
        expect(seen.has(cur.id)).toBe(false);
        seen.add(cur.id);
        cur = byId.get(cur.parentId);
      }
    }
  });

  it('all amounts are integers or null', () => {
    const ok = (v: unknown) => v === null || Number.isSafeInteger(v);
    for (const v of Object.values(data.edition.totals)) if (typeof v !== 'string') expect(ok(v)).toBe(true);
    for (const p of data.programs) {
      const { request, previous, supplementary } = p.budgetYen;
      expect([request, previous, supplementary].every(ok), p.id).toBe(true);
      for (const t of p.tracks) expect(ok(t.maxAnnualYen), t.id).toBe(true);
    }
  });

  it('track ids are unique across the file and gates are well formed', () => {
    const trackIds = data.programs.flatMap((p) => p.tracks.map((t) => t.id));
    expect(new Set(trackIds).size).toBe(trackIds.length);
    for (const p of data.programs) {
      for (const t of p.tracks) {
        expect(t.id.startsWith(`${p.id}/`)).toBe(true);
        for (const g of t.stageGates) {
          if (g.afterYear === null) continue; // no fixed year (「研究期間の途中」)
          expect(Number.isInteger(g.afterYear)).toBe(true);
          if (t.durationYears !== null) expect(g.afterYear).toBeLessThan(t.durationYears);
        }
      }
    }
  });

  it('every program has both summaries and a body the document names, or none (null)', () => {
    for (const p of data.programs) {
      expect(p.summaryJa.length, p.id).toBeGreaterThan(0);
      expect(p.summaryEn.length, p.id).toBeGreaterThan(0);
      expect(['AMED', 'RIKEN', '大学共同利用機関法人情報・システム研究機構', null]).toContain(p.managedBy);
    }
  });
});
