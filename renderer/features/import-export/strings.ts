// Strings of the Import/Export screen.
export const importExportStrings = {
  ja: { title: '取込・出力' },
  en: { title: 'Import/Export' },
};
