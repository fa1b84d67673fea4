// The Programs screen: the catalog (built-in edition + imported editions + the office's own funders) as a searchable
// tree beside the selected program's details or the budget chart. #/programs/<programId>[/<trackId>] selects.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../app/routes';
import type { Route } from '../../app/routes';
import { usePreferences } from '../../store/preferences';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { newProgramId } from '../../../shared/catalog/catalog-import';
import { describeCatalogProblem } from '../../../shared/catalog/problem-text';
import { draftToProgram, newProgramDraft, programToDraft } from '../../../shared/catalog/program-form';
import type { ProgramDraft } from '../../../shared/catalog/program-form';
import { catalogMenus, mergeThemes, programTreeRows, themeLabel, themeResolver, themesInUse } from '../../../shared/catalog/program-search';
import { MANAGED_BY_NOT_STATED } from '../../../shared/catalog/schema';
import type { ProgramSort } from '../../../shared/catalog/program-search';
import { fiscalYearLabel } from '../../../shared/calendar/wareki';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { catalogRevision, programsRead, useEditions, usePrograms } from '../../store/catalog';
import type { ProgramEntry } from '../../store/catalog';
import { catalogFields, deleteOfficeProgram, mappedProjects, restoreOfficeProgram, saveOfficeProgram } from '../../store/catalog-edit';
import type { MappedProject } from '../../store/catalog-edit';
import type { StoredProgram } from '../../store/catalog';
import { BudgetChart } from './BudgetChart';
import { CatalogTransfer } from './CatalogTransfer';
import { ProgramDetail } from './ProgramDetail';
import { ProgramForm } from './ProgramForm';
import type { FormMode } from './ProgramForm';
import { usePaintedOnce, useValueAfterPaint } from '../../components/after-paint';
import { ProgramTree } from './ProgramTree';
import type { TreeItem } from './ProgramTree';

type Pane = 'detail' | 'chart';
type Editing = { mode: FormMode; draft: ProgramDraft; base: ProgramEntry | null; problems: { lines: string[]; fields: Set<string> } };
type DeleteState =
  | { kind: 'confirm'; program: ProgramEntry }
  | { kind: 'mapped'; program: ProgramEntry; projects: MappedProject[] }
  | { kind: 'children'; program: ProgramEntry; children: { id: string; nameJa: string }[] };
type Flash = { text: string; undo?: StoredProgram } | null;

const NO_PROBLEMS = { lines: [] as string[], fields: new Set<string>() };

export function ProgramsScreen({ route }: { route: Route }) {
  const { t, i18n } = useTranslation('programs');
  const lang: 'ja' | 'en' = i18n.language === 'en' ? 'en' : 'ja';
  const prefs = usePreferences();
  // A re-read catalog (every write, e.g. a 5,000-program edition) renders as a transition: its derivations, the tree's
  // rows and the commit then run as separate tasks instead of one of 60–100 ms.
  const programs = useDeferredValue(usePrograms());
  const editions = useEditions();

  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [managedBy, setManagedBy] = useState('');
  const [theme, setTheme] = useState('');
  const [year, setYear] = useState('');
  const [sort, setSort] = useState<ProgramSort>('catalog');
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>('detail');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<DeleteState | null>(null);
  const [flash, setFlash] = useState<Flash>(null);

  const revision = useMemo(() => catalogRevision(programs), [programs]);
  const selectedId = route.params[0] ?? null;
  const selectedTrackId = route.params[1] ?? null;
  const byId = useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
  const selected = selectedId ? byId.get(selectedId) ?? null : null;

  const currentFy = fiscalYearOf(todayIso());
  const { bodies, unstatedBody, years } = useMemo(() => catalogMenus(programs, currentFy), [programs, currentFy]);
  // Theme names come from the editions (built-in first, then imported ones); the menu lists the themes in use.
  const themes = useMemo(() => mergeThemes([BUILTIN_CATALOG.edition.themes, ...editions.map((e) => e.edition.themes)]), [editions]);
  const themeOf = useMemo(() => themeResolver(programs), [programs]);
  const themeIds = useMemo(() => themesInUse(programs, themes, themeOf), [programs, themes, themeOf]);

  const query = useMemo(
    () => ({ text: deferredText, managedBy: managedBy || null, theme: theme || null, runningInFiscalYear: year ? Number(year) : null }),
    [deferredText, managedBy, theme, year],
  );
  const rows = useMemo(() => programTreeRows(programs, { query, sort, lang, collapsed, themeOf }), [programs, query, sort, lang, collapsed, themeOf]);
  const items: TreeItem[] = useMemo(() => {
    const out: TreeItem[] = [];
    for (const r of rows) {
      const expandable = r.hasChildren || r.program.tracks.length > 0;
      const expanded = expandable && !collapsed.has(r.program.id);
      out.push({ kind: 'program', key: r.program.id, program: r.program, depth: r.depth, expandable, expanded, matches: r.matches });
      if (expanded) {
        for (const tr of r.program.tracks) {
          out.push({ kind: 'track', key: `${r.program.id}::${tr.id}`, program: r.program, trackId: tr.id, label: lang === 'en' && tr.nameEn ? tr.nameEn : tr.nameJa, depth: r.depth + 1 });
        }
      }
    }
    return out;
  }, [rows, collapsed, lang]);
  const matchCount = useMemo(() => rows.filter((r) => r.matches).length, [rows]);
  const selectedKey = selectedId ? (selectedTrackId ? `${selectedId}::${selectedTrackId}` : selectedId) : null;

  // Follow the route: when the selection changes, expand its ancestors, show the details and make it the active row.
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedKey || followed.current === selectedKey) return;
    followed.current = selectedKey;
    const chain: string[] = [];
    for (let c = byId.get(selectedId!)?.parentId ?? null; c && chain.length < 50; c = byId.get(c)?.parentId ?? null) chain.push(c);
    if (selectedTrackId) chain.push(selectedId!);
    setCollapsed((prev) => (chain.some((c) => prev.has(c)) ? new Set([...prev].filter((c) => !chain.includes(c))) : prev));
    setPane('detail');
    setActiveKey(selectedKey);
  }, [selectedKey, selectedId, selectedTrackId, byId]);
  // The active row is kept by key, so collapsing or filtering does not move it; it falls back to the selection.
  const activeIndex = useMemo(() => {
    const byKey = activeKey ? items.findIndex((it) => it.key === activeKey) : -1;
    if (byKey >= 0) return byKey;
    const sel = selectedKey ? items.findIndex((it) => it.key === selectedKey) : -1;
    return sel >= 0 ? sel : 0;
  }, [items, activeKey, selectedKey]);
  const setActiveIndex = useCallback((index: number) => setActiveKey(items[index]?.key ?? null), [items]);

  // A choice made in the tree is followed here, not by the route effect: the route arrives with 'hashchange' after
  // the next keys may already have moved the active row, and following it then would pull the row back.
  const select = useCallback((item: TreeItem) => {
    followed.current = item.key;
    setActiveKey(item.key);
    setPane('detail');
    if (item.kind === 'track') navigate('programs', item.program.id, item.trackId);
    else navigate('programs', item.program.id);
  }, []);
  const toggle = useCallback((id: string, expand: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (expand) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const editionFy = (p: ProgramEntry): number | null => {
    if (p.editionId) return editions.find((e) => e.id === p.editionId)?.edition.fiscalYear ?? null;
    if (p.source === 'builtin' || p.overridesBuiltin) return BUILTIN_CATALOG.edition.fiscalYear;
    return null;
  };

  // Editing -------------------------------------------------------------------------------------------------------
  const startEdit = (p: ProgramEntry) => {
    setFlash(null);
    setDeleting(null);
    setEditing({ mode: p.source === 'builtin' ? 'override' : 'edit', draft: programToDraft(p), base: p, problems: NO_PROBLEMS });
  };
  const startNew = (parentId: string | null) => {
    setFlash(null);
    setDeleting(null);
    setEditing({ mode: 'new', draft: newProgramDraft(parentId, parentId ? byId.get(parentId)?.managedBy ?? '' : ''), base: null, problems: NO_PROBLEMS });
  };
  const cancelEdit = (dirty: boolean) => {
    if (dirty && !window.confirm(t('unsavedLeave'))) return;
    setEditing(null);
  };
  const save = async (draft: ProgramDraft) => {
    if (!editing) return;
    const taken = new Set(programs.map((p) => p.id));
    const id = draft.id || newProgramId(draft.nameEn || draft.abbreviation || '', taken);
    const takenTracks = new Set(programs.filter((p) => p.id !== id).flatMap((p) => p.tracks.map((tr) => tr.id)));
    const built = draftToProgram({ ...draft, id }, editing.base ? catalogFields(editing.base) : null, takenTracks);
    if (!built.ok) {
      setEditing({ ...editing, draft, problems: { lines: built.problems.map((p) => (p.message[lang])), fields: new Set(built.problems.map((p) => p.field)) } });
      return;
    }
    setSaving(true);
    try {
      const result = await saveOfficeProgram(built.program);
      if (!result.ok) {
        const lines = result.problems.map((p) => describeCatalogProblem(p, lang, result.context));
        setEditing({ ...editing, draft, problems: { lines, fields: new Set() } });
        return;
      }
      setEditing(null);
      setFlash({ text: t('saved', { name: result.program.nameJa }) });
      navigate('programs', result.program.id);
    } finally {
      setSaving(false);
    }
  };

  // Deleting ------------------------------------------------------------------------------------------------------
  const askDelete = async (p: ProgramEntry) => {
    setFlash(null);
    if (!p.overridesBuiltin) {
      const projects = await mappedProjects(p.id);
      if (projects.length) return setDeleting({ kind: 'mapped', program: p, projects });
      const children = programs.filter((c) => c.parentId === p.id).map((c) => ({ id: c.id, nameJa: c.nameJa }));
      if (children.length) return setDeleting({ kind: 'children', program: p, children });
    }
    setDeleting({ kind: 'confirm', program: p });
  };
  const confirmDelete = async () => {
    if (deleting?.kind !== 'confirm') return;
    const p = deleting.program;
    const result = await deleteOfficeProgram(p.id);
    if (!result.ok) {
      if (result.reason === 'mapped') setDeleting({ kind: 'mapped', program: p, projects: result.projects });
      else if (result.reason === 'children') setDeleting({ kind: 'children', program: p, children: result.children });
      else setDeleting(null);
      return;
    }
    setDeleting(null);
    setFlash({ text: result.revertedToBuiltin ? t('reverted', { name: p.nameJa }) : t('deleted', { name: p.nameJa }), undo: result.removed });
    if (!result.revertedToBuiltin) navigate('programs');
  };
  const undoDelete = async (row: StoredProgram) => {
    await restoreOfficeProgram(row);
    setFlash({ text: t('restored', { name: row.nameJa }) });
    navigate('programs', row.id);
  };

  // Parent choices exclude the program itself and its descendants (no cycles).
  const parentChoices = useMemo(() => {
    if (!editing) return [];
    const self = editing.draft.id;
    if (!self) return programs;
    const banned = new Set([self]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of programs) if (p.parentId && banned.has(p.parentId) && !banned.has(p.id)) { banned.add(p.id); grew = true; }
    }
    return programs.filter((p) => !banned.has(p.id));
  }, [editing, programs]);

  const importedList = editions.map((e) => e.id).join(', ');
  // The tree mounts after the screen's first paint, so the screen's first layout and the tree's are two frames (its
  // virtualizer attaches without forcing a layout, virtual-scroll-box.ts). Ready only with the tree.
  const treeShown = usePaintedOnce();
  // The chart follows a re-read catalog a frame after the tree: with a 5,000-program edition its 40 new bars' text and
  // the tree's rows were one frame's layout of 86 ms (and a task of 104–136 ms with the render's commit).
  const chartPrograms = useValueAfterPaint(programs);

  return (
    <section
      className="programs-screen"
      data-ready={treeShown ? 'true' : 'false'}
      // What this render shows of the catalog, for tests and the bench: read yet, and the newest write it holds.
      data-catalog={programsRead(programs) ? 'read' : 'opening'}
      data-catalog-revision={revision ?? ''}
      data-program-count={programs.length}
    >
      <header className="programs-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted edition-line">
            {t('editionLine', { title: lang === 'en' ? BUILTIN_CATALOG.edition.titleEn : BUILTIN_CATALOG.edition.titleJa, fy: fiscalYearLabel(BUILTIN_CATALOG.edition.fiscalYear, lang) })}
            {' · '}
            {t('builtinEdition')}
            {importedList && <> · {t('importedEditions', { list: importedList })}</>}
          </p>
        </div>
        <div className="inline-form no-print">
          <button type="button" className="primary" onClick={() => startNew(null)} data-action="add-program">
            {t('addProgram')}
          </button>
        </div>
      </header>
      <CatalogTransfer lang={lang} />

      {flash && (
        <div className="ok-panel flash" role="status">
          <span>{flash.text}</span>
          {flash.undo && (
            <button type="button" onClick={() => void undoDelete(flash.undo!)} data-action="undo-delete">
              {t('undo', { ns: 'common' })}
            </button>
          )}
          <button type="button" onClick={() => setFlash(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}

      <div className="programs-toolbar no-print" role="search">
        <label className="search-box">
          <span className="visually-hidden">{t('search')}</span>
          <input
            type="search"
            id="program-search"
            value={text}
            placeholder={t('searchPlaceholder')}
            aria-label={t('search')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('.program-tree')?.focus();
              }
            }}
          />
        </label>
        <label>
          {t('managedBy')}{' '}
          <select id="program-filter-body" value={managedBy} onChange={(e) => setManagedBy(e.target.value)}>
            <option value="">{t('anyBody')}</option>
            {bodies.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
            {unstatedBody && <option value={MANAGED_BY_NOT_STATED}>{t('bodyNotStated')}</option>}
          </select>
        </label>
        {themeIds.length > 0 && (
          <label>
            {t('theme')}{' '}
            <select id="program-filter-theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">{t('anyTheme')}</option>
              {themeIds.map((id) => (
                <option key={id} value={id}>
                  {themeLabel(themes, id, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('runningIn')}{' '}
          <select id="program-filter-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('anyYear')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {fiscalYearLabel(y, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sort')}{' '}
          <select id="program-sort" value={sort} onChange={(e) => setSort(e.target.value as ProgramSort)}>
            <option value="catalog">{t('sortCatalog')}</option>
            <option value="budget-desc">{t('sortBudgetDesc')}</option>
            <option value="budget-asc">{t('sortBudgetAsc')}</option>
            <option value="name">{t('sortName')}</option>
          </select>
        </label>
        <span className="muted" role="status" aria-live="polite" id="program-count">
          {t('resultCount', { count: matchCount })}
        </span>
      </div>

      <div className="programs-body">
        <div className="programs-tree-pane">
          {!treeShown ? null : items.length === 0 ? (
            <p className="muted empty">{t('noResults')}</p>
          ) : (
            <ProgramTree items={items} activeIndex={activeIndex} onActiveChange={setActiveIndex} selectedKey={selectedKey} onSelect={select} onToggle={toggle} lang={lang} />
          )}
        </div>
        <div className="programs-detail-pane">
          {editing ? (
            <ProgramForm
              key={`${editing.mode}:${editing.draft.id}`}
              mode={editing.mode}
              initial={editing.draft}
              parents={parentChoices}
              problems={editing.problems}
              busy={saving}
              lang={lang}
              onSave={(d) => void save(d)}
              onCancel={cancelEdit}
            />
          ) : (
            <>
              <div className="pane-tabs no-print" role="tablist">
                <button type="button" role="tab" aria-selected={pane === 'detail'} onClick={() => setPane('detail')} data-tab="detail">
                  {t('tabDetail')}
                </button>
                <button type="button" role="tab" aria-selected={pane === 'chart'} onClick={() => setPane('chart')} data-tab="chart">
                  {t('tabChart')}
                </button>
              </div>
              {deleting && (
                <div className="panel confirm-panel" role="alertdialog" aria-label={t('deleteProgram')}>
                  {deleting.kind === 'confirm' && (
                    <>
                      <p>
                        <strong>{deleting.program.overridesBuiltin ? t('confirmRevert', { name: deleting.program.nameJa }) : t('confirmDelete', { name: deleting.program.nameJa })}</strong>
                      </p>
                      <div className="inline-form">
                        <button type="button" className="primary danger-fill" onClick={() => void confirmDelete()} data-action="confirm-delete">
                          {deleting.program.overridesBuiltin ? t('confirmRevertYes') : t('confirmDeleteYes')}
                        </button>
                        <button type="button" onClick={() => setDeleting(null)}>
                          {t('cancel')}
                        </button>
                      </div>
                    </>
                  )}
                  {deleting.kind === 'mapped' && (
                    <>
                      <p>{t('cannotDeleteMapped', { name: deleting.program.nameJa })}</p>
                      <ul className="mapped-projects">
                        {deleting.projects.slice(0, 50).map((x) => (
                          <li key={x.id}>
                            <a href={hrefFor('projects', x.id)}>
                              <span className="code">{x.code}</span> {x.title}
                            </a>
                          </li>
                        ))}
                        {deleting.projects.length > 50 && <li className="muted">{t('moreProjects', { count: deleting.projects.length - 50 })}</li>}
                      </ul>
                      <button type="button" onClick={() => setDeleting(null)}>
                        {t('dismiss')}
                      </button>
                    </>
                  )}
                  {deleting.kind === 'children' && (
                    <>
                      <p>{t('cannotDeleteChildren', { name: deleting.program.nameJa })}</p>
                      <ul>
                        {deleting.children.map((c) => (
                          <li key={c.id}>
                            <a href={hrefFor('programs', c.id)}>{c.nameJa}</a>
                          </li>
                        ))}
                      </ul>
                      <button type="button" onClick={() => setDeleting(null)}>
                        {t('dismiss')}
                      </button>
                    </>
                  )}
                </div>
              )}
              {pane === 'chart' ? (
                <BudgetChart programs={chartPrograms} fiscalYear={BUILTIN_CATALOG.edition.fiscalYear} selectedId={selectedId} lang={lang} onSelect={(id) => navigate('programs', id)} />
              ) : selected ? (
                <ProgramDetail
                  key={selected.id}
                  program={selected}
                  byId={byId}
                  subPrograms={programs.filter((c) => c.parentId === selected.id)}
                  editionFiscalYear={editionFy(selected)}
                  currentFiscalYear={currentFy}
                  selectedTrackId={selectedTrackId}
                  theme={themeOf(selected)}
                  themes={themes}
                  amountUnit={prefs.amountUnit}
                  lang={lang}
                  onEdit={() => startEdit(selected)}
                  onDelete={() => void askDelete(selected)}
                  onAddChild={() => startNew(selected.id)}
                  onOpenProgram={(id) => navigate('programs', id)}
                />
              ) : selectedId ? (
                <p className="error-panel">{t('notFound', { id: selectedId })}</p>
              ) : (
                <>
                  <p className="muted">{t('selectHint')}</p>
                  <BudgetChart programs={chartPrograms} fiscalYear={BUILTIN_CATALOG.edition.fiscalYear} selectedId={null} lang={lang} onSelect={(id) => navigate('programs', id)} />
                </>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
