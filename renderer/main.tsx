// Renderer entry: language first (so the first paint is in the right language), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import { featureStrings } from './i18n/feature-strings';
import './styles/app.css';

async function start(): Promise<void> {
  await initI18n(featureStrings);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
