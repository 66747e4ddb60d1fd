// Console page "Tổ chức": the organisations of one unit as a tree table, with create, rename and (de)activate by ability.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { CheckboxChangeEvent, TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { listOrganisations, setOrganisationActive } from '../../api/organisations.ts';
import { getUnit } from '../../api/units.ts';
import type { Organisation } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatInstant } from '../../shared/format.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { CreateOrganisationDialog, RenameOrganisationDialog } from './OrganisationDialogs.tsx';
import { nestOrganisations, parentKeys } from './organisationTree.ts';
import type { OrganisationRow } from './organisationTree.ts';

export default function OrganisationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const location = useLocation();
  const unitCode = location.query.get('unit') ?? homeUnitCode(me);
  const includeInactive = location.query.get('inactive') === '1';
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Organisation | null>(null);

  const unit = useLoader((signal) => getUnit(unitCode, signal), [unitCode]);
  const list = useLoader((signal) => listOrganisations({ unit: unitCode, includeInactive }, signal), [unitCode, includeInactive]);
  const rows = useMemo(() => nestOrganisations(list.data ?? []), [list.data]);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const expanded = parentKeys(rows).filter((key) => !collapsed.includes(key));

  const toggleActive = async (organisation: Organisation) => {
    try {
      await setOrganisationActive(organisation.id, !organisation.active);
      message.success(t(organisation.active ? 'orgs.deactivated' : 'orgs.activated'));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const columns: TableColumnsType<OrganisationRow> = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row: OrganisationRow) => (row.active ? name : <Typography.Text type="secondary">{name}</Typography.Text>),
    },
    { title: t('orgs.kind'), dataIndex: 'kind', key: 'kind', width: 220, responsive: ['sm'], render: (kind: string) => t(`orgKind.${kind}`) },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      width: 140,
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    { title: t('orgs.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 140, responsive: ['lg'], render: (at: string) => formatInstant(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_: unknown, row: OrganisationRow) => (
        <Space size="small" wrap>
          {row.abilities.update && (
            <Button size="small" onClick={() => setRenaming(row)} data-testid={`org-rename-${row.id}`}>
              {t('orgs.rename')}
            </Button>
          )}
          {row.abilities.deactivate && (
            <Popconfirm
              title={t(row.active ? 'orgs.confirmDeactivate' : 'orgs.confirmActivate', { name: row.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: row.active, 'data-testid': 'confirm-ok' }}
              onConfirm={() => toggleActive(row)}
            >
              <Button size="small" danger={row.active} data-testid={`org-toggle-${row.id}`}>
                {t(row.active ? 'orgs.deactivate' : 'orgs.activate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('orgs.title')}
      </Typography.Title>
      <div className="toolbar">
        <label htmlFor="org-unit-picker">{t('orgs.unit')}</label>
        <UnitPicker id="org-unit-picker" value={unitCode} onChange={(code) => setQueryParam('unit', code)} testId="org-unit-picker" style={{ width: 360, maxWidth: '100%' }} />
        <Checkbox
          checked={includeInactive}
          onChange={(e: CheckboxChangeEvent) => setQueryParam('inactive', e.target.checked ? '1' : null)}
          data-testid="org-include-inactive"
        >
          {t('orgs.includeInactive')}
        </Checkbox>
        <span className="toolbar__spacer" />
        {can(me, 'organisation.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!unit.data} data-testid="org-add">
            {t('orgs.add')}
          </Button>
        )}
      </div>
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} />
      ) : (
        <Table<OrganisationRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 720 }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open: boolean, row: OrganisationRow) =>
              setCollapsed((keys) => (open ? keys.filter((k) => k !== row.id) : [...keys, row.id])),
          }}
          locale={{ emptyText: t('orgs.empty') }}
          footer={() => t('orgs.count', { count: list.data?.length ?? 0 })}
          data-testid="org-table"
        />
      )}
      {unit.data && (
        <CreateOrganisationDialog
          open={creating}
          unitCode={unitCode}
          unitName={unit.data.name}
          organisations={list.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={() => {
            message.success(t('orgs.created'));
            list.reload();
          }}
        />
      )}
      <RenameOrganisationDialog
        organisation={renaming}
        onClose={() => setRenaming(null)}
        onRenamed={() => {
          message.success(t('orgs.renamed'));
          list.reload();
        }}
      />
    </>
  );
}
