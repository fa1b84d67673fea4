// Strings of the Projects screen.
export const projectsStrings = {
  ja: { title: '課題一覧' },
  en: { title: 'Projects' },
};
