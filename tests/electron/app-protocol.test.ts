import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppPath } from '../../electron/app-protocol';

const root = path.resolve('/srv/app/renderer');

describe('app:// protocol', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://grant-portfolio/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://grant-portfolio/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
  });
  it('refuses traversal, other hosts and NUL bytes', () => {
    // The URL parser folds the dot segments first, so this stays inside the root.
    expect(resolveAppPath(root, 'app://grant-portfolio/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveAppPath(root, 'app://grant-portfolio/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://grant-portfolio/a%00b')).toBeNull();
    expect(resolveAppPath(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://grant-portfolio/%E0%A4%A')).toBeNull();
  });
  it('names content types', () => {
    expect(mimeTypeFor('x/index.html')).toMatch(/text\/html/);
    expect(mimeTypeFor('x/a.js')).toMatch(/javascript/);
    expect(mimeTypeFor('x/a.bin')).toBe('application/octet-stream');
  });
});
