// Console page "Cấu hình xử lý đơn": the field list, the deadline rules (root administrators change them, others read),
// and per unit the sealing key (create / rotate) and the remote-area mark.
import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, useMe } from '../session/SessionProvider.tsx';
import { FieldsTab } from './FieldsTab.tsx';
import { KeysTab } from './KeysTab.tsx';
import { Open311Tab } from './Open311Tab.tsx';
import { RulesTab } from './RulesTab.tsx';

const tabs = ['fields', 'rules', 'keys', 'open311'] as const;
type Tab = (typeof tabs)[number];

export default function CaseSettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const showKeys = can(me, 'case.keys.manage');
  // Open311 keys are national: central administrators only.
  const showOpen311 = can(me, 'open311.keys.manage') && me.memberships.some((m) => m.unitCode === 'VN');
  const asked = location.query.get('tab') as Tab | null;
  const active: Tab = asked && tabs.includes(asked) && (asked !== 'keys' || showKeys) && (asked !== 'open311' || showOpen311) ? asked : 'fields';

  const items = [
    { key: 'fields', label: <span data-testid="settings-tab-fields">{t('caseSettings.tabs.fields')}</span>, children: <FieldsTab /> },
    { key: 'rules', label: <span data-testid="settings-tab-rules">{t('caseSettings.tabs.rules')}</span>, children: <RulesTab /> },
    ...(showKeys ? [{ key: 'keys', label: <span data-testid="settings-tab-keys">{t('caseSettings.tabs.keys')}</span>, children: <KeysTab /> }] : []),
    ...(showOpen311 ? [{ key: 'open311', label: <span data-testid="settings-tab-open311">{t('caseSettings.tabs.open311')}</span>, children: <Open311Tab /> }] : []),
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('caseSettings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('caseSettings.intro')}</Typography.Paragraph>
      <Tabs activeKey={active} items={items} onChange={(key) => setQueryParam('tab', key === 'fields' ? null : key)} destroyOnHidden />
    </>
  );
}
