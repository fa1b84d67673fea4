// Settings: UI language, the user's name for the audit log, amount unit, reminder window and year-end closure.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/desktop-api';
import { parseClosureDay } from '../../../shared/calendar/working-days';
import { YEN_UNITS } from '../../../shared/money/yen';
import type { YenUnit } from '../../../shared/money/yen';
import { savePreferences, usePreferences } from '../../store/preferences';
import { changeLanguage, currentLanguage } from '../../i18n/i18n';
import type { UiLanguage } from '../../i18n/i18n';
import type { Route } from '../../app/routes';
import { desktopApi } from '../../platform/desktop-api';
import { BackupPanel } from './BackupPanel';
import { PlanningSettingsPanel } from './PlanningSettingsPanel';
import { SharingPanel } from './SharingPanel';
import { SyncReviewPanel } from './SyncReviewPanel';

export function SettingsScreen({ route }: { route?: Route }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const prefs = usePreferences();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void desktopApi.getAppInfo().then(setInfo);
  }, []);

  const onLanguage = async (lang: UiLanguage) => {
    await changeLanguage(lang);
    await desktopApi.setUiLanguage(lang);
  };

  return (
    <section className="settings" data-ready="true">
      <h1>{t('title')}</h1>
      {route?.params[0] === 'review' && <SyncReviewPanel />}
      <div className="form-grid">
        <label htmlFor="ui-language">{t('language')}</label>
        <select id="ui-language" value={currentLanguage()} onChange={(e) => void onLanguage(e.target.value as UiLanguage)}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>

        <label htmlFor="user-name">{t('userName')}</label>
        <div className="inline-form">
          <UserNameForm key={prefs.userName} initial={prefs.userName} onSaved={() => setStatus(tc('saved'))} />
          <span role="status" className="muted" id="user-name-status">{status}</span>
        </div>

        <label htmlFor="amount-unit">{t('amountUnit')}</label>
        <select id="amount-unit" value={prefs.amountUnit} onChange={(e) => void savePreferences({ amountUnit: e.target.value as YenUnit })}>
          {YEN_UNITS.map((u) => (
            <option key={u} value={u}>{tc(`unit.${u}`)}</option>
          ))}
        </select>

        <label htmlFor="reminder-days">{t('reminderDays')}</label>
        <input
          id="reminder-days"
          type="number"
          min={0}
          max={365}
          value={prefs.reminderDays}
          onChange={(e) => {
            const n = Math.max(0, Math.min(365, Math.round(Number(e.target.value))));
            if (Number.isFinite(n)) void savePreferences({ reminderDays: n });
          }}
        />

        <span id="closure-label">{t('closure')}</span>
        <ClosureForm key={`${prefs.closureStart} ${prefs.closureEnd}`} start={prefs.closureStart} end={prefs.closureEnd} />
      </div>

      <PlanningSettingsPanel />
      <BackupPanel />
      <SharingPanel />

      <h2 id="about">{t('about')}</h2>
      <dl className="about">
        <dt>{t('version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('host')}</dt>
        <dd>{info ? t(info.host === 'electron' ? 'hostElectron' : 'hostBrowser') : '…'}</dd>
        <dt>{t('dataFolder')}</dt>
        <dd>{info?.dataFolder ?? t('browserStorage')}</dd>
      </dl>
    </section>
  );
}

/** Keyed by the stored name, so it restarts from the database value whenever that changes. */
function UserNameForm({ initial, onSaved }: { initial: string; onSaved: () => void }) {
  const { t: tc } = useTranslation();
  const [userName, setUserName] = useState(initial);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void savePreferences({ userName: userName.trim() }).then(onSaved);
      }}
    >
      <input id="user-name" value={userName} maxLength={100} onChange={(e) => setUserName(e.target.value)} />
      <button type="submit">{tc('save')}</button>
    </form>
  );
}

const asTyped = (md: string) => md.replace(/^0/, '').replace(/-0?/, '/');

/** The year-end closure, edited as two month/day fields; keyed by the stored days, so it restarts when they change. */
function ClosureForm({ start, end }: { start: string; end: string }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const [from, setFrom] = useState(asTyped(start));
  const [to, setTo] = useState(asTyped(end));
  const [error, setError] = useState('');
  return (
    <form
      className="inline-form"
      aria-labelledby="closure-label"
      data-testid="closure-form"
      onSubmit={(e) => {
        e.preventDefault();
        const closureStart = parseClosureDay(from);
        const closureEnd = parseClosureDay(to);
        if (!closureStart || !closureEnd) return setError(t('closureInvalid'));
        setError('');
        void savePreferences({ closureStart, closureEnd });
      }}
    >
      <label htmlFor="closure-start">{t('closureStart')}</label>
      <input id="closure-start" value={from} size={6} onChange={(e) => setFrom(e.target.value)} aria-invalid={error !== '' && !parseClosureDay(from)} />
      <label htmlFor="closure-end">{t('closureEnd')}</label>
      <input id="closure-end" value={to} size={6} onChange={(e) => setTo(e.target.value)} aria-invalid={error !== '' && !parseClosureDay(to)} />
      <button type="submit">{tc('save')}</button>
      {error && <span role="alert" className="error-text">{error}</span>}
    </form>
  );
}
