// Strings of the Researchers screen (研究者とエフォート).
export const researchersStrings = {
  ja: {
    title: '研究者', add: '研究者を追加', name: '氏名', reading: 'よみ', number: 'e-Rad研究者番号', researchmap: 'researchmap ID', department: '部局', position: '職名',
    save: '保存', cancel: 'キャンセル', empty: '研究者はまだ登録されていません。', saved: '保存しました', back: '研究者一覧へ', projects: '参加している課題', applications: '応募',
    role: '役割', effort: 'エフォート（年度別）', fiscalYear: '年度', total: '合計', over100: '100%を超えています', overThreshold: '本学の基準（{{percent}}%）以上です',
    none: 'なし', notFound: 'この研究者は見つかりません。', maxEffort: '最大エフォート', edit: '編集', trash: 'ゴミ箱へ', restore: '復元',
  },
  en: {
    title: 'Researchers', add: 'Add researcher', name: 'Name', reading: 'Reading', number: 'e-Rad researcher number', researchmap: 'researchmap ID', department: 'Department', position: 'Position',
    save: 'Save', cancel: 'Cancel', empty: 'No researchers yet.', saved: 'Saved', back: 'All researchers', projects: 'Projects', applications: 'Applications',
    role: 'Role', effort: 'Effort per fiscal year', fiscalYear: 'FY', total: 'Total', over100: 'over 100 %', overThreshold: 'at or above the office’s threshold ({{percent}} %)',
    none: 'None', notFound: 'This researcher does not exist.', maxEffort: 'Highest effort', edit: 'Edit', trash: 'Move to trash', restore: 'Restore',
  },
} as const;
