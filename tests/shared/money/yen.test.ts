import { describe, expect, it } from 'vitest';
import { defaultIndirect, formatYen, parseYenText, yenChange } from '../../../shared/money/yen';

describe('yen', () => {
  it('formats in each unit', () => {
    expect(formatYen(3_600_000_000, 'oku', 'ja')).toBe('36億円');
    expect(formatYen(1_234_567, 'thousand', 'ja')).toBe('1,235千円');
    expect(formatYen(1_250_000, 'million', 'en')).toBe('1.3 M JPY');
    expect(formatYen(12_345, 'yen', 'ja')).toBe('12,345円');
    expect(formatYen(null, 'yen', 'ja')).toBe('—');
  });
  it('computes change and the default indirect rate', () => {
    expect(yenChange(110, 100)).toEqual({ delta: 10, percent: 10 });
    expect(yenChange(null, 100)).toBeNull();
    expect(defaultIndirect(1_000_001)).toBe(300_000);
  });
});

describe('parseYenText', () => {
  it('reads amounts written with their own units, whatever the sheet unit', () => {
    expect(parseYenText('36億', 1000)).toEqual({ kind: 'yen', yen: 3_600_000_000 });
    expect(parseYenText('1億2000万', 1)).toEqual({ kind: 'yen', yen: 120_000_000 });
    expect(parseYenText('1億2,000万円', 1)).toEqual({ kind: 'yen', yen: 120_000_000 });
    expect(parseYenText('1.2億', 1)).toEqual({ kind: 'yen', yen: 120_000_000 });
    expect(parseYenText('500万', 1000)).toEqual({ kind: 'yen', yen: 5_000_000 });
    expect(parseYenText('1200千円', 1)).toEqual({ kind: 'yen', yen: 1_200_000 });
    expect(parseYenText('2万500', 1)).toEqual({ kind: 'yen', yen: 20_500 });
    expect(parseYenText('▲300万', 1)).toEqual({ kind: 'negative', yen: -3_000_000 });
    expect(parseYenText('三十六億', 1)).toEqual({ kind: 'invalid' });
    expect(parseYenText('36億X', 1)).toEqual({ kind: 'invalid' });
  });
  it('reads every way an amount is written: a dash states 0, a missing figure is never 0', () => {
    expect(parseYenText('１５，０００', 1000)).toEqual({ kind: 'yen', yen: 15_000_000 });
    expect(parseYenText('￥1,000', 1)).toEqual({ kind: 'yen', yen: 1000 });
    expect(parseYenText('10,000,000円※1', 1000)).toEqual({ kind: 'yen', yen: 10_000_000 });
    expect(parseYenText('3万円', 1)).toEqual({ kind: 'yen', yen: 30_000 });
    expect(parseYenText('▲1,000', 1)).toEqual({ kind: 'negative', yen: -1000 });
    expect(parseYenText('△500千円', 1)).toEqual({ kind: 'negative', yen: -500_000 });
    for (const t of ['未定', '未確定', 'TBD', '']) expect(parseYenText(t, 1).kind).toBe('none');
    for (const t of ['－', '―', '-', 'ー', ' － ']) expect(parseYenText(t, 1000)).toEqual({ kind: 'yen', yen: 0 });
    expect(parseYenText('約100', 1)).toEqual({ kind: 'invalid' });
  });
});
