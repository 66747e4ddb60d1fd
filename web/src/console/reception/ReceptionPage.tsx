// Console page "Tiếp công dân": one unit's reception schedules (with the legal-frequency warning), the bookings of a day,
// and the reception register. The unit and the tab live in the address (?unit=…&tab=bookings|register).
import { Space, Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { BookingsTab } from './BookingsTab.tsx';
import { RegisterTab } from './RegisterTab.tsx';
import { SchedulesTab } from './SchedulesTab.tsx';
import './reception.css';

const tabs = ['schedules', 'bookings', 'register'] as const;
type Tab = (typeof tabs)[number];

export default function ReceptionPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const unit = location.query.get('unit') ?? homeUnitCode(me);
  const reads = can(me, 'reception.read');
  const asked = location.query.get('tab') as Tab | null;
  const active: Tab = asked && tabs.includes(asked) && (asked === 'schedules' || reads) ? asked : 'schedules';

  const items = [
    { key: 'schedules', label: <span data-testid="reception-tab-schedules">{t('console.reception.tabs.schedules')}</span>, children: <SchedulesTab unit={unit} /> },
    ...(reads
      ? [
          { key: 'bookings', label: <span data-testid="reception-tab-bookings">{t('console.reception.tabs.bookings')}</span>, children: <BookingsTab unit={unit} /> },
          { key: 'register', label: <span data-testid="reception-tab-register">{t('console.reception.tabs.register')}</span>, children: <RegisterTab unit={unit} /> },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('console.reception.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.reception.intro')}</Typography.Paragraph>
      <Space wrap className="reception-unit">
        <label htmlFor="reception-unit">{t('console.reception.unit')}</label>
        <UnitPicker id="reception-unit" value={unit} onChange={(code) => setQueryParam('unit', code)} testId="reception-unit-picker" style={{ maxWidth: '100%' }} />
      </Space>
      <Tabs activeKey={active} items={items} onChange={(key) => setQueryParam('tab', key === 'schedules' ? null : key)} destroyOnHidden />
    </>
  );
}
