// Console page "Giám sát, phản biện": the Front's supervision (programmes, supervisions, their recommendations followed
// as cases) and social critique of drafts (sessions, opinions, the drafting body's responses) for one unit and year.
// The unit, year, tab and a supervision to show live in the address (?unit=…&year=…&tab=critique&visit=…).
import { Checkbox, Select, Space, Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { todayInVietnam } from '../../shared/format.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { CritiqueTab } from './CritiqueTab.tsx';
import { SupervisionTab } from './SupervisionTab.tsx';
import './supervision.css';

const tabs = ['supervision', 'critique'] as const;
type Tab = (typeof tabs)[number];

export interface Scope {
  unit: string;
  /** null: every year. */
  year: number | null;
  subtree: boolean;
}

export default function SupervisionPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const unit = location.query.get('unit') ?? homeUnitCode(me);
  const askedYear = location.query.get('year');
  const year = askedYear === 'all' ? null : Number(askedYear) || thisYear;
  const subtree = location.query.get('subtree') === '1';
  const focus = location.query.get('visit');
  // The drafting body's officials see the critique; the supervision only when a case of theirs links to one.
  const readsSupervision = can(me, 'supervision.read') || can(me, 'supervision.manage');
  const showsSupervision = readsSupervision || Boolean(focus);
  const asked = location.query.get('tab') as Tab | null;
  const active: Tab = asked && tabs.includes(asked) ? asked : showsSupervision ? 'supervision' : 'critique';
  const scope: Scope = { unit, year, subtree };
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  const items = [
    ...(showsSupervision
      ? [{ key: 'supervision', label: <span data-testid="supervision-tab-supervision">{t('console.supervision.tabs.supervision')}</span>, children: <SupervisionTab scope={scope} focus={focus} limited={!readsSupervision} /> }]
      : []),
    { key: 'critique', label: <span data-testid="supervision-tab-critique">{t('console.supervision.tabs.critique')}</span>, children: <CritiqueTab scope={scope} /> },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('console.supervision.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.supervision.intro')}</Typography.Paragraph>
      <Space wrap className="supervision-filters">
        <label htmlFor="supervision-unit">{t('console.supervision.unit')}</label>
        <UnitPicker id="supervision-unit" value={unit} onChange={(code) => setQueryParam('unit', code)} testId="supervision-unit-picker" style={{ maxWidth: '100%' }} />
        <label htmlFor="supervision-year">{t('console.supervision.year')}</label>
        <Select
          id="supervision-year"
          value={year ?? 'all'}
          style={{ width: 150 }}
          onChange={(v) => setQueryParam('year', v === thisYear ? null : String(v))}
          options={[...years.map((y) => ({ value: y as number | 'all', label: String(y) })), { value: 'all', label: t('console.supervision.allYears') }]}
          data-testid="supervision-year"
        />
        <Checkbox checked={subtree} onChange={(e) => setQueryParam('subtree', e.target.checked ? '1' : null)} data-testid="supervision-subtree">
          {t('console.supervision.subtree')}
        </Checkbox>
      </Space>
      <Tabs activeKey={active} items={items} onChange={(key) => setQueryParam('tab', key === 'supervision' ? null : key)} destroyOnHidden />
    </>
  );
}
