// Tab "Kết nối Open311" (central administrators): keys that tell integrating apps apart, issued once and revocable.
import { ApiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { issueOpen311Key, listOpen311Keys, revokeOpen311Key, type Open311Key } from '../../api/open311.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { settingsError } from './settingsUi.ts';

export function Open311Tab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const keys = useLoader((signal) => listOpen311Keys(signal), []);
  const [form] = Form.useForm<{ name: string }>();
  const [asking, setAsking] = useState(false);
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);

  const revoke = async (k: Open311Key) => {
    try {
      await revokeOpen311Key(k.id);
      message.success(t('caseSettings.open311.revokedDone'));
      keys.reload();
    } catch (error) {
      message.error(settingsError(error, t));
    }
  };

  const columns: TableColumnsType<Open311Key> = [
    { title: t('caseSettings.open311.name'), dataIndex: 'name' },
    { title: t('caseSettings.open311.hint'), dataIndex: 'hint', render: (h: string) => <code>o311_…{h}</code> },
    { title: t('caseSettings.open311.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatInstant(at) },
    { title: t('caseSettings.open311.requests'), dataIndex: 'requests', align: 'right' },
    {
      title: t('caseSettings.open311.status'), key: 'status',
      render: (_, k) => k.revokedAt
        ? <Tag>{t('caseSettings.open311.revoked', { at: formatInstant(k.revokedAt) })}</Tag>
        : (
          <Popconfirm title={t('caseSettings.open311.revokeConfirm', { name: k.name })} onConfirm={() => revoke(k)} okButtonProps={{ 'data-testid': 'confirm-ok' } as never}>
            <Button size="small" danger data-testid={`open311-revoke-${k.id}`}>{t('caseSettings.open311.revoke')}</Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Typography.Paragraph>{t('caseSettings.open311.intro', { url: `${window.location.origin}/open311/v2/` })}</Typography.Paragraph>
      <Button type="primary" icon={<ApiOutlined />} onClick={() => { form.resetFields(); setAsking(true); }} data-testid="open311-issue">
        {t('caseSettings.open311.issue')}
      </Button>
      <Table<Open311Key>
        rowKey="id" size="middle" style={{ marginTop: 16 }} scroll={{ x: 'max-content' }} data-testid="open311-keys"
        loading={keys.loading} dataSource={keys.data ?? []} columns={columns} pagination={false}
        locale={{ emptyText: t('caseSettings.open311.empty') }}
      />
      <FormModal<{ name: string }>
        open={asking} title={t('caseSettings.open311.issue')} form={form} testId="open311-issue"
        onClose={() => setAsking(false)}
        onSubmit={async ({ name }) => {
          const r = await issueOpen311Key(name.trim());
          setAsking(false);
          setIssued({ name: r.name, key: r.key });
          keys.reload();
        }}
      >
        <Form.Item name="name" label={t('caseSettings.open311.name')} rules={[{ required: true, whitespace: true, min: 2, max: 120 }]}>
          <Input autoFocus maxLength={120} data-testid="open311-issue-name" />
        </Form.Item>
      </FormModal>
      <Modal
        open={Boolean(issued)} title={issued ? t('caseSettings.open311.issuedTitle', { name: issued.name }) : ''}
        onCancel={() => setIssued(null)} onOk={() => setIssued(null)} cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('caseSettings.open311.issuedNote')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: issued?.key ?? '', onCopy: () => message.success(t('caseSettings.open311.copied')) }}>
          <code data-testid="open311-issued-key">{issued?.key}</code>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
