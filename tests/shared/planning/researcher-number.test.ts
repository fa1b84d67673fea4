import { describe, expect, it } from 'vitest';
import { checkResearcherNumber, guessedCheckDigit, normalizeResearcherNumber } from '../../../shared/planning/researcher-number';

describe('researcher numbers (check digit is a documented guess)', () => {
  it('accepts the published example 90050426 under the guessed rule', () => {
    expect(guessedCheckDigit('90050426')).toBe(9);
    expect(checkResearcherNumber('90050426')).toEqual({ kind: 'ok', number: '90050426' });
  });
  it('computes the first digit from the other seven with weights 1,2,1,2,1,2,1', () => {
    // 0·1 + 1·2 + 2·1 + 3·2 + 4·1 + 5·2 + 6·1 = 30 → 0
    expect(guessedCheckDigit('00123456')).toBe(0);
    // 1·1 + 1·2 + 1·1 + 1·2 + 1·1 + 1·2 + 1·1 = 10 → 0; change one digit and the check moves
    expect(guessedCheckDigit('01111111')).toBe(0);
    expect(guessedCheckDigit('01111112')).toBe(1);
    expect(guessedCheckDigit('01111121')).toBe(2);
  });
  it('warns, never refuses, on a failing check digit or a malformed number, and keeps leading zeros as text', () => {
    const bad = checkResearcherNumber('10050426');
    expect(bad).toMatchObject({ kind: 'check-digit', number: '10050426', expected: 9 });
    expect(checkResearcherNumber('1234567')).toMatchObject({ kind: 'malformed', number: '1234567' });
    expect(checkResearcherNumber('  ')).toEqual({ kind: 'empty' });
    expect(normalizeResearcherNumber('００１２ ３４５６')).toBe('00123456');
    expect(checkResearcherNumber('００１２３４５６')).toEqual({ kind: 'ok', number: '00123456' });
  });
});
