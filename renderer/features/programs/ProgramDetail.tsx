// One program in full: budgets (億円 and yen, change, supplementary, note), period in wareki with years left, theme,
// tracks with amounts of their kind and stage gates, summary, management, and the office's projects mapped to it. What the
// source does not state reads 「記載なし」. Edit/delete actions follow the entry's source.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';
import { fiscalYearLabelJa, fiscalYearLabel } from '../../../shared/calendar/wareki';
import { fiscalYearsLeft, themeLabel } from '../../../shared/catalog/program-search';
import {
  amountKindOf, formatBudget, formatBudgetChange, formatBudgetShort, formatGateTiming, formatManagedBy, formatPeriod, formatTrackAmount,
} from '../../../shared/catalog/program-format';
import { nameIsOurs } from '../../../shared/catalog/schema';
import type { CatalogTheme } from '../../../shared/catalog/schema';
import type { YenUnit } from '../../../shared/money/yen';
import type { ProgramEntry } from '../../store/catalog';
import { useProgramProjects } from '../../store/portfolio-queries';

const PROJECT_LIMIT = 200;

interface Props {
  program: ProgramEntry;
  byId: ReadonlyMap<string, ProgramEntry>;
  subPrograms: readonly ProgramEntry[];
  /** Fiscal year of the edition the figures come from (request = this year), or null for the office's own entries. */
  editionFiscalYear: number | null;
  currentFiscalYear: number;
  selectedTrackId: string | null;
  /** The program's theme (own or inherited; null = none stated) and the editions' theme definitions. */
  theme: string | null;
  themes: readonly CatalogTheme[];
  amountUnit: YenUnit;
  lang: 'ja' | 'en';
  onEdit: () => void;
  onDelete: () => void;
  onAddChild: () => void;
  onOpenProgram: (id: string) => void;
}

function fyName(fy: number, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? fiscalYearLabelJa(fy) : `FY${fy}`;
}

export function ProgramDetail(props: Props) {
  const { program: p, byId, subPrograms: children, editionFiscalYear: efy, currentFiscalYear, selectedTrackId, theme, themes, amountUnit, lang } = props;
  const { t } = useTranslation('programs');
  const extra = p as Record<string, unknown>;
  const trackRef = useRef<HTMLElement | null>(null);

  const mapped = useProgramProjects(p.id, PROJECT_LIMIT);

  useEffect(() => {
    if (selectedTrackId) trackRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedTrackId]);

  const ancestors: ProgramEntry[] = [];
  for (let cursor = p.parentId ? byId.get(p.parentId) : undefined; cursor && ancestors.length < 20; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
    ancestors.unshift(cursor);
  }
  const name = (x: ProgramEntry) => (lang === 'en' && x.nameEn ? x.nameEn : x.nameJa);
  const other = lang === 'en' ? p.nameJa : p.nameEn;
  const nameEnSourceText = p.nameEnSource === 'document' ? t('nameEnDocument') : nameIsOurs(p.nameEnSource) ? t('nameEnOurs') : null;
  const summary = (lang === 'en' ? p.summaryEn || p.summaryJa : p.summaryJa || p.summaryEn).trim();
  const b = p.budgetYen;
  const money = (v: number | null) => formatBudget(v, lang) ?? t('noFigure');
  const change = formatBudgetChange(b.request, b.previous, lang);
  const period = formatPeriod(p.period, lang);
  const left = fiscalYearsLeft(p, currentFiscalYear);
  const nowLabel = fiscalYearLabel(currentFiscalYear, lang);
  let periodStatus: string | null = null;
  if (p.period.endFiscalYear !== null && p.period.endFiscalYear < currentFiscalYear) periodStatus = t('ended', { fy: nowLabel });
  else if (p.period.startFiscalYear !== null && p.period.startFiscalYear > currentFiscalYear) periodStatus = `${t('notStarted', { fy: nowLabel })}${left !== null ? ` / ${t('yearsLeft', { count: left, fy: fyName(p.period.startFiscalYear, lang) })}` : ''}`;
  else if (left !== null) periodStatus = t('yearsLeft', { count: left, fy: fyName(currentFiscalYear, lang) });

  const readOnly = p.source === 'builtin';
  const sourceFigures = typeof extra.sourceFigures === 'string' ? extra.sourceFigures : null;
  const managedByNote = typeof extra.managedByNote === 'string' ? extra.managedByNote : null;

  return (
    <article className="program-detail" aria-labelledby="program-detail-title">
      {ancestors.length > 0 && (
        <nav className="program-breadcrumb" aria-label={t('parentPath')}>
          {ancestors.map((a) => (
            <span key={a.id}>
              <a href={hrefFor('programs', a.id)}>{name(a)}</a>
              <span aria-hidden="true"> › </span>
            </span>
          ))}
        </nav>
      )}
      <header className="program-detail-head">
        <div>
          <h2 id="program-detail-title">
            {name(p)} {p.abbreviation && <span className="badge abbr">{p.abbreviation}</span>}
          </h2>
          {other && (
            <p className="muted program-other-name">
              {other}
              {nameEnSourceText && <span className="small name-source" data-field="name-en-source"> （{nameEnSourceText}）</span>}
            </p>
          )}
          <p className="program-badges">
            {p.managedBy !== null && <span className="badge">{p.managedBy}</span>}{' '}
            {theme !== null && <span className="badge theme" data-field="theme-badge">{themeLabel(themes, theme, lang)}</span>}{' '}
            {p.source === 'builtin' && <span className="badge">{t('badgeBuiltin')}</span>}
            {p.source === 'office' && !p.overridesBuiltin && !p.editionId && <span className="badge ok">{t('badgeOffice')}</span>}
            {p.overridesBuiltin && !p.editionId && <span className="badge warn">{t('badgeOverride')}</span>}
            {p.editionId && <span className="badge">{t('badgeEdition', { id: p.editionId })}</span>}
          </p>
        </div>
        <div className="program-actions no-print">
          <button type="button" onClick={props.onEdit} data-action="edit">
            {readOnly ? t('overrideEdit') : t('edit')}
          </button>
          <button type="button" onClick={props.onAddChild} data-action="add-child">
            {t('addChild')}
          </button>
          <button type="button" className="danger" onClick={props.onDelete} disabled={readOnly} title={readOnly ? t('deleteDisabled') : undefined} data-action="delete">
            {p.overridesBuiltin ? t('revertToBuiltin') : t('deleteProgram')}
          </button>
        </div>
      </header>
      {readOnly && <p className="muted readonly-note">{t('builtinReadOnly')}</p>}

      <section className="program-section">
        <h3>{t('budget')}</h3>
        <dl className="program-facts budget-facts">
          <dt>{efy !== null ? t('requestFy', { fy: fyName(efy, lang) }) : t('request')}</dt>
          <dd data-field="request">{money(b.request)}</dd>
          <dt>{efy !== null ? t('previousFy', { fy: fyName(efy - 1, lang) }) : t('previous')}</dt>
          <dd data-field="previous">{money(b.previous)}</dd>
          {change !== null && (
            <>
              <dt>{t('change')}</dt>
              <dd data-field="change" className={b.request! > b.previous! ? 'up' : b.request! < b.previous! ? 'down' : ''}>
                {change}
              </dd>
            </>
          )}
          <dt>{efy !== null ? t('supplementaryFy', { fy: fyName(efy - 1, lang) }) : t('supplementary')}</dt>
          <dd data-field="supplementary">{money(b.supplementary)}</dd>
          {b.note && (
            <>
              <dt>{t('budgetNote')}</dt>
              <dd data-field="budget-note">{b.note}</dd>
            </>
          )}
        </dl>
        {sourceFigures && (
          <details className="source-figures">
            <summary>{t('sourceFigures')}</summary>
            <p>{sourceFigures}</p>
          </details>
        )}
      </section>

      <section className="program-section">
        <h3>{t('periodAndManagement')}</h3>
        <dl className="program-facts">
          <dt>{t('period')}</dt>
          <dd data-field="period">
            {period ?? t('periodUnknown')}
            {periodStatus && <span className="muted period-left"> — {periodStatus}</span>}
          </dd>
          <dt>{t('researchPeriod')}</dt>
          <dd data-field="research-period">{p.researchPeriodYears !== null ? t('researchPeriodYears', { count: p.researchPeriodYears }) : t('noFigure')}</dd>
          <dt>{t('managedBy')}</dt>
          <dd data-field="managed-by" className={p.managedBy === null ? 'not-stated' : undefined}>
            {formatManagedBy(p.managedBy, lang)}
            {managedByNote && <span className="muted"> （{managedByNote}）</span>}
          </dd>
          <dt>{t('division')}</dt>
          <dd data-field="division">{p.division ?? t('noFigure')}</dd>
          <dt>{t('theme')}</dt>
          <dd data-field="theme">{theme !== null ? themeLabel(themes, theme, lang, false) : t('themeNone')}</dd>
        </dl>
      </section>

      {summary && (
        <section className="program-section">
          <h3>{t('summary')}</h3>
          <p className="program-summary">{summary}</p>
        </section>
      )}

      {p.tracks.length > 0 && (
        <section className="program-section">
          <h3>{t('tracks')}</h3>
          <div className="track-list">
            {p.tracks.map((tr) => {
              const tx = tr as Record<string, unknown>;
              const notes = [tx.amountNote, tx.note].filter((n): n is string => typeof n === 'string' && n.length > 0);
              const amount = formatTrackAmount(tr.maxAnnualYen, amountKindOf(tr), amountUnit, lang);
              const selected = tr.id === selectedTrackId;
              return (
                <section
                  key={tr.id}
                  className={`track-card${selected ? ' selected' : ''}`}
                  data-track={tr.id}
                  ref={selected ? (el) => { trackRef.current = el; } : undefined}
                >
                  <h4>
                    {lang === 'en' && tr.nameEn ? tr.nameEn : tr.nameJa}
                    {lang === 'ja' && tr.nameEn && <span className="muted"> {tr.nameEn}</span>}
                  </h4>
                  {nameIsOurs(tr.nameJaSource) && <p className="muted small track-name-source">{t('nameOurs')}</p>}
                  <dl className="program-facts">
                    <dt>{t('duration')}</dt>
                    <dd>{tr.durationYears !== null ? t('durationYears', { count: tr.durationYears }) : t('noFigure')}</dd>
                    <dt>{t('maxAnnual')}</dt>
                    <dd data-field="track-amount">{amount ?? t('noFigure')}</dd>
                    <dt>{t('stageGates')}</dt>
                    <dd>
                      {tr.stageGates.length === 0 ? (
                        t('noGates')
                      ) : (
                        <ol className="gate-list">
                          {tr.stageGates.map((g, i) => (
                            <li key={i} data-gate-year={g.afterYear ?? 'none'}>
                              <strong>{formatGateTiming(g, lang)}</strong>: {lang === 'en' && g.nameEn ? g.nameEn : g.nameJa}
                              {g.note && <span className="muted"> — {g.note}</span>}
                            </li>
                          ))}
                        </ol>
                      )}
                    </dd>
                  </dl>
                  {notes.map((n, i) => (
                    <p key={i} className="muted track-note">
                      {n}
                    </p>
                  ))}
                </section>
              );
            })}
          </div>
        </section>
      )}

      {children.length > 0 && (
        <section className="program-section">
          <h3>{t('subPrograms')}</h3>
          <ul className="sub-program-list">
            {children.map((c) => (
              <li key={c.id}>
                <a href={hrefFor('programs', c.id)} onClick={(e) => { e.preventDefault(); props.onOpenProgram(c.id); }}>
                  {name(c)}
                </a>
                {c.budgetYen.request !== null && <span className="muted"> {formatBudgetShort(c.budgetYen.request, lang)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="program-section" data-section="projects" data-program={p.id} data-ready={mapped ? 'true' : 'false'}>
        <h3>{t('projects', { count: mapped?.total ?? 0 })}</h3>
        {mapped && mapped.total === 0 && <p className="muted">{t('noProjects')}</p>}
        {mapped && mapped.rows.length > 0 && (
          <ul className="mapped-projects">
            {mapped.rows.map((x) => (
              <li key={x.id}>
                <a href={hrefFor('projects', x.id)}>
                  <span className="code">{x.code}</span> {x.title}
                </a>
              </li>
            ))}
            {mapped.total > mapped.rows.length && <li className="muted">{t('moreProjects', { count: mapped.total - mapped.rows.length })}</li>}
          </ul>
        )}
      </section>
    </article>
  );
}
