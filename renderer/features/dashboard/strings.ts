// Strings of the Dashboard screen.
export const dashboardStrings = {
  ja: { title: 'ダッシュボード' },
  en: { title: 'Dashboard' },
};
