// Strings of the Reports screen.
export const reportsStrings = {
  ja: { title: 'レポート' },
  en: { title: 'Reports' },
};
