import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startServiceWorker } from './pwa/serviceWorker';
import { App } from './ui/App';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Development serves modules straight from source: there is no service worker to install.
if (import.meta.env.PROD) {
  startServiceWorker(`${import.meta.env.BASE_URL}sw.js`, import.meta.env.BASE_URL);
}
