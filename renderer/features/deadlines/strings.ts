// Strings of the Deadlines screen.
export const deadlinesStrings = {
  ja: { title: '締切' },
  en: { title: 'Deadlines' },
};
