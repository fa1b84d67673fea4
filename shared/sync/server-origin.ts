// The configured sync server as a Content-Security-Policy source: only that one origin is added to `connect-src`,
// for the browser build's policy and the Electron session's alike, and only for a URL that is safe to sync with.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The origin of a sync server URL, or null when it cannot be used (not http(s), credentials in it, http off-loopback). */
export function syncServerOrigin(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  if (u.protocol === 'https:') return u.origin;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u.origin;
  return null;
}

/** The policy with the server's origin added to `connect-src` (added as the directive when the policy has none). */
export function withSyncServer(policy: string, serverUrl: string | null): string {
  const origin = serverUrl === null ? null : syncServerOrigin(serverUrl);
  if (!origin) return policy;
  const parts = policy.split(';').map((p) => p.trim()).filter(Boolean);
  const i = parts.findIndex((p) => p.split(/\s+/)[0] === 'connect-src');
  if (i === -1) parts.push(`connect-src 'self' ${origin}`);
  else if (!parts[i]!.split(/\s+/).includes(origin)) parts[i] = `${parts[i]} ${origin}`;
  return parts.join('; ');
}
