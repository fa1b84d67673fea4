// Strings of the Applications screen (応募).
export const applicationsStrings = {
  ja: {
    title: '応募', add: '応募を追加', edit: '編集', code: '管理番号', projectTitle: '課題名', callName: '公募名', program: '事業', outside: '（カタログ外の配分機関）',
    funderName: '配分機関・制度名', pi: '研究代表者', department: '部局', eradDeadline: 'e-Rad締切', internalDeadline: '学内締切（{{days}}営業日前）',
    requested: '申請額（年度別）', fiscalYear: '年度', direct: '直接経費（円）', indirect: '間接経費（円）', addYear: '年度を追加', members: 'メンバー（研究者・役割・エフォート）', membersAfterSave: 'メンバーは応募を保存してから追加できます。', role: '本学の役割',
    status: '状態', probability: '採択見込み（%・空欄は本学の実績）', save: '保存', cancel: 'キャンセル', submit: '申請中にする', award: '採択', reject: '不採択',
    withdraw: '辞退', resultDate: '結果通知日', empty: '応募はまだありません。', project: '課題', saved: '保存しました', awarded: '採択しました：課題 {{code}} を作成・更新しました',
    trash: 'ゴミ箱へ', calls: '追跡中の公募', noCalls: '追跡中の公募はありません。',
  },
  en: {
    title: 'Applications', add: 'Add application', edit: 'Edit', code: 'Office ID', projectTitle: 'Project title', callName: 'Call', program: 'Program', outside: '(outside funder)',
    funderName: 'Funder / scheme', pi: 'Applicant (PI)', department: 'Department', eradDeadline: 'e-Rad deadline', internalDeadline: 'Internal deadline ({{days}} working days before)',
    requested: 'Requested per fiscal year', fiscalYear: 'FY', direct: 'Direct (JPY)', indirect: 'Indirect (JPY)', addYear: 'Add a year', members: 'Members (researcher, role, effort)', membersAfterSave: 'Members can be added once the application is saved.', role: 'Our role',
    status: 'Status', probability: 'Probability (%; empty = the office’s own rate)', save: 'Save', cancel: 'Cancel', submit: 'Mark submitted', award: 'Awarded', reject: 'Rejected',
    withdraw: 'Withdrawn', resultDate: 'Result date', empty: 'No applications yet.', project: 'Project', saved: 'Saved', awarded: 'Awarded: project {{code}} created or updated',
    trash: 'Move to trash', calls: 'Tracked calls', noCalls: 'No tracked calls.',
  },
} as const;
