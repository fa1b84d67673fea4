// The "to review" (要確認) badge in the side navigation: shown only while sync conflicts wait for someone to choose,
// and leading to the list in Settings.
import { useTranslation } from 'react-i18next';
import { useSyncReviewCount } from '../store/sync-settings';

export function SyncReviewBadge() {
  const { t } = useTranslation();
  const count = useSyncReviewCount();
  if (count === 0) return null;
  return (
    <a href="#/settings/review" className="sync-review-badge" id="sync-review-badge" title={t('syncReviewBadgeTitle')}>
      {t('syncReviewBadge', { count })}
    </a>
  );
}
