// Strings of the Programs screen.
export const programsStrings = {
  ja: { title: '事業カタログ' },
  en: { title: 'Programs' },
};
