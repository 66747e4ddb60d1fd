// The portal's home page: the motto, what residents can do here, and the unit look-up.
import { useI18n } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/translate.ts';
import { Services } from './Services.tsx';
import { UnitLookup } from './UnitLookup.tsx';

export function HomePage() {
  const { t, lang } = useI18n();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title" tabIndex={-1}>
            {t('app.name')}
          </h1>
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
    </>
  );
}
