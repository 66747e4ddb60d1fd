// The console's vi/en switch (antd Segmented), shared by the sign-in page and the header.
import { Segmented } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Lang } from '../../i18n/translate.ts';

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={(value: Lang) => setLang(value)}
      aria-label={t('common.language')}
      data-testid="lang-switch"
      options={[
        { value: 'vi', label: <span lang="vi" title={t('common.langVi')}>VI</span> },
        { value: 'en', label: <span lang="en" title={t('common.langEn')}>EN</span> },
      ]}
    />
  );
}
