// Strings of the Timeline screen.
export const timelineStrings = {
  ja: { title: 'タイムライン' },
  en: { title: 'Timeline' },
};
