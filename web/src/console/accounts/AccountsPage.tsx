// Console page "Tài khoản": accounts in a unit's subtree with search, and the actions each record's abilities allow.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { listAccounts, setAccountActive } from '../../api/accounts.ts';
import { listOrganisations } from '../../api/organisations.ts';
import type { Account, Membership } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { byName, formatInstant, vietnameseCollator } from '../../shared/format.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { UnitPicker } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { CreateAccountDialog, EditAccountDialog, ResetPasswordDialog } from './AccountDialogs.tsx';

// Vietnamese lists order people by given name (the last word), then by the whole name.
const givenName = (fullName: string) => fullName.trim().split(/\s+/).pop() ?? '';
const byPersonName = (a: Account, b: Account) =>
  vietnameseCollator.compare(givenName(a.fullName), givenName(b.fullName)) || vietnameseCollator.compare(a.fullName, b.fullName);

export default function AccountsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const location = useLocation();
  const unitCode = location.query.get('unit') ?? homeUnitCode(me);
  const [text, setText] = useState(location.query.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const manage = can(me, 'account.manage');

  const list = useLoader((signal) => listAccounts(unitCode, q, signal), [unitCode, q]);
  const accounts = useMemo(() => [...(list.data ?? [])].sort(byPersonName), [list.data]);
  const organisations = useLoader(
    (signal) => (manage ? listOrganisations({ unit: unitCode, subtree: true }, signal) : Promise.resolve([])),
    [unitCode, manage],
  );
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .filter((o) => o.active)
        .sort(byName)
        .map((o) => ({ value: o.id, label: `${o.name} — ${o.unitName}` })),
    [organisations.data],
  );

  const toggleActive = async (account: Account) => {
    try {
      await setAccountActive(account.id, !account.active);
      message.success(t(account.active ? 'accounts.deactivated' : 'accounts.activated'));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const columns: TableColumnsType<Account> = [
    {
      title: t('accounts.fullName'),
      key: 'name',
      width: 220,
      render: (_: unknown, account: Account) => (
        <>
          <Typography.Text strong>{account.fullName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" code>
            {account.username}
          </Typography.Text>
          {account.email && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {account.email}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    {
      title: t('accounts.memberships'),
      dataIndex: 'memberships',
      key: 'memberships',
      render: (memberships: Membership[]) => (
        <Space orientation="vertical" size={2}>
          {memberships.map((m) => (
            <span key={`${m.organisationId}:${m.role}`}>
              <Tag color="red" variant="outlined">
                {t(`role.${m.role}`)}
              </Tag>
              {m.organisationName}
              <Typography.Text type="secondary"> — {m.unitName}</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 140,
      render: (_: unknown, account: Account) => {
        if (!account.active) return <Tag>{t('common.inactive')}</Tag>;
        if (account.lockedUntil && new Date(account.lockedUntil) > new Date())
          return <Tag color="orange">{t('accounts.lockedUntil', { time: formatInstant(account.lockedUntil) })}</Tag>;
        return <Tag color="green">{t('common.active')}</Tag>;
      },
    },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 130,
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatInstant(at) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, account: Account) => (
        <Space size={4} wrap>
          {account.abilities.update && (
            <Button size="small" onClick={() => setEditing(account)} data-testid={`account-edit-${account.username}`}>
              {t('accounts.edit')}
            </Button>
          )}
          {account.abilities.update && (
            <Button size="small" onClick={() => setResetting(account)} data-testid={`account-reset-${account.username}`}>
              {t('accounts.resetPassword')}
            </Button>
          )}
          {account.abilities.deactivate && (
            <Popconfirm
              title={t(account.active ? 'accounts.confirmDeactivate' : 'accounts.confirmActivate', { name: account.fullName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: account.active, 'data-testid': 'confirm-ok' }}
              onConfirm={() => toggleActive(account)}
            >
              <Button size="small" danger={account.active} data-testid={`account-toggle-${account.username}`}>
                {t(account.active ? 'accounts.deactivate' : 'accounts.activate')}
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
        {t('accounts.title')}
      </Typography.Title>
      <div className="toolbar">
        <label htmlFor="account-unit-picker">{t('accounts.unit')}</label>
        <UnitPicker id="account-unit-picker" value={unitCode} onChange={(code) => setQueryParam('unit', code)} testId="account-unit-picker" style={{ width: 340, maxWidth: '100%' }} />
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          value={text}
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            setText(e.target.value);
            setQueryParam('q', e.target.value.trim() || null);
          }}
          placeholder={t('accounts.searchPlaceholder')}
          aria-label={t('accounts.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="account-search"
        />
        <span className="toolbar__spacer" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-add">
            {t('accounts.add')}
          </Button>
        )}
      </div>
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} />
      ) : (
        <Table<Account>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={accounts}
          loading={list.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('accounts.empty') }}
          footer={() => t('accounts.count', { count: accounts.length })}
          data-testid="account-table"
        />
      )}
      <CreateAccountDialog
        open={creating}
        options={organisationOptions}
        optionsLoading={organisations.loading}
        onClose={() => setCreating(false)}
        onCreated={() => {
          message.success(t('accounts.created'));
          list.reload();
        }}
      />
      <EditAccountDialog
        account={editing}
        options={organisationOptions}
        optionsLoading={organisations.loading}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('accounts.updated'));
          list.reload();
        }}
      />
      <ResetPasswordDialog
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => message.success(t('accounts.passwordReset'))}
      />
    </>
  );
}
