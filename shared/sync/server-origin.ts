// The configured sync server as a Content-Security-Policy source: only that one origin is added to `connect-src`,
// for the browser build's policy and the Electron session's alike, and only for a URL that is safe to sync with.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The origin of a sync server URL, or null when it cannot be used (not http(s), credentials in it, http off-loopback). */
export function syncServerOrigin(url: string): string | null {
  // Parsed by hand: shared/ runs without DOM or Node types, so without the URL class.
  const m = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#]|$)/i.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const port = m[3] === undefined ? '' : String(Number(m[3]));
  if (port !== '' && (Number(port) < 1 || Number(port) > 65535)) return null;
  const defaultPort = scheme === 'https' ? '443' : '80';
  const origin = `${scheme}://${host}${port === '' || port === defaultPort ? '' : `:${port}`}`;
  if (scheme === 'https') return origin;
  return LOOPBACK.has(host) ? origin : null;
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
