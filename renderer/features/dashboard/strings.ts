// Strings of the Dashboard screen.
export const dashboardStrings = {
  ja: {
    title: 'ダッシュボード', forecast: '資金見通し（今後5年度）', overCommitted: 'エフォート超過の研究者', noOverCommitted: 'エフォートが上限を超える研究者はいません。', byStatus: '状態別の課題数', funding: '{{fy}}の配分額（事業別）', fundingEmpty: '今年度の予算はまだ入力されていません。',
    unmapped: 'カタログ外', deadlines: '直近の締切（30日以内）', overdue: '期限切れ {{count}} 件', noDeadlines: '30日以内の締切はありません。',
    risks: 'リスク', noRisks: 'リスクのある課題はありません。', computing: '確認中…', more: 'ほか {{count}} 件', total: '合計', others: 'その他', direct: '直接経費', indirect: '間接経費',
    allDeadlines: '締切をすべて見る', projectsLink: '課題一覧へ',
    totals: '予算の集計', totalsBy: '集計の単位', by: { year: '年度別', program: '事業別', department: '部局別' }, projectCount: '課題数', noDepartment: '（部局なし）',
  },
  en: {
    title: 'Dashboard', forecast: 'Funding forecast (next five fiscal years)', overCommitted: 'Over-committed researchers', noOverCommitted: 'No researcher is over the effort limit.', byStatus: 'Projects by status', funding: 'Funding in {{fy}} by program', fundingEmpty: 'No budget entered for this fiscal year yet.',
    unmapped: 'Not in catalog', deadlines: 'Next deadlines (30 days)', overdue: '{{count}} overdue', noDeadlines: 'Nothing due in the next 30 days.',
    risks: 'Risks', noRisks: 'No project has a risk flag.', computing: 'Checking…', more: '{{count}} more', total: 'Total', others: 'Others', direct: 'Direct', indirect: 'Indirect',
    allDeadlines: 'All deadlines', projectsLink: 'Go to projects',
    totals: 'Budget totals', totalsBy: 'Group by', by: { year: 'By year', program: 'By program', department: 'By department' }, projectCount: 'Projects', noDepartment: '(no department)',
  },
};
