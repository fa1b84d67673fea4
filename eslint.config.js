// Lint rules, including the layer rules that keep shared/ pure and renderer/ away from Electron.
// The import bans here are the enforced form of docs/architecture.md; change both together.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const sheetjsOwner = 'shared/excel/sheetjs.ts';
const dexieOwner = 'renderer/store/db.ts';
const pouchOwner = 'renderer/sync/**';

const noSheetjs = { name: 'xlsx', message: `Only ${sheetjsOwner} may import SheetJS.` };
const noDexie = [
  { name: 'dexie', message: `Only ${dexieOwner} may import Dexie.` },
];
/** PouchDB (and its plugins) belong to the sync module; tests may build their own replicas and the stand-in server. */
const noPouch = { group: ['pouchdb', 'pouchdb-*', 'express-pouchdb'], message: `Only ${pouchOwner} may import PouchDB.` };

/** shared/ is pure: no Electron, React, Dexie, Node built-ins, DOM, nor the other layers (nor SheetJS, but in its owner). */
function sharedImportBans(banSheetjs) {
  return {
    paths: [
      { name: 'electron', message: 'shared/ is pure: no Electron.' },
      { name: 'react', message: 'shared/ is pure: no React.' },
      { name: 'react-dom', message: 'shared/ is pure: no React.' },
      { name: 'dexie', message: 'shared/ is pure: no Dexie.' },
      ...(banSheetjs ? [noSheetjs] : []),
    ],
    patterns: [
      { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ is pure: no Node built-ins.' },
      { group: ['**/electron/**', '**/renderer/**', 'electron/*', 'renderer/*'], message: 'shared/ may not import electron/ or renderer/.' },
      { group: ['dexie-*', 'react-*', ...(banSheetjs ? ['xlsx/*'] : [])], message: 'shared/ is pure.' },
      noPouch,
    ],
  };
}

/** renderer/ never imports Electron, Dexie (but in its owner) or SheetJS. */
const rendererBase = {
  paths: [{ name: 'electron', message: 'renderer/ never imports Electron; use the DesktopApi.' }, ...noDexie, noSheetjs],
  patterns: [
    { group: ['**/electron/**', 'electron/*'], message: 'renderer/ never imports electron/.' },
    { group: ['xlsx/*'], message: `Only ${sheetjsOwner} may import SheetJS.` },
  ],
};
/** …nor PouchDB, but in the sync module. */
const rendererBans = { paths: rendererBase.paths, patterns: [...rendererBase.patterns, noPouch] };

/**
 * Features read and write through the store's named functions and hooks (renderer/store/), never its Dexie tables
 * nor live queries of their own, and never another feature: what two features share goes to renderer/components/
 * (widgets), renderer/store/ (data) or renderer/i18n/ (language).
 */
const featureBans = {
  paths: [...rendererBans.paths, { name: 'dexie-react-hooks', message: 'Live queries live in renderer/store/ (a named hook per use).' }],
  patterns: [
    ...rendererBans.patterns,
    { group: ['**/store/db', '**/store/db.ts'], message: `Features read through renderer/store/ query functions, never ${dexieOwner} (its tables).` },
    { regex: String.raw`^\.\./[^./][^/]*/|(^|/)features/`, message: 'A feature may not import another feature; move what both need to renderer/components/ or renderer/store/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'bench/data/**', 'bench/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedImportBans(false)],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'self'],
    },
  },
  {
    // Everything in shared/ except the SheetJS chokepoint is also barred from SheetJS.
    files: ['shared/**/*.ts'],
    ignores: [sheetjsOwner],
    rules: { 'no-restricted-imports': ['error', sharedImportBans(true)] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [dexieOwner],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererBans],
    },
  },
  {
    // The sync module owns PouchDB: the same rules as the rest of renderer/, without the PouchDB ban.
    files: [pouchOwner],
    rules: {
      'no-restricted-imports': ['error', rendererBase],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    // The export Worker opens the database itself; its owner (the import/export Workers' client) moves that read.
    ignores: ['renderer/features/import-export/export.worker.ts'],
    rules: { 'no-restricted-imports': ['error', featureBans] },
  },
  {
    files: [dexieOwner],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'renderer/ never imports Electron.' }, noSheetjs],
        patterns: [{ group: ['**/electron/**'], message: 'renderer/ never imports electron/.' }, noPouch],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'react', message: 'The main process has no React.' }, ...noDexie, noSheetjs],
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/.' }, noPouch],
      }],
    },
  },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'tests/**/*.{ts,tsx,mjs}', 'bench/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The CLI runs in plain Node.' }, ...noDexie, noSheetjs],
        patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'The CLI builds on shared/ only.' }, noPouch],
      }],
    },
  },
  {
    files: ['*.config.{js,ts}', 'tests/**/*.{ts,tsx,mjs}', 'scripts/**/*.{js,mjs}', 'renderer/sync/pouchdb-modules.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
