// Entry point of the officials' console (served at /console/*): Ant Design, the session, and the page router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { AntdRoot } from './AntdRoot.tsx';
import { ConsoleApp } from './ConsoleApp.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import './console.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <AntdRoot>
          <SessionProvider>
            <ConsoleApp />
          </SessionProvider>
        </AntdRoot>
      </I18nProvider>
    </StrictMode>,
  );
}
