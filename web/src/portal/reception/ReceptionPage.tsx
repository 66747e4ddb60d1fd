// Placeholder for the reception booking page (/tiep-cong-dan), to be replaced by the real page (default export).
import { useI18n } from '../../i18n/I18nProvider.tsx';

export default function ReceptionPage() {
  const { t } = useI18n();
  return (
    <div className="container page">
      <h1>{t('portal.nav.reception')}</h1>
      <p className="lead">{t('portal.service.reception.text')}</p>
      <p>
        <span className="badge">{t('portal.comingSoon')}</span>
      </p>
    </div>
  );
}
