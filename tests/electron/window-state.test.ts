import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, restoreWindowBounds, serializeWindowBounds } from '../../electron/window-state';
import { buildMenuTemplate } from '../../electron/menu';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('restores a saved window on a visible display', () => {
    const saved = serializeWindowBounds({ x: 100, y: 50, width: 1400, height: 900, maximized: false });
    expect(restoreWindowBounds(saved, [display])).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: false });
  });
  it('drops positions on vanished displays and repairs garbage', () => {
    const offscreen = serializeWindowBounds({ x: 3000, y: 50, width: 1400, height: 900 });
    expect(restoreWindowBounds(offscreen, [display]).x).toBeUndefined();
    expect(restoreWindowBounds('{oops', [display])).toEqual(DEFAULT_BOUNDS);
    expect(restoreWindowBounds(null, [display])).toEqual(DEFAULT_BOUNDS);
    expect(restoreWindowBounds('{"width":10,"height":10}', [display]).width).toBeGreaterThanOrEqual(800);
  });
});

describe('menu', () => {
  it('has File items in Japanese and English sending commands', () => {
    const ja = buildMenuTemplate('ja', false);
    const en = buildMenuTemplate('en', false);
    expect(ja.map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ウインドウ', 'ヘルプ']);
    expect(en[0]!.label).toBe('File');
    const commands = en[0]!.submenu!.map((i) => i.command).filter(Boolean);
    expect(commands).toEqual(['import-excel', 'export', 'backup', 'restore', 'navigate-settings']);
    expect(en[0]!.submenu!.some((i) => i.role === 'quit')).toBe(true);
  });
});
