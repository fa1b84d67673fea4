// The office's planning rules: internal deadline (working days before e-Rad), the forecast's default probability and
// history window, and the lower effort threshold. Stored as one settings row, read back with defaults.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { savePlanningSettings, usePlanningSettings } from '../../store/planning';

export function PlanningSettingsPanel() {
  const { t } = useTranslation('settings');
  const settings = usePlanningSettings();
  const [draft, setDraft] = useState<{ days: string; probability: string; years: string; threshold: string } | null>(null);
  const [status, setStatus] = useState('');
  const shown = draft ?? {
    days: String(settings.internalDeadlineWorkingDays), probability: String(Math.round(settings.probability.defaultProbability * 100)),
    years: String(settings.probability.historyYears), threshold: settings.effortThresholdPercent === null ? '' : String(settings.effortThresholdPercent),
  };
  const set = (patch: Partial<typeof shown>) => setDraft({ ...shown, ...patch });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await savePlanningSettings({
      internalDeadlineWorkingDays: Number(shown.days),
      probability: { ...settings.probability, defaultProbability: Number(shown.probability) / 100, historyYears: Number(shown.years) },
      effortThresholdPercent: shown.threshold.trim() === '' ? null : Number(shown.threshold),
    });
    setDraft(null);
    setStatus(t('planning.saved'));
  };
  return (
    <section className="panel" aria-labelledby="planning-settings">
      <h2 id="planning-settings">{t('planning.title')}</h2>
      <form className="form-grid" data-testid="planning-settings" onSubmit={(e) => void save(e)}>
        <label>{t('planning.days')} <input name="days" type="number" min={0} max={60} value={shown.days} onChange={(e) => set({ days: e.target.value })} /></label>
        <label>{t('planning.probability')} <input name="probability" type="number" min={0} max={100} value={shown.probability} onChange={(e) => set({ probability: e.target.value })} /></label>
        <label>{t('planning.years')} <input name="years" type="number" min={1} max={20} value={shown.years} onChange={(e) => set({ years: e.target.value })} /></label>
        <label>{t('planning.threshold')} <input name="threshold" type="number" min={1} max={100} value={shown.threshold} onChange={(e) => set({ threshold: e.target.value })} /></label>
        <p><button type="submit">{t('planning.save')}</button> <span role="status" className="muted">{status}</span></p>
      </form>
    </section>
  );
}
