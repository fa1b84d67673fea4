// "To review" (要確認): records where two people changed the same amount, status or date to different values. Each
// item shows both values, who set them and when; choosing one writes a new revision that every desktop then shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHlc } from '../../../shared/sync/hlc';
import { REMOVED_FIELD } from '../../../shared/sync/sync-docs';
import type { ReviewSide } from '../../../shared/sync/sync-docs';
import { formatYen } from '../../../shared/money/yen';
import { useLang } from '../../i18n/use-lang';
import { usePreferences } from '../../store/preferences';
import { useSyncReview } from '../../store/sync-settings';
import { SyncUserError, resolveReviewItem } from '../../sync/sync-session';

function stampTime(at: string, lang: 'ja' | 'en'): string {
  const wall = parseHlc(at)?.wall;
  return wall === undefined ? at : new Date(wall).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

export function SyncReviewPanel() {
  const { t } = useTranslation('settings');
  const lang = useLang();
  const prefs = usePreferences();
  const entries = useSyncReview();
  const [error, setError] = useState('');

  const show = (field: string, side: ReviewSide): string => {
    if (field === REMOVED_FIELD) return t(side.value === true ? 'review.removed' : 'review.kept');
    if (typeof side.value === 'number' && /Yen$/.test(field)) return formatYen(side.value, prefs.amountUnit, lang);
    return typeof side.value === 'string' ? side.value : JSON.stringify(side.value);
  };

  const choose = async (docId: string, field: string, value: unknown) => {
    setError('');
    try {
      await resolveReviewItem(docId, field, value);
    } catch (e) {
      setError(e instanceof SyncUserError ? e.text[lang] : String(e));
    }
  };

  return (
    <section aria-labelledby="sync-review" className="sync-review">
      <h2 id="sync-review">{t('review.title')}</h2>
      <p className="muted">{t('review.intro')}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {entries && entries.length === 0 && <p id="sync-review-none">{t('review.none')}</p>}
      {entries?.map((entry) => (
        <div key={entry.docId} className="review-entry" data-doc={entry.docId}>
          <h3>{entry.label}</h3>
          <table>
            <thead>
              <tr>
                <th>{t('review.field')}</th>
                <th>{t('review.value')}</th>
                <th>{t('review.by')}</th>
                <th>{t('review.at')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entry.items.flatMap((item) =>
                item.sides.map((side, i) => (
                  <tr key={`${item.field}-${side.at}`} data-field={item.field} data-side={i}>
                    {i === 0 && <th rowSpan={2}>{item.field === REMOVED_FIELD ? t('review.recordField.$removed') : item.field}</th>}
                    <td className="review-value">{show(item.field, side)}</td>
                    <td className="review-by">{side.by}</td>
                    <td>{stampTime(side.at, lang)}</td>
                    <td>
                      <button type="button" onClick={() => void choose(entry.docId, item.field, side.value)}>
                        {t('review.choose')}
                      </button>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
