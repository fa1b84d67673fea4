// The renderer build's choices that the start-up's timing depends on (docs/performance.md, session 20).
import { describe, expect, it } from 'vitest';
import { viteConfig } from '../vite.config';

describe('vite config: module preloads', () => {
  const preload = viteConfig.build?.modulePreload;
  const resolve = typeof preload === 'object' ? preload.resolveDependencies : undefined;

  it("keeps index.html's preloads of the entry's chunks", () => {
    expect(resolve?.('assets/index.js', ['assets/react-dom.js', 'assets/db.js'], { hostId: 'index.html', hostType: 'html' })).toEqual(['assets/react-dom.js', 'assets/db.js']);
  });

  it("announces no lazy chunk's scripts, only its stylesheets", () => {
    const deps = ['assets/SettingsScreen.js', 'assets/catalog.js', 'assets/screen.css'];
    expect(resolve?.('assets/SettingsScreen.js', deps, { hostId: 'assets/index.js', hostType: 'js' })).toEqual(['assets/screen.css']);
  });
});
