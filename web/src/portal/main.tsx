// Entry point of the public portal (served at /): plain React and CSS, no UI library, to stay light on cheap phones.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { PortalApp } from './PortalApp.tsx';
import './portal.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PortalApp />
      </I18nProvider>
    </StrictMode>,
  );
}
