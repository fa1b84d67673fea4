// Strings of the Timeline screen.
export const timelineStrings = {
  ja: {
    title: 'タイムライン', zoom: '表示単位', years: '年度', months: '月', programPeriod: '事業期間', unmapped: 'カタログ外の制度',
    projects: '{{count}} 課題', none: '表示する課題はありません（開始日・終了日のある課題が表示されます）。', today: '今日',
    showArchived: 'アーカイブを表示', legend: '凡例', milestone: 'マイルストーン', done: '完了・通過', project: '課題期間',
  },
  en: {
    title: 'Timeline', zoom: 'Zoom', years: 'Years', months: 'Months', programPeriod: 'Program period', unmapped: 'Not in catalog',
    projects: '{{count}} projects', none: 'No projects to show (projects with start and end dates appear here).', today: 'Today',
    showArchived: 'Show archived', legend: 'Legend', milestone: 'Milestone', done: 'Done / passed', project: 'Project period',
  },
};
