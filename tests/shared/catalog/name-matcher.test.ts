// The name matcher against names as offices really write them: every program/track spelling must land on the right
// entry, and other funders' names must come back unmatched (a wrong mapping is worse than none).
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { MATCH_THRESHOLD, createNameMatcher, normalizeProgramName } from '../../../shared/catalog/name-matcher';
import type { CatalogProgram } from '../../../shared/catalog/schema';

const matcher = createNameMatcher(BUILTIN_CATALOG.programs);

describe('normalizeProgramName', () => {
  it('folds width and case, drops spaces, 中黒, brackets and dashes', () => {
    expect(normalizeProgramName('ＢＩＮＤＳ')).toBe('binds');
    expect(normalizeProgramName(' 生命科学・創薬 研究支援基盤事業（ＢＩＮＤＳ） ')).toBe('生命科学創薬研究支援基盤事業binds');
    expect(normalizeProgramName('B-cure')).toBe(normalizeProgramName('Ｂ－ｃｕｒｅ'));
    expect(normalizeProgramName('【再生】「細胞」［医療］')).toBe('再生細胞医療');
  });
  it('keeps the katakana prolonged sound mark', () => {
    expect(normalizeProgramName('ナショナルバイオリソースプロジェクト')).toContain('リソース');
    expect(normalizeProgramName('ﾅｼｮﾅﾙﾊﾞｲｵﾘｿｰｽ')).toBe('ナショナルバイオリソース');
  });
});

const shouldMatch: [string, string, string | null][] = [
  ['BINDS', 'binds', null],
  ['ＢＩＮＤＳ', 'binds', null],
  ['binds', 'binds', null],
  ['AMED-BINDS', 'binds', null],
  ['生命科学・創薬研究支援基盤事業（BINDS）', 'binds', null],
  ['生命科学・創薬 研究支援 基盤事業', 'binds', null],
  ['生命科学創薬研究支援基盤', 'binds', null],
  ['Basis for Supporting Innovative Drug Discovery and Life Science Research', 'binds', null],
  ['ゲノム医療実現バイオバンク利活用プログラム(B-cure)', 'b-cure', null],
  ['B-cure', 'b-cure', null],
  ['医療機器等研究成果展開事業（開発実践タイプ）', 'medical-device-development', 'medical-device-development/practical'],
  ['医療機器等研究成果展開事業 チャレンジタイプ', 'medical-device-development', 'medical-device-development/challenge'],
  ['令和7年度 医療機器等研究成果展開事業', 'medical-device-development', null],
  ['AMED 次世代がん医療加速化研究事業', 'next-gen-cancer', null],
  ['次世代がん医療加速化研究事業（応用研究フェーズ）', 'next-gen-cancer', 'next-gen-cancer/applied'],
  ['Project for Accelerating Next-Generation Cancer Medicine Research', 'next-gen-cancer', null],
  ['SICORP', 'sicorp', null],
  ['戦略的国際共同研究プログラム(SICORP) 日英アフリカ感染症連携', 'sicorp', 'sicorp/japan-uk-africa-infectious'],
  ['地球規模課題対応国際科学技術協力プログラム', 'satreps', null],
  ['SATREPS', 'satreps', null],
  ['ヒューマン・フロンティア・サイエンス・プログラム（フェローシップ）', 'hfsp', 'hfsp/fellowship'],
  ['HFSP 若手研究者グラント', 'hfsp', 'hfsp/research-grant'],
  ['東北メディカル・メガバンク計画', 'tohoku-medical-megabank', null],
  ['TMM', 'tohoku-medical-megabank', null],
  ['ナショナルバイオリソースプロジェクト', 'nbrp', null],
  ['NBRP', 'nbrp', null],
  ['橋渡し研究プログラム', 'translational-research', null],
  ['橋渡し研究支援プログラム', 'translational-research-support', null],
  ['革新的先端研究開発支援事業（AMED-CREST）', 'advanced-medical-rd', null],
  ['脳神経科学統合プログラム', 'brain-neuroscience-integrated', null],
  ['再生・細胞医療・遺伝子治療実現加速化プログラム', 'regenerative-cell-gene-therapy', null],
  ['先端国際共同研究推進プログラム', 'aspire', null],
  ['Interstellar Initiative', 'interstellar-initiative', null],
  ['スマートバイオ創薬等研究支援事業 萌芽的研究課題', 'smart-bio-drug-discovery', 'smart-bio-drug-discovery/exploratory'],
  ['新興・再興感染症研究基盤創生事業', 'emerging-infectious-disease-research-base', null],
  ['GRIFIN', 'grifin', null],
];

const shouldNotMatch = [
  '科研費 基盤研究(B)',
  '科研費 基盤研究（Ｓ）',
  '日本学術振興会 科学研究費助成事業',
  '科研費 国際共同研究加速基金',
  'JST さきがけ',
  'JST CREST',
  'JST 創発的研究支援事業',
  '民間財団助成',
  '武田科学振興財団 研究助成',
  '厚生労働科学研究費',
  '厚生労働科学研究費補助金',
  'AMED 難治性疾患実用化研究事業',
  'AMED 革新的がん医療実用化研究事業',
  'AMED 臨床研究・治験推進研究事業',
  'ムーンショット型研究開発事業',
  'NEDO 先導研究プログラム',
  '受託研究（企業）',
  '共同研究',
  '中核拠点',
  'AMED',
  'B',
  '',
];

describe('createNameMatcher', () => {
  it.each(shouldMatch)('maps %s to %s / %s', (name, programId, trackId) => {
    const result = matcher(name);
    expect(result.match).not.toBeNull();
    expect(result.match?.programId).toBe(programId);
    expect(result.match?.trackId).toBe(trackId);
    expect(result.match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.candidates[0]).toEqual(result.match);
  });

  it.each(shouldNotMatch)('leaves %s unmatched', (name) => {
    const result = matcher(name);
    expect(result.match).toBeNull();
    expect(result.candidates.length).toBeLessThanOrEqual(5);
    for (const c of result.candidates) expect(c.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('offers the closest candidates, best first, for a near miss', () => {
    const result = matcher('AMED 橋渡し研究戦略的推進プログラム');
    expect(result.match).toBeNull();
    expect(result.candidates[0]?.programId).toBe('translational-research');
    const scores = result.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(matcher('次世代がん').candidates[0]?.programId).toBe('next-gen-cancer');
  });

  it("matches an office's own funders once they are in the catalog", () => {
    const kakenhi: CatalogProgram = {
      id: 'office-kakenhi', parentId: null, nameJa: '科学研究費助成事業', nameEn: 'Grants-in-Aid for Scientific Research', abbreviation: '科研費',
      managedBy: 'JSPS', division: null, budgetYen: { request: null, previous: null, supplementary: null, note: null },
      period: { startFiscalYear: null, endFiscalYear: null }, researchPeriodYears: null, summaryJa: '', summaryEn: '',
      tracks: [{ id: 'office-kakenhi/kiban-b', nameJa: '基盤研究(B)', nameEn: 'Scientific Research (B)', durationYears: 5, maxAnnualYen: null, stageGates: [] }],
    };
    const withOffice = createNameMatcher([...BUILTIN_CATALOG.programs, kakenhi]);
    expect(withOffice('科研費 基盤研究(B)').match).toMatchObject({ programId: 'office-kakenhi', trackId: 'office-kakenhi/kiban-b' });
    expect(withOffice('BINDS').match?.programId).toBe('binds');
  });

  it('returns the same answer for repeated names (memoised) and answers many unknown names', () => {
    // Speed is measured by the benchmark, not here: a unit test on a loaded machine must not depend on the clock.
    const names = Array.from({ length: 2000 }, (_, i) => `課題名のない資金 ${i}`);
    for (const n of names) expect(matcher(n).match, n).toBeNull();
    expect(matcher('BINDS')).toBe(matcher('BINDS'));
  });
});
