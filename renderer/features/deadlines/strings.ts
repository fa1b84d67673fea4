// Strings of the Deadlines screen.
export const deadlinesStrings = {
  ja: {
    title: '締切',
    views: { upTo90: '期限切れ＋90日以内', all: '未完了すべて', overdue: '期限切れ', next30: '30日以内', next60: '60日以内', next90: '90日以内' },
    buckets: { overdue: '期限切れ', next30: '30日以内', next60: '31〜60日', next90: '61〜90日', later: 'それ以降' },
    due: '期限', project: '課題', item: '件名', kind: '種類', daysLeft: '残り', days: '{{count}}日', daysOver: '{{count}}日超過', today: '本日',
    markDone: '完了にする', markPassed: '通過にする', selected: '{{count}} 件選択中', selectAll: '表示中をすべて選択',
    exportIcs: 'カレンダー(.ics)に出力', exported: '{{count}} 件を出力しました', marked: '{{count}} 件を更新しました', none: '該当する締切はありません。',
    calendar: '月間カレンダー', prevMonth: '前の月', nextMonth: '次の月', thisMonth: '今月', weekdays: ['日', '月', '火', '水', '木', '金', '土'],
    month: '{{year}}年{{month}}月',
    templates: '定型締切（毎年度）', templatesHint: '各年度の終了後に来る締切です（例：成果報告書 5月31日）。新しい課題の作成時、または課題画面の「定型締切を追加」で登録されます。',
    tplTitle: '名称', tplKind: '種類', tplMonth: '月', tplDay: '日', tplProgram: '対象事業', tplAllPrograms: 'すべての課題', tplAdd: '追加', tplRemove: '削除',
    tplNone: '定型締切はまだありません。', showMore: 'さらに表示（残り {{count}} 件）', tplDue: '年度終了後の {{month}}月{{day}}日',
  },
  en: {
    title: 'Deadlines',
    views: { upTo90: 'Overdue + next 90 days', all: 'All open', overdue: 'Overdue', next30: 'Next 30 days', next60: 'Next 60 days', next90: 'Next 90 days' },
    buckets: { overdue: 'Overdue', next30: 'Within 30 days', next60: '31–60 days', next90: '61–90 days', later: 'Later' },
    due: 'Due', project: 'Project', item: 'Item', kind: 'Kind', daysLeft: 'Left', days: '{{count}} d', daysOver: '{{count}} d over', today: 'Today',
    markDone: 'Mark done', markPassed: 'Mark passed', selected: '{{count}} selected', selectAll: 'Select all shown',
    exportIcs: 'Export to calendar (.ics)', exported: '{{count}} exported', marked: '{{count}} updated', none: 'No deadlines here.',
    calendar: 'Month calendar', prevMonth: 'Previous month', nextMonth: 'Next month', thisMonth: 'This month', weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    month: '{{year}}-{{month}}',
    templates: 'Yearly deadline templates', templatesHint: 'Deadlines that follow each fiscal year (e.g. outcome report by May 31). Added when a project is created, or with “Add template deadlines” on a project.',
    tplTitle: 'Title', tplKind: 'Kind', tplMonth: 'Month', tplDay: 'Day', tplProgram: 'Program', tplAllPrograms: 'All projects', tplAdd: 'Add', tplRemove: 'Remove',
    tplNone: 'No templates yet.', showMore: 'Show more ({{count}} left)', tplDue: '{{month}}/{{day}} after each fiscal year',
  },
};
