// Tab "Khóa niêm phong & vùng sâu, vùng xa": for one unit, its sealing keys (create or rotate, every sealed identity moved
// to the new key) and whether it is a remote area (longer complaint deadlines).
import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Grid, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { listKeys, rotateKey, setRemoteArea } from '../../api/caseSettings.ts';
import type { SealingKey } from '../../api/caseSettings.ts';
import { getUnit } from '../../api/units.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../shared/format.ts';
import { UnitSelect } from '../cases/caseUi.tsx';
import { setQueryParam, useLocation } from '../router.tsx';
import { homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { settingsError } from './settingsUi.ts';

export function KeysTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const narrow = !Grid.useBreakpoint().md;
  const location = useLocation();
  const unit = location.query.get('unit') || homeUnitCode(me);
  const keys = useLoader((signal) => listKeys(unit, signal), [unit]);
  const info = useLoader((signal) => getUnit(unit, signal), [unit]);
  const [busy, setBusy] = useState<'rotate' | 'remote' | null>(null);
  const [resealed, setResealed] = useState<number | null>(null);

  const hasKey = (keys.data ?? []).some((k) => k.active);

  const rotate = async () => {
    setBusy('rotate');
    try {
      const r = await rotateKey(unit);
      setResealed(r.resealed);
      message.success(t('caseSettings.keys.rotated', { count: String(r.resealed) }));
      keys.reload();
    } catch (error) {
      message.error(settingsError(error, t));
    } finally {
      setBusy(null);
    }
  };

  const toggleRemote = async (remoteArea: boolean) => {
    setBusy('remote');
    try {
      await setRemoteArea(unit, remoteArea);
      message.success(t(remoteArea ? 'caseSettings.remote.on' : 'caseSettings.remote.off'));
      info.reload();
    } catch (error) {
      message.error(settingsError(error, t));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<SealingKey> = [
    {
      title: t('caseSettings.keys.key'),
      dataIndex: 'id',
      key: 'id',
      render: (id: string, k: SealingKey) => (
        <span>
          {/* Whole: key ids are time-ordered, so their first characters repeat from one key to the next. */}
          <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {id}
          </Typography.Text>
          {narrow && <div>{formatInstant(k.createdAt)}{k.retiredAt && ` → ${formatInstant(k.retiredAt)}`}</div>}
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      width: 150,
      render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'caseSettings.keys.active' : 'caseSettings.keys.retired')}</Tag>,
    },
    { title: t('caseSettings.keys.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 170, responsive: ['md'], render: (v: string) => formatInstant(v) },
    { title: t('caseSettings.keys.retiredAt'), dataIndex: 'retiredAt', key: 'retiredAt', width: 170, responsive: ['md'], render: (v: string | null) => (v ? formatInstant(v) : t('common.none')) },
  ];

  return (
    <>
      <div className="toolbar">
        <UnitSelect
          value={unit}
          allowClear={false}
          onChange={(code) => {
            setResealed(null);
            setQueryParam('unit', code ?? null);
          }}
          testId="settings-unit-picker"
          style={{ maxWidth: 480 }}
        />
      </div>

      <Card size="small" title={t('caseSettings.remote.title')} style={{ marginBottom: 16 }}>
        {Boolean(info.error) && <Alert type="error" showIcon title={settingsError(info.error, t)} style={{ marginBottom: 12 }} />}
        <label style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Switch
            checked={info.data?.remoteArea ?? false}
            loading={info.loading || busy === 'remote'}
            disabled={!info.data}
            onChange={(checked) => void toggleRemote(checked)}
            data-testid="settings-remote-area"
          />
          <span>
            {t('caseSettings.remote.label')}
            {info.data && <Typography.Text type="secondary">{` — ${info.data.name}`}</Typography.Text>}
          </span>
        </label>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('caseSettings.remote.hint')}
        </Typography.Paragraph>
      </Card>

      <Card
        size="small"
        title={t('caseSettings.keys.title')}
      >
        <Typography.Paragraph type="secondary">{t('caseSettings.keys.intro')}</Typography.Paragraph>
        <div style={{ marginBottom: 12 }}>
          <Popconfirm
            title={t(hasKey ? 'caseSettings.keys.rotate' : 'caseSettings.keys.create')}
            description={<div style={{ maxWidth: 320 }}>{t('caseSettings.keys.confirm')}</div>}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={rotate}
          >
            <Button type="primary" icon={<KeyOutlined />} loading={busy === 'rotate'} disabled={Boolean(keys.error) || keys.loading} data-testid="settings-key-rotate">
              {t('caseSettings.keys.button')}
            </Button>
          </Popconfirm>

        </div>
        {resealed !== null && (
          <Alert type="success" showIcon title={t('caseSettings.keys.rotated', { count: String(resealed) })} style={{ marginBottom: 12 }} data-testid="settings-key-resealed" />
        )}
        {Boolean(keys.error) && <Alert type="error" showIcon title={settingsError(keys.error, t)} style={{ marginBottom: 12 }} data-testid="settings-key-error" />}
        <Table<SealingKey>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={keys.data ?? []}
          loading={keys.loading}
          pagination={false}
          locale={{ emptyText: t('caseSettings.keys.empty') }}
          data-testid="settings-key-table"
        />
      </Card>
    </>
  );
}
