// The list of what residents can do on Cầu Nối, each marked available (with its link) or coming soon.
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from './router.tsx';

const services: { key: string; href?: string }[] = [
  { key: 'petition', href: paths.send },
  { key: 'complaint', href: `${paths.send}?loai=khieu_nai` },
  { key: 'track', href: paths.track },
  { key: 'answers', href: paths.answers },
  { key: 'reception', href: paths.reception },
  { key: 'dialogue', href: paths.conferences },
  { key: 'units', href: '#tra-cuu-don-vi' },
];

export function Services() {
  const { t } = useI18n();
  return (
    <section className="services container" aria-labelledby="services-title">
      <h2 id="services-title">{t('portal.servicesTitle')}</h2>
      <ul className="services__list">
        {services.map(({ key, href }) => {
          const title = t(`portal.service.${key}.title`);
          const available = href !== undefined;
          return (
            <li key={key} className={available ? 'service service--available' : 'service'} data-testid={`service-${key}`}>
              <span className={available ? 'badge badge--ok' : 'badge'}>
                {t(available ? 'portal.availableNow' : 'portal.comingSoon')}
              </span>
              <h3>{href ? <a href={href}>{title}</a> : title}</h3>
              <p>{t(`portal.service.${key}.text`)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
