// The About dialog the Help menu's "About Grant Portfolio" opens: the app's name and version (from desktopApi's app
// info, so the Electron build shows its package version and the browser build its build's version).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/api/desktop-api';
import { desktopApi } from '../platform/desktop-api';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void desktopApi.getAppInfo().then(setInfo);
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="about-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="about-title" className="panel about-dialog" data-testid="about-dialog">
        <h2 id="about-title">{t('aboutDialog.title')}</h2>
        <p data-testid="about-version">{t('aboutDialog.version', { version: info?.version ?? '…' })}</p>
        <p className="muted">{t('aboutDialog.blurb')}</p>
        <button type="button" ref={close} onClick={onClose}>{t('close')}</button>
      </div>
    </div>
  );
}
