// The design document the setup script installs on the office's CouchDB database: its validate_doc_update is the
// server-side rule that nobody writes under a colleague's name and that audit entries, once written, stay as written.
// The function is kept as ES5 source text because CouchDB 3 evaluates it in its own JavaScript engine. Who may read and
// write at all is the database's _security object (members), which CouchDB checks before this function runs.

export const DESIGN_DOC_ID = '_design/grant-portfolio';

/** Bumped when the rules change, so the setup script knows to replace an older design document. */
export const DESIGN_DOC_VERSION = 1;

export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (oldDoc && oldDoc.type === 'audit') throw({ forbidden: 'Audit entries are never changed or deleted. / 操作履歴は変更・削除できません。' });
  if (newDoc.author !== userCtx.name) throw({ forbidden: 'The author must be the signed-in user. / 作成者はサインイン中のユーザーでなければなりません。' });
  if (typeof newDoc.type !== 'string') throw({ forbidden: 'Not a Grant Portfolio document. / Grant Portfolio の文書ではありません。' });
  if (newDoc.type === 'audit' && newDoc._deleted) throw({ forbidden: 'Audit entries are never changed or deleted. / 操作履歴は変更・削除できません。' });
}`;

export interface DesignDoc {
  _id: typeof DESIGN_DOC_ID;
  _rev?: string;
  version: number;
  validate_doc_update: string;
}

export function designDoc(): DesignDoc {
  return { _id: DESIGN_DOC_ID, version: DESIGN_DOC_VERSION, validate_doc_update: VALIDATE_DOC_UPDATE };
}

/** The `_security` object: the office's members may read and write; only server admins administer the database. */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export function securityObject(memberNames: readonly string[], memberRoles: readonly string[] = []): SecurityObject {
  const clean = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort();
  return { admins: { names: [], roles: [] }, members: { names: clean(memberNames), roles: clean(memberRoles) } };
}
