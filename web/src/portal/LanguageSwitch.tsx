// Two buttons to switch the portal between Vietnamese and English; the pressed one is the current language.
import { useI18n } from '../i18n/I18nProvider.tsx';
import { languages } from '../i18n/translate.ts';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          data-testid={`lang-${code}`}
          onClick={() => setLang(code)}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{t(code === 'vi' ? 'common.langVi' : 'common.langEn')}</span>
        </button>
      ))}
    </div>
  );
}
