import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';

describe('fold', () => {
  it('unifies full-width forms, case and spaces', () => {
    expect(fold('ＳＧ 評価')).toBe('sg評価');
    expect(fold(' Stage\u3000Gate ')).toBe('stagegate');
    expect(fold('ｽﾃｰｼﾞｹﾞｰﾄ')).toBe(fold('ステージゲート'));
  });

  it('keeps different words apart', () => {
    expect(fold('条件付通過')).not.toBe(fold('条件付き通過'));
    expect(fold('通過')).not.toBe(fold('不通過'));
  });
});
