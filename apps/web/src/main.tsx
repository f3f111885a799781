import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { noticeNewBuild } from '@/app/routes/new-build';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// Vite reports a module preload that failed (an old build's file removed by a deployment).
window.addEventListener('vite:preloadError', () => void noticeNewBuild());

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
