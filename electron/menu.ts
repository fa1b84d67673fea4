// The native menu in Japanese or English. The template is built by a pure function so its contents are unit-tested;
// menu items that act on data send a MenuCommand to the UI instead of doing the work in the main process.
import type { MenuCommand } from '../shared/api/desktop-api';

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

const LABELS = {
  ja: {
    file: 'ファイル', importExcel: 'Excelを取り込む…', export: 'エクスポート…', backup: 'バックアップ…', restore: 'バックアップから復元…', quit: '終了',
    edit: '編集', view: '表示', window: 'ウインドウ', help: 'ヘルプ', about: 'Grant Portfolio について', settings: '設定',
  },
  en: {
    file: 'File', importExcel: 'Import Excel…', export: 'Export…', backup: 'Backup…', restore: 'Restore from Backup…', quit: 'Quit',
    edit: 'Edit', view: 'View', window: 'Window', help: 'Help', about: 'About Grant Portfolio', settings: 'Settings',
  },
} as const;

export function buildMenuTemplate(lang: 'ja' | 'en', isMac: boolean): MenuItemSpec[] {
  const l = LABELS[lang];
  return [
    {
      label: l.file,
      submenu: [
        { label: l.importExcel, accelerator: 'CmdOrCtrl+I', command: 'import-excel' },
        { label: l.export, accelerator: 'CmdOrCtrl+E', command: 'export' },
        { type: 'separator' },
        { label: l.backup, command: 'backup' },
        { label: l.restore, command: 'restore' },
        { type: 'separator' },
        { label: l.settings, accelerator: 'CmdOrCtrl+,', command: 'navigate-settings' },
        { type: 'separator' },
        { label: l.quit, role: isMac ? 'quit' : 'quit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: l.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: l.help, submenu: [{ label: l.about, command: 'about' }] },
  ];
}
