// The list of what residents will be able to do on Cầu Nối, each marked available or coming soon.
import { useI18n } from '../i18n/I18nProvider.tsx';

const services: { key: string; available: boolean; href?: string }[] = [
  { key: 'petition', available: false },
  { key: 'complaint', available: false },
  { key: 'track', available: false },
  { key: 'reception', available: false },
  { key: 'dialogue', available: false },
  { key: 'units', available: true, href: '#tra-cuu-don-vi' },
];

export function Services() {
  const { t } = useI18n();
  return (
    <section className="services container" aria-labelledby="services-title">
      <h2 id="services-title">{t('portal.servicesTitle')}</h2>
      <ul className="services__list">
        {services.map(({ key, available, href }) => {
          const title = t(`portal.service.${key}.title`);
          return (
            <li key={key} className={available ? 'service service--available' : 'service'} data-testid={`service-${key}`}>
              <span className={available ? 'badge badge--ok' : 'badge'}>
                {t(available ? 'portal.availableNow' : 'portal.comingSoon')}
              </span>
              <h3>{available && href ? <a href={href}>{title}</a> : title}</h3>
              <p>{t(`portal.service.${key}.text`)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
