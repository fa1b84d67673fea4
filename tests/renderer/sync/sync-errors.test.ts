import { describe, expect, it } from 'vitest';
import { describeRefusedDocument, describeSyncError } from '../../../renderer/sync/sync-errors';

describe('sync error messages', () => {
  it('a document refused by the server rules names the document and the rule, not membership', () => {
    const m = describeRefusedDocument('project:p9', 'author must be the signed-in user');
    expect(m.en).toContain('project:p9: author must be the signed-in user');
    expect(m.ja).toContain('project:p9');
    expect(m.en).toMatch(/refused/);
    expect(m.en).not.toMatch(/member/);
    expect(m.ja).not.toBe(m.en);
  });
  it('a refused sign-in stays a membership or password message', () => {
    expect(describeSyncError({ status: 401, reason: 'Name or password is incorrect.' }).en).toMatch(/password is wrong/);
    expect(describeSyncError({ status: 403, reason: 'forbidden' }).en).toMatch(/not a member/);
  });
});
