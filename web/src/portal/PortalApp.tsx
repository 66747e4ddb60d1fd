// The portal's single page: header, what residents can do here, the unit look-up, and the footer.
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/translate.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Services } from './Services.tsx';
import { UnitLookup } from './UnitLookup.tsx';

export function PortalApp() {
  const { t, lang } = useI18n();

  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.motto')}`;
  }, [t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('portal.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__row">
          <a className="brand" href="/" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span>{t('app.name')}</span>
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <section className="hero" aria-labelledby="hero-title">
          <div className="container">
            <h1 id="hero-title">{t('app.name')}</h1>
            {/* The motto is quoted in Vietnamese whatever the language, as the field itself says it. */}
            <p className="hero__motto" lang="vi">
              “{translate('vi', 'app.motto')}”
            </p>
            {lang !== 'vi' && <p className="hero__motto-translation">{t('app.motto')}</p>}
            <p className="hero__tagline">{t('portal.tagline')}</p>
            <p className="hero__motto2">{t('app.motto2')}</p>
          </div>
        </section>
        <Services />
        <UnitLookup />
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul className="footer-links">
            <li>
              <a href="/console/" data-testid="portal-console-link">
                {t('portal.footer.officials')}
              </a>
            </li>
            <li>
              <a href="/api/docs" data-testid="portal-api-docs-link">
                {t('portal.footer.apiDocs')}
              </a>
            </li>
          </ul>
          <p>{t('portal.footer.openSource')}</p>
        </div>
      </footer>
    </>
  );
}
