// Strings shared by every screen: navigation, common verbs, units. Feature screens keep their own strings beside them.
export const commonStrings = {
  ja: {
    appName: 'Grant Portfolio',
    nav: {
      dashboard: 'ダッシュボード', programs: '事業カタログ', projects: '課題一覧', applications: '応募', researchers: '研究者', deadlines: '締切', timeline: 'タイムライン',
      reports: 'レポート', importExport: '取込・出力', settings: '設定',
    },
    navLabel: 'メインメニュー',
    syncReviewBadge: '要確認 {{count}}',
    syncReviewBadgeTitle: '同期の競合：選ぶのを待っている値があります',
    save: '保存', cancel: 'キャンセル', delete: '削除', edit: '編集', add: '追加', close: '閉じる', undo: '元に戻す', confirm: '確認',
    search: '検索', loading: '読み込み中…', none: 'なし', saved: '保存しました', all: 'すべて', yes: 'はい', no: 'いいえ',
    unit: { yen: '円', thousand: '千円', million: '百万円', oku: '億円' },
    errorBoundary: '画面の表示中にエラーが起きました。データは失われていません。',
    reload: '再読み込み',
    aboutDialog: { title: 'Grant Portfolio について', version: 'バージョン {{version}}', blurb: '研究推進部門のための競争的資金ポートフォリオ管理' },
    health: { versionChange: '別のウインドウでアプリが更新されました。続けるには再読み込みしてください。' },
    chart: {
      savePng: '画像（PNG）で保存', saveSvg: 'SVG で保存', saveTitle: 'グラフを画像として保存', saved: '{{location}} に保存しました',
      failed: '画像を保存できませんでした（{{message}}）', item: '項目',
    },
    forecast: { title: '資金見通し', fiscalYear: '年度', committed: '確定', expected: '見込み', atRisk: '事業終了後', direct: '直接経費', indirect: '間接経費', groupBy: '内訳', total: '合計のみ', program: '事業別', department: '部局別', funder: '配分機関別', group: '区分', kind: '種別', sum: '直接＋間接' },
  },
  en: {
    appName: 'Grant Portfolio',
    nav: {
      dashboard: 'Dashboard', programs: 'Programs', projects: 'Projects', applications: 'Applications', researchers: 'Researchers', deadlines: 'Deadlines', timeline: 'Timeline',
      reports: 'Reports', importExport: 'Import/Export', settings: 'Settings',
    },
    navLabel: 'Main menu',
    syncReviewBadge: 'To review {{count}}',
    syncReviewBadgeTitle: 'Sync conflicts: values waiting for someone to choose',
    save: 'Save', cancel: 'Cancel', delete: 'Delete', edit: 'Edit', add: 'Add', close: 'Close', undo: 'Undo', confirm: 'Confirm',
    search: 'Search', loading: 'Loading…', none: 'None', saved: 'Saved', all: 'All', yes: 'Yes', no: 'No',
    unit: { yen: 'JPY', thousand: 'k JPY', million: 'M JPY', oku: '100M JPY' },
    errorBoundary: 'Something went wrong while showing this screen. No data was lost.',
    reload: 'Reload',
    aboutDialog: { title: 'About Grant Portfolio', version: 'Version {{version}}', blurb: 'Competitive-funding portfolio for university research offices' },
    health: { versionChange: 'The app was updated in another window. Reload to continue.' },
    chart: {
      savePng: 'Save as PNG', saveSvg: 'Save as SVG', saveTitle: 'Save the chart as an image', saved: 'Saved to {{location}}',
      failed: 'Could not save the image ({{message}})', item: 'Item',
    },
    forecast: { title: 'Funding forecast', fiscalYear: 'Fiscal year', committed: 'committed', expected: 'expected', atRisk: 'at risk', direct: 'Direct', indirect: 'Indirect', groupBy: 'Breakdown', total: 'Totals only', program: 'By program', department: 'By department', funder: 'By funder', group: 'Group', kind: 'Kind', sum: 'direct + indirect' },
  },
};
