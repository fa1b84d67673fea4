// Keeps one screen's rendering error from blanking the whole window, and says plainly that data is safe.
import { Component } from 'react';
import type { ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div role="alert" className="error-panel">
            <p>{t('errorBoundary')}</p>
            <pre>{this.state.error?.message}</pre>
            <button type="button" onClick={() => window.location.reload()}>{t('reload')}</button>
          </div>
        )}
      </Translation>
    );
  }
}
