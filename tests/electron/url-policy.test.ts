import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from '../../electron/url-policy';
import { isPermissionAllowed } from '../../electron/security';

describe('URL policy', () => {
  it('treats only the app origin (and the exact dev server) as the app', () => {
    expect(isAppUrl('app://grant-portfolio/index.html', null)).toBe(true);
    expect(isAppUrl('app://other/index.html', null)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', null)).toBe(false);
  });
  it('opens only https links to allowlisted hosts externally', () => {
    expect(isAllowedExternalUrl('https://www.amed.go.jp/program/')).toBe(true);
    expect(isAllowedExternalUrl('https://researchmap.jp/someone')).toBe(true);
    expect(isAllowedExternalUrl('http://www.amed.go.jp/')).toBe(false);
    expect(isAllowedExternalUrl('https://amed.go.jp.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.amed.go.jp/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.amed.go.jp:8443/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows')).toBe(false);
  });
  it('denies permissions by default', () => {
    const ours = (u: string) => isAppUrl(u, null);
    expect(isPermissionAllowed('notifications', 'app://grant-portfolio/', ours)).toBe(true);
    expect(isPermissionAllowed('media', 'app://grant-portfolio/', ours)).toBe(false);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', ours)).toBe(false);
  });
});
