// The Projects screen: the whole portfolio in one virtualized, filterable table with a detail panel
// (#/projects/<id>), a new-project form (#/projects/new) and the trash (#/projects/trash).
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../shared/domain/types';
import type { Project, ProjectStatus } from '../../../shared/domain/types';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { EMPTY_FILTER, ProjectFilterMemo, distinctValues, searchText, sortProjects } from '../../../shared/portfolio/project-query';
import { sortByCodePoints, sortByRanks } from '../../../shared/portfolio/project-order';
import type { ProjectFilter, SortKey } from '../../../shared/portfolio/project-query';
import type { Route } from '../../app/routes';
import { navigate } from '../../app/routes';
import { saveProjectColumns, useProjectColumns } from '../../store/preferences';
import { usePrograms } from '../../store/catalog';
import { usePortfolioProjects, useProgramMap } from '../../store/portfolio-queries';
import { useProjectListExtras } from '../../workers/project-list';
import { useProjectSortKeys } from '../../workers/project-order';
import type { ProjectSortKeys } from '../../workers/project-order';
import { useLang } from '../../i18n/use-lang';
import { UndoButton } from '../../components/UndoButton';
import { ProjectDetail } from './ProjectDetail';
import { ProjectForm } from './ProjectForm';
import { COLUMN_IDS, DEFAULT_COLUMNS, ProjectTable } from './ProjectTable';
import type { ColumnId } from './ProjectTable';
import { TrashView } from './TrashView';
import { BulkDeleteBar, useBulkSelection } from './BulkDelete';

export function ProjectsScreen({ route }: { route: Route }) {
  const { t } = useTranslation('projects');
  const lang = useLang();
  const programs = usePrograms();
  const programMap = useProgramMap();
  const projects = usePortfolioProjects();
  const today = useMemo(() => todayIso(), []);
  // The risk column and the search texts are computed in a Worker (every project and budget line); the list shows
  // before they arrive, and a project without a current search text from there gets one built here. The texts arrive
  // a slice at a time into `search` (the same object), so their arrival re-renders and re-filters nothing.
  const { risks, search } = useProjectListExtras(programs, today);
  const sortKeys = useProjectSortKeys();
  const savedColumns = useProjectColumns() as ColumnId[] | null | undefined;
  const columns = (savedColumns ?? DEFAULT_COLUMNS).filter((c) => (COLUMN_IDS as readonly string[]).includes(c));
  const [filter, setFilter] = useState<ProjectFilter>(EMPTY_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'code', dir: 'asc' });
  const [message, setMessage] = useState('');
  const [showColumns, setShowColumns] = useState(false);
  const param = route.params[0] ?? null;
  const openId = param && param !== 'new' && param !== 'trash' ? param : null;
  const [selectedId, setSelectedId] = useState<string | null>(openId);

  const haystack = useCallback(
    (p: Project) => {
      return search.get(p.id, p.updatedAt) ?? builtSearchText(p, p.programId ? programMap.get(p.programId)?.nameJa : undefined);
    },
    [search, programMap],
  );
  // Sorted once per data or sort change, then each keystroke only filters (a stable pass keeps the order): sorting
  // 50,000 rows with the Japanese collator costs far more than a keystroke may, so a big list sorts by the Worker's
  // ranks (project-order.ts).
  const riskOrder = sort.key === 'risks' ? risks.byProject : null;
  const sorted = useMemo(() => orderProjects(projects ?? [], sort, sortKeys, (p) => riskOrder?.get(p.id)?.length ?? 0), [projects, sort, sortKeys, riskOrder]);
  // Each keystroke filters the rows of the query it refines, or finds a query typed before (ProjectFilterMemo).
  const [filterMemo] = useState(() => new ProjectFilterMemo());
  const rows = useMemo(() => filterMemo.filter(sorted, deferredFilter, haystack), [filterMemo, sorted, deferredFilter, haystack]);
  const bulk = useBulkSelection(rows, selectedId);
  const departments = useMemo(() => distinctValues(projects ?? [], 'department'), [projects]);
  const pis = useMemo(() => distinctValues(projects ?? [], 'pi'), [projects]);
  const liveTotal = useMemo(() => (projects ?? []).filter((p) => !p.deletedAt).length, [projects]);
  const currentFy = fiscalYearOf(todayIso());

  // Opening a project (by route) selects its row; adjusted during render, as React recommends over an effect.
  const [prevOpenId, setPrevOpenId] = useState(openId);
  if (openId !== prevOpenId) {
    setPrevOpenId(openId);
    if (openId) setSelectedId(openId);
  }

  const onSort = useCallback((key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })), []);
  const toggleColumn = (c: ColumnId) => {
    const next = columns.includes(c) ? columns.filter((x) => x !== c) : COLUMN_IDS.filter((x) => x === c || columns.includes(x));
    void saveProjectColumns(next.length > 0 ? next : DEFAULT_COLUMNS);
  };
  const set = <K extends keyof ProjectFilter>(k: K, v: ProjectFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));

  return (
    <section className="projects-screen">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <div className="button-row">
          <button type="button" className="primary" data-action="new-project" onClick={() => navigate('projects', 'new')}>＋ {t('newProject')}</button>
          <UndoButton onMessage={setMessage} />
          <button type="button" data-action="trash" aria-pressed={param === 'trash'} onClick={() => navigate('projects', ...(param === 'trash' ? [] : ['trash']))}>{t('trash')}</button>
        </div>
        <span role="status" className="flash" data-testid="projects-status">{message}</span>
      </div>

      <div className="filters" role="search">
        <input type="search" className="filter-text" aria-label={t('search')} placeholder={t('search')} value={filter.text} onChange={(e) => set('text', e.target.value)} />
        <select data-filter="program" aria-label={t('filterProgram')} value={filter.programId ?? '*'} onChange={(e) => set('programId', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterProgram')}: {t('any')}</option>
          <option value="">{t('unmapped')}</option>
          {programs.map((p) => <option key={p.id} value={p.id}>{lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa}</option>)}
        </select>
        <select data-filter="department" aria-label={t('filterDepartment')} value={filter.department ?? '*'} onChange={(e) => set('department', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterDepartment')}: {t('any')}</option>
          {departments.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <select data-filter="pi" aria-label={t('filterPi')} value={filter.pi ?? '*'} onChange={(e) => set('pi', e.target.value === '*' ? null : e.target.value)}>
          <option value="*">{t('filterPi')}: {t('any')}</option>
          {pis.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <select data-filter="status" aria-label={t('filterStatus')} value={filter.status ?? '*'} onChange={(e) => set('status', e.target.value === '*' ? null : (e.target.value as ProjectStatus))}>
          <option value="*">{t('filterStatus')}: {t('any')}</option>
          {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <select data-filter="fy" aria-label={t('filterFy')} value={filter.activeInFiscalYear ?? ''} onChange={(e) => set('activeInFiscalYear', e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('filterFy')}: {t('any')}</option>
          {Array.from({ length: 12 }, (_, i) => currentFy - 6 + i).map((fy) => <option key={fy} value={fy}>{fiscalYearLabel(fy, lang)}</option>)}
        </select>
        <label className="inline-form"><input type="checkbox" data-filter="archived" checked={filter.showArchived} onChange={(e) => set('showArchived', e.target.checked)} />{t('showArchived')}</label>
        <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>{t('clearFilters')}</button>
        <div className="column-chooser">
          <button type="button" aria-expanded={showColumns} onClick={() => setShowColumns((s) => !s)}>{t('columns')} ▾</button>
          {showColumns && (
            <div className="popover" role="group" aria-label={t('columns')}>
              {COLUMN_IDS.map((c) => (
                <label key={c}><input type="checkbox" checked={columns.includes(c)} onChange={() => toggleColumn(c)} data-column={c} /> {t(`col.${c}`)}</label>
              ))}
            </div>
          )}
        </div>
      </div>

      <div className={`projects-body${param ? ' with-panel' : ''}`}>
        <div className="projects-list">
          <div className="muted small" data-testid="projects-count" data-query={projects ? deferredFilter.text : undefined} data-sort={`${sort.key}:${sort.dir}`} data-filter={filterKey(deferredFilter)}>{projects ? t('count', { shown: rows.length, total: liveTotal }) : t('loading')}</div>
          {projects && rows.length === 0 && <p className="muted">{t('empty')}</p>}
          <BulkDeleteBar selected={bulk.shown} onClear={bulk.clear} onMessage={setMessage} />
          <ProjectTable rows={rows} columns={columns} selectedId={selectedId} onSelect={setSelectedId} onOpen={(id) => navigate('projects', id)} marked={bulk.marked} onMark={bulk.onCheck}
            sort={sort} onSort={onSort} programs={programMap} risks={risks.byProject} lang={lang} />
        </div>
        {param === 'new' && (
          <aside className="detail-panel" aria-label={t('newProject')}>
            <h2>{t('newProject')}</h2>
            <ProjectForm onSaved={(p, m) => { setMessage(m); navigate('projects', p.id); }} />
          </aside>
        )}
        {param === 'trash' && <aside className="detail-panel"><TrashView onMessage={setMessage} /></aside>}
        {openId && <ProjectDetail key={openId} id={openId} risks={risks.byProject.get(openId) ?? []} onMessage={setMessage} />}
      </div>
    </section>
  );
}

/** Up to this many rows the collator sorts on this thread (a few tens of ms); past it the Worker's ranks do. */
const COLLATOR_ROWS = 2_000;

function orderProjects(projects: Project[], sort: { key: SortKey; dir: 'asc' | 'desc' }, keys: ProjectSortKeys | null, riskCount: (p: Project) => number): Project[] {
  if (projects.length <= COLLATOR_ROWS) return sortProjects(projects, sort.key, sort.dir, riskCount);
  if (keys) return sortByRanks(projects, sort.key, sort.dir, keys.ranks, keys.index, riskCount);
  return sortByCodePoints(projects, sort.key, sort.dir, riskCount);
}

/** The menus' part of the filter the list shows, as the screen marks it (data-filter) for tests and the benchmark. */
function filterKey(f: ProjectFilter): string {
  return JSON.stringify([f.programId, f.department, f.pi, f.status, f.activeInFiscalYear, f.showArchived]);
}

/** Search texts built on this thread (before the Worker's answer, or for a project saved since), kept per project row:
 * a row object is replaced when the project changes, and the program's name is checked. */
const built = new WeakMap<Project, { programName: string | undefined; text: string }>();

function builtSearchText(p: Project, programName: string | undefined): string {
  const hit = built.get(p);
  if (hit && hit.programName === programName) return hit.text;
  const text = searchText(p, programName);
  built.set(p, { programName, text });
  return text;
}
