// The Projects screen: the whole portfolio in one virtualized, filterable table with a detail panel
// (#/projects/<id>), a new-project form (#/projects/new) and the trash (#/projects/trash). The rows stay in the
// project-list Worker, which filters and sorts them; the screen shows its answer and fetches the rows in view.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../shared/domain/types';
import type { ProjectStatus } from '../../../shared/domain/types';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { EMPTY_FILTER } from '../../../shared/portfolio/project-query';
import type { ProjectFilter, SortKey } from '../../../shared/portfolio/project-query';
import type { Route } from '../../app/routes';
import { navigate } from '../../app/routes';
import { saveProjectColumns, useProjectColumns } from '../../store/preferences';
import { usePrograms } from '../../store/catalog';
import { useProgramMap } from '../../store/portfolio-queries';
import { FIRST_SORT, useListAnswer, useListRows, useProjectListSnapshot, useRiskFlagsOf } from '../../workers/project-list';
import type { ListSort } from '../../workers/project-list';
import { useLang } from '../../i18n/use-lang';
import { UndoButton } from '../../components/UndoButton';
import { ProjectDetail } from './ProjectDetail';
import { ProjectForm } from './ProjectForm';
import { COLUMN_IDS, DEFAULT_COLUMNS, ProjectTable } from './ProjectTable';
import type { ColumnId } from './ProjectTable';
import { TrashView } from './TrashView';
import { BulkDeleteBar, useBulkSelection } from './BulkDelete';
import type { ShownIds } from './BulkDelete';
import { indexOfString, stringAt } from '../../../shared/collections/packed-strings';

export function ProjectsScreen({ route }: { route: Route }) {
  const { t } = useTranslation('projects');
  const lang = useLang();
  const programs = usePrograms();
  const programMap = useProgramMap();
  const today = useMemo(() => todayIso(), []);
  const { snapshot, risksStamp, reload } = useProjectListSnapshot(today);
  const savedColumns = useProjectColumns() as ColumnId[] | null | undefined;
  const columns = useMemo(() => (savedColumns ?? DEFAULT_COLUMNS).filter((c) => (COLUMN_IDS as readonly string[]).includes(c)), [savedColumns]);
  const [filter, setFilter] = useState<ProjectFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<ListSort>(FIRST_SORT);
  const [message, setMessage] = useState('');
  const [showColumns, setShowColumns] = useState(false);
  const param = route.params[0] ?? null;
  const openId = param && param !== 'new' && param !== 'trash' ? param : null;
  const [selectedId, setSelectedId] = useState<string | null>(openId);

  // The Worker filters and sorts (with the search texts, ranks and risk flags it keeps); each answer carries the filter
  // and sort it answers, which is what the screen marks as shown (data-query, data-sort, data-filter).
  const view = useRef({ from: 0, to: 60 });
  const getView = useCallback(() => view.current, []);
  const shown = useListAnswer(snapshot, filter, sort, risksStamp, getView, reload);
  const answer = shown?.answer ?? null;
  const rowsCache = useListRows(answer?.version ?? null, risksStamp, answer?.rows);
  const order = answer?.order;
  const ids = shown?.snapshot.ids;
  const codes = shown?.snapshot.codes;
  // Ids are looked up by a scan (a click, the selected row), not through a Map built per snapshot: building one for
  // 50,000 ids was a long task of its own on opening the screen.
  const shownIds = useMemo<ShownIds>(
    () => ({
      count: order?.length ?? 0,
      idAt: (i) => stringAt(ids!, order![i]!)!,
      indexOf: (id) => {
        const at = ids ? indexOfString(ids, id) : -1;
        return at < 0 || !order ? -1 : order.indexOf(at);
      },
    }),
    [order, ids],
  );
  const codeAt = useCallback((i: number) => stringAt(codes!, order![i]!)!, [codes, order]);
  const codeOf = useCallback((id: string) => stringAt(codes!, indexOfString(ids!, id)) ?? '', [codes, ids]);
  const { get: getRow, need } = rowsCache;
  const rowAt = useCallback((i: number) => getRow(order![i]!), [getRow, order]);
  const onView = useCallback(
    (from: number, to: number) => {
      view.current = { from, to };
      if (order) need(Array.from(order.subarray(from, Math.min(to, order.length))));
    },
    [order, need],
  );
  const selectedIndex = useMemo(() => (selectedId ? shownIds.indexOf(selectedId) : -1), [selectedId, shownIds]);
  const bulk = useBulkSelection(shownIds, selectedId);
  const openFlags = useRiskFlagsOf(openId, risksStamp);
  const currentFy = fiscalYearOf(todayIso());

  // Opening a project (by route) selects its row; adjusted during render, as React recommends over an effect.
  const [prevOpenId, setPrevOpenId] = useState(openId);
  if (openId !== prevOpenId) {
    setPrevOpenId(openId);
    if (openId) setSelectedId(openId);
  }

  const openProject = useCallback((id: string) => navigate('projects', id), []);
  const onSort = useCallback((key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })), []);
  const toggleColumn = (c: ColumnId) => {
    const next = columns.includes(c) ? columns.filter((x) => x !== c) : COLUMN_IDS.filter((x) => x === c || columns.includes(x));
    void saveProjectColumns(next.length > 0 ? next : DEFAULT_COLUMNS);
  };
  // The screen's fixed labels, looked up once per language: i18next's t costs tens of microseconds a call (namespace and
  // fallback checks), and the screen renders two or three times a keystroke (the input, the answer, the rows fetched);
  // in a typing session's profile these lookups were most of the screen's own render time.
  const label = useMemo(
    () => ({
      title: t('title'), newProject: t('newProject'), trash: t('trash'), search: t('search'), showArchived: t('showArchived'),
      clearFilters: t('clearFilters'), columns: t('columns'), loading: t('loading'), empty: t('empty'),
    }),
    [t],
  );
  const shownCount = shown?.answer.order.length;
  const liveCount = shown?.snapshot.live;
  const countText = useMemo(
    () => (shownCount === undefined || liveCount === undefined ? label.loading : t('count', { shown: shownCount, total: liveCount })),
    [shownCount, liveCount, label, t],
  );
  const set = useCallback(<K extends keyof ProjectFilter>(k: K, v: ProjectFilter[K]) => setFilter((f) => ({ ...f, [k]: v })), []);
  // The menus (hundreds of programs, thousands of PIs at 50,000 projects) are built again only when one of them or
  // their lists change: a keystroke renders the input and the rows, not every option.
  const { programId, department, pi, status, activeInFiscalYear } = filter;
  const departments = shown?.snapshot.departments;
  const pis = shown?.snapshot.pis;
  const menus = useMemo(
    () => (
      <>
        <select data-filter="program" aria-label={t('filterProgram')} value={programId ?? '*'} onChange={(e) => set('programId', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterProgram')}: {t('any')}</option>
          <option value="">{t('unmapped')}</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
        </select>
        <select data-filter="department" aria-label={t('filterDepartment')} value={department ?? '*'} onChange={(e) => set('department', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterDepartment')}: {t('any')}</option>
          {(departments ?? []).map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <select data-filter="pi" aria-label={t('filterPi')} value={pi ?? '*'} onChange={(e) => set('pi', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterPi')}: {t('any')}</option>
          {(pis ?? []).map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <select data-filter="status" aria-label={t('filterStatus')} value={status ?? '*'} onChange={(e) => set('status', e.target.value === '*' ? null : (e.target.value as ProjectStatus))}>
          <option value="*">{t('filterStatus')}: {t('any')}</option>
          {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <select data-filter="fy" aria-label={t('filterFy')} value={activeInFiscalYear ?? ''} onChange={(e) => set('activeInFiscalYear', e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('filterFy')}: {t('any')}</option>
          {Array.from({ length: 12 }, (_, i) => currentFy - 6 + i).map((fy) => <option key={fy} value={fy}>{fiscalYearLabel(fy, lang)}</option>)}
        </select>
      </>
    ),
    [programId, department, pi, status, activeInFiscalYear, programs, departments, pis, lang, currentFy, t, set],
  );

  return (
    <section className="projects-screen">
      <div className="screen-head">
        <h1>{label.title}</h1>
        <div className="button-row">
          <button type="button" className="primary" data-action="new-project" onClick={() => navigate('projects', 'new')}>＋ {label.newProject}</button>
          <UndoButton onMessage={setMessage} />
          <button type="button" data-action="trash" aria-pressed={param === 'trash'} onClick={() => navigate('projects', ...(param === 'trash' ? [] : ['trash']))}>{label.trash}</button>
        </div>
        <span role="status" className="flash" data-testid="projects-status">{message}</span>
      </div>

      <div className="filters" role="search">
        <input type="search" className="filter-text" aria-label={label.search} placeholder={label.search} value={filter.text} onChange={(e) => set('text', e.target.value)} />
        {menus}
        <label className="inline-form"><input type="checkbox" data-filter="archived" checked={filter.showArchived} onChange={(e) => set('showArchived', e.target.checked)} />{label.showArchived}</label>
        <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>{label.clearFilters}</button>
        <div className="column-chooser">
          <button type="button" aria-expanded={showColumns} onClick={() => setShowColumns((s) => !s)}>{label.columns} ▾</button>
          {showColumns && (
            <div className="popover" role="group" aria-label={label.columns}>
              {COLUMN_IDS.map((c) => (
                <label key={c}><input type="checkbox" checked={columns.includes(c)} onChange={() => toggleColumn(c)} data-column={c} /> {t(`col.${c}`)}</label>
              ))}
            </div>
          )}
        </div>
      </div>

      <div className={`projects-body${param ? ' with-panel' : ''}`}>
        <div className="projects-list">
          <div className="muted small" data-testid="projects-count" data-query={answer ? answer.filter.text : undefined} data-sort={answer ? `${answer.sort.key}:${answer.sort.dir}` : undefined}
            data-filter={answer ? filterKey(answer.filter) : undefined}>{countText}</div>
          {answer && answer.order.length === 0 && <p className="muted">{label.empty}</p>}
          <BulkDeleteBar selected={bulk.shown} codeOf={codeOf} onClear={bulk.clear} onMessage={setMessage} />
          <ProjectTable count={shownIds.count} idAt={shownIds.idAt} codeAt={codeAt} rowAt={rowAt} onView={onView} columns={columns} selectedId={selectedId} selectedIndex={selectedIndex}
            onSelect={setSelectedId} onOpen={openProject} marked={bulk.marked} onMark={bulk.onCheck} sort={sort} onSort={onSort} programs={programMap} lang={lang} />
        </div>
        {param === 'new' && (
          <aside className="detail-panel" aria-label={label.newProject}>
            <h2>{label.newProject}</h2>
            <ProjectForm onSaved={(p, m) => { setMessage(m); navigate('projects', p.id); }} />
          </aside>
        )}
        {param === 'trash' && <aside className="detail-panel"><TrashView onMessage={setMessage} /></aside>}
        {openId && <ProjectDetail key={openId} id={openId} risks={openFlags} onMessage={setMessage} />}
      </div>
    </section>
  );
}

/** The menus' part of the filter the list shows, as the screen marks it (data-filter) for tests and the benchmark. */
function filterKey(f: ProjectFilter): string {
  return JSON.stringify([f.programId, f.department, f.pi, f.status, f.activeInFiscalYear, f.showArchived]);
}
