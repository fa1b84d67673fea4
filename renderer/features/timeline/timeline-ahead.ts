// The Timeline's read-ahead after start (main.tsx): the opening query the screen asks first (years, archived hidden,
// the UI language's labels), so its first open finds the layout and the first rows' markers kept in the Worker.
import i18next from 'i18next';
import { fiscalYearOf, todayIso } from '../../../shared/calendar/fiscal-year';
import { currentLanguage } from '../../i18n/i18n';
import { readTimelineAhead } from '../../workers/project-list';

export function readTimelineOpeningAhead(): Promise<void> {
  return readTimelineAhead({ showArchived: false, lang: currentLanguage(), unmappedLabel: i18next.t('unmapped', { ns: 'timeline' }), currentFy: fiscalYearOf(todayIso()) });
}
