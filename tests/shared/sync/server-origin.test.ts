// The sync server's origin in the Content-Security-Policy: https anywhere, http only on loopback, never credentials,
// and only that origin added to connect-src.
import { describe, expect, it } from 'vitest';
import { syncServerOrigin, withSyncServer } from '../../../shared/sync/server-origin';

const POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'";

describe('syncServerOrigin', () => {
  it('accepts https and loopback http, nothing else', () => {
    expect(syncServerOrigin('https://couch.example.ac.jp:6984/grant-portfolio')).toBe('https://couch.example.ac.jp:6984');
    expect(syncServerOrigin('http://127.0.0.1:5984/db')).toBe('http://127.0.0.1:5984');
    expect(syncServerOrigin('http://couch.example.ac.jp/db')).toBeNull();
    expect(syncServerOrigin('https://u:p@couch.example.ac.jp/db')).toBeNull();
    expect(syncServerOrigin('javascript:alert(1)')).toBeNull();
    expect(syncServerOrigin('not a url')).toBeNull();
    expect(syncServerOrigin('HTTPS://Couch.Example.ac.jp:443/db')).toBe('https://couch.example.ac.jp');
    expect(syncServerOrigin('http://[::1]:5984/')).toBe('http://[::1]:5984');
    expect(syncServerOrigin('https://couch.example.ac.jp:99999/')).toBeNull();
    expect(syncServerOrigin('https://couch.example.ac.jp@evil.example/')).toBeNull();
  });
});

describe('withSyncServer', () => {
  it('adds the one origin to connect-src and leaves the rest', () => {
    expect(withSyncServer(POLICY, 'https://couch.example.ac.jp/grant-portfolio')).toBe(
      "default-src 'self'; script-src 'self'; connect-src 'self' https://couch.example.ac.jp; object-src 'none'",
    );
  });
  it('is unchanged with no server, an unusable one, or one already there', () => {
    expect(withSyncServer(POLICY, null)).toBe(POLICY);
    expect(withSyncServer(POLICY, 'http://couch.example.ac.jp')).toBe(POLICY);
    const once = withSyncServer(POLICY, 'https://a.example');
    expect(withSyncServer(once, 'https://a.example/other-db')).toBe(once);
  });
  it('adds connect-src when the policy has none', () => {
    expect(withSyncServer("default-src 'self'", 'https://a.example')).toBe("default-src 'self'; connect-src 'self' https://a.example");
  });
});
