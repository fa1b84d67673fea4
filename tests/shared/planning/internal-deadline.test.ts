import { describe, expect, it } from 'vitest';
import { effectiveInternalDeadline, internalDeadline } from '../../../shared/planning/internal-deadline';

describe('internal deadline', () => {
  it('counts N working days back from the e-Rad deadline, over Golden Week', () => {
    // 2025-05-07 (Wed) − 5 working days: 5/2, 5/1, 4/30, 4/28, 4/25 (4/29 and 5/3–5/6 are holidays).
    expect(internalDeadline('2025-05-07', 5)).toBe('2025-04-25');
    expect(internalDeadline('2025-05-07', 1)).toBe('2025-05-02');
    expect(internalDeadline('2025-05-07', 0)).toBe('2025-05-07');
  });
  it('uses the closure option and refuses a negative or fractional N', () => {
    expect(internalDeadline('2026-01-05', 1)).toBe('2025-12-26');
    expect(internalDeadline('2026-01-05', 1, { closure: null })).toBe('2026-01-02');
    expect(() => internalDeadline('2026-01-05', -1)).toThrow();
    expect(() => internalDeadline('2026-01-05', 1.5)).toThrow();
  });
  it('prefers a deadline the office set by hand, and has none without an e-Rad deadline', () => {
    expect(effectiveInternalDeadline({ eradDeadline: '2025-05-07', internalDeadline: '2025-04-01' })).toBe('2025-04-01');
    expect(effectiveInternalDeadline({ eradDeadline: '2025-05-07', internalDeadline: null }, 2)).toBe('2025-05-01');
    expect(effectiveInternalDeadline({ eradDeadline: null, internalDeadline: null })).toBeNull();
  });
});
