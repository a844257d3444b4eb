import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-provider.tsx';
import { App } from './app.tsx';
import { ToastProvider } from './toasts/toast-provider.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no element with id "root".');

createRoot(root).render(
  <StrictMode>
    <ApiProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </ApiProvider>
  </StrictMode>,
);
