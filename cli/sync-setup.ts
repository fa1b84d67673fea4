// `npm run sync:setup -- <server-url>`: prepares a fresh CouchDB 3 server for an office: the database, its _security
// object (the office's members) and the design document whose validate_doc_update guards authors and audit entries.
// Safe to run again: an existing database is kept, the members and the rules are brought up to date.
import { DESIGN_DOC_ID, designDoc, securityObject } from '../shared/sync/design-doc';

export const DEFAULT_DB_NAME = 'grant-portfolio';

export interface SyncSetupIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Asks for a value on the terminal (hidden for passwords); undefined when there is no terminal. */
  prompt?: (question: string, hidden: boolean) => Promise<string>;
  fetch: typeof fetch;
}

export interface SyncSetupOptions {
  serverUrl: string;
  dbName: string;
  members: string[];
  allowHttp: boolean;
}

const USAGE = `usage: npm run sync:setup -- <server-url> [--db NAME] [--member NAME ...] [--members-file FILE] [--allow-http]
  Admin credentials: COUCHDB_ADMIN_USER / COUCHDB_ADMIN_PASSWORD, or asked for on the terminal.
  使い方: 管理者の資格情報は環境変数 COUCHDB_ADMIN_USER / COUCHDB_ADMIN_PASSWORD で渡すか、端末で入力します。
`;

/** Parses the command line; a string is the reason it cannot be used. */
export function parseSetupArgs(argv: readonly string[], readFile: (path: string) => string): SyncSetupOptions | string {
  let serverUrl: string | undefined;
  let dbName = DEFAULT_DB_NAME;
  const members: string[] = [];
  let allowHttp = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value / ${arg} には値が必要です`);
      return v;
    };
    try {
      if (arg === '--db') dbName = value();
      else if (arg === '--member') members.push(value());
      else if (arg === '--members-file') members.push(...memberLines(readFile(value())));
      else if (arg === '--allow-http') allowHttp = true;
      else if (arg.startsWith('--')) return `Unknown option ${arg} / 不明なオプション ${arg}`;
      else if (serverUrl === undefined) serverUrl = arg;
      else return `Unexpected argument ${arg} / 余分な引数 ${arg}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!serverUrl) return 'The server URL is missing / サーバーの URL がありません';
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return `Not a URL: ${serverUrl} / URL ではありません: ${serverUrl}`;
  }
  if (url.username || url.password) return 'Put no credentials in the URL; use COUCHDB_ADMIN_USER / COUCHDB_ADMIN_PASSWORD / URL に資格情報を含めないでください';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The server URL must be https:// / サーバーの URL は https:// で始めてください';
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback && !allowHttp) {
    return 'Passwords would travel unencrypted: use https:// (or --allow-http on a trusted network) / 暗号化されない http:// は使えません。https:// を使ってください';
  }
  // CouchDB database names: lower case letter first, then lower case letters, digits and _$()+-/
  if (!/^[a-z][a-z0-9_$()+/-]{0,237}$/.test(dbName)) return `Not a valid CouchDB database name: ${dbName} / データベース名が不正です`;
  const bad = members.find((m) => !m.trim() || m.includes(':') || m.startsWith('_'));
  if (bad !== undefined) return `Not a valid CouchDB user name: "${bad}" / ユーザー名が不正です`;
  if (securityObject(members).members.names.length === 0) {
    return 'Name at least one member (--member or --members-file): a database without members is open to every user / メンバーを1人以上指定してください';
  }
  return { serverUrl: url.origin + url.pathname.replace(/\/+$/, ''), dbName, members, allowHttp };
}

/** A members file: one CouchDB user name a line; blank lines and lines starting with # are ignored. */
export function memberLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Runs the setup; returns the process exit code (0 done, 1 server refused, 2 usage). */
export async function runSyncSetup(argv: readonly string[], io: SyncSetupIo): Promise<number> {
  const opts = parseSetupArgs(argv, io.readFile);
  if (typeof opts === 'string') {
    io.stderr(`${opts}\n${USAGE}`);
    return 2;
  }
  const user = io.env.COUCHDB_ADMIN_USER ?? (await io.prompt?.('CouchDB admin user / 管理者ユーザー: ', false));
  const password = io.env.COUCHDB_ADMIN_PASSWORD ?? (await io.prompt?.('Password / パスワード: ', true));
  if (!user || !password) {
    io.stderr(`Admin credentials are missing / 管理者の資格情報がありません\n${USAGE}`);
    return 2;
  }
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const dbUrl = `${opts.serverUrl}/${encodeURIComponent(opts.dbName)}`;
  const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await io.fetch(url, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: res.status, json };
  };
  const fail = (what: string, r: { status: number; json: Record<string, unknown> }) => {
    io.stderr(`${what}: HTTP ${r.status} ${String(r.json.error ?? '')} ${String(r.json.reason ?? '')}\n`);
    return 1;
  };

  try {
    const session = await call('GET', `${opts.serverUrl}/_session`);
    const roles = ((session.json.userCtx as { roles?: string[] } | undefined)?.roles ?? []);
    if (session.status !== 200 || !roles.includes('_admin')) {
      return fail('These credentials are not a server admin / 管理者として認証できません', session);
    }
    const created = await call('PUT', dbUrl);
    if (created.status === 201 || created.status === 202) io.stdout(`Created database ${opts.dbName} / データベースを作成しました\n`);
    else if (created.status === 412) io.stdout(`Database ${opts.dbName} exists; keeping its data / 既存のデータベースを使います\n`);
    else return fail('Creating the database failed / データベースを作成できません', created);

    const security = securityObject(opts.members);
    const sec = await call('PUT', `${dbUrl}/_security`, security);
    if (sec.status !== 200) return fail('Setting the members failed / メンバーを設定できません', sec);
    io.stdout(`Members / メンバー: ${security.members.names.join(', ')}\n`);

    const existing = await call('GET', `${dbUrl}/${DESIGN_DOC_ID}`);
    const doc = designDoc();
    const put = await call('PUT', `${dbUrl}/${DESIGN_DOC_ID}`, existing.status === 200 ? { ...doc, _rev: existing.json._rev } : doc);
    if (put.status !== 201 && put.status !== 202) return fail('Installing the rules failed / 検証ルールを設定できません', put);
    io.stdout(`Installed ${DESIGN_DOC_ID} (version ${doc.version}) / 検証ルールを設定しました\n`);
    return 0;
  } catch (e) {
    io.stderr(`Cannot reach ${opts.serverUrl}: ${(e as Error).message} / サーバーに接続できません\n`);
    return 1;
  }
}
