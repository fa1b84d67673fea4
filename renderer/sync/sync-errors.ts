// What went wrong with sync, in words the user can act on (ja/en): PouchDB reports HTTP statuses and raw server
// reasons, which mean little to an office worker. The raw reason is kept at the end for IT.
import type { Bilingual } from '../../shared/domain/message';

interface PouchLikeError {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

/** One plain message for a failed sign-in, replication or write. */
export function describeSyncError(error: unknown): Bilingual {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as PouchLikeError;
  const raw = [e.reason, e.message].find((t) => typeof t === 'string' && t !== '') ?? '';
  const detail = raw ? ` (${raw})` : '';
  if (e.status === 401 && /name or password/i.test(raw)) {
    return { ja: `ユーザー名またはパスワードが違います。${detail}`, en: `The user name or password is wrong.${detail}` };
  }
  if (e.status === 401 || e.status === 403) {
    return {
      ja: `このユーザーは事務所のデータベースのメンバーではないため、読み書きできません。IT担当者にメンバーへの追加を依頼してください。${detail}`,
      en: `This user is not a member of the office's database, so it can neither read nor write. Ask IT to add you as a member.${detail}`,
    };
  }
  if (e.status === 404) {
    return { ja: `サーバーに事務所のデータベースがありません。URL を確認してください。${detail}`, en: `The office's database is not on the server. Check the URL.${detail}` };
  }
  if (e.status === undefined || e.status === 0 || /fetch|network/i.test(raw)) {
    return { ja: `サーバーに接続できません。ネットワークと URL を確認してください（オフラインでも作業は続けられます）。${detail}`, en: `Cannot reach the server. Check the network and the URL (you can keep working offline).${detail}` };
  }
  return { ja: `同期に失敗しました。${detail}`, en: `Sync failed.${detail}` };
}

/**
 * The server's rules (validate_doc_update) refused one document: written under another user's name, a changed audit
 * entry. Replication goes on past it (no retry loop); the change stays on this desktop and is named for IT.
 */
export function describeRefusedDocument(docId: string, reason: string): Bilingual {
  const detail = ` (${[docId, reason].filter((t) => t !== '').join(': ')})`;
  return {
    ja: `サーバーがこの変更を受け付けませんでした（別のユーザーの名前での書き込みや監査記録の変更は拒否されます）。変更はこのコンピューターには残っています。IT担当者に連絡してください。${detail}`,
    en: `The server refused this change (writing under another user's name or changing an audit entry is refused). The change stays on this desktop. Contact IT.${detail}`,
  };
}

/** The server URL cannot be used: not http(s), credentials in it, or http to another computer. */
export const UNUSABLE_URL: Bilingual = {
  ja: 'このURLは使えません。https:// で始まるサーバーのURL（データベース名まで、ユーザー名やパスワードは含めない）を入力してください。',
  en: 'This URL cannot be used. Enter the server’s https:// URL including the database name, without a user name or password in it.',
};
