// Tab "Lĩnh vực": the fields a case is classified in, with the level that handles them; root administrators add, rename,
// change the level, stop and reuse them. Others read the list.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Grid, Input, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { createField, listFields, updateField } from '../../api/caseSettings.ts';
import type { CaseField, FieldLevel } from '../../api/caseSettings.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { useMe } from '../session/SessionProvider.tsx';
import { isRootAdmin, keepRefusal, settingsError } from './settingsUi.ts';

const levels: FieldLevel[] = ['commune', 'province'];

interface Values {
  code: string;
  name: string;
  level: FieldLevel;
}

export function FieldsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const manage = isRootAdmin(useMe());
  const narrow = !Grid.useBreakpoint().md;
  const fields = useLoader((signal) => listFields(signal), []);
  const [editing, setEditing] = useState<CaseField | 'new' | null>(null);
  // Each opening gets a fresh form (its own store): a shared one keeps the previous dialog's values over the new initial ones.
  const [opening, setOpening] = useState(0);
  const open = (target: CaseField | 'new') => {
    setOpening((n) => n + 1);
    setEditing(target);
  };

  const toggle = async (f: CaseField) => {
    try {
      await updateField(f.code, { active: !f.active });
      message.success(t(f.active ? 'caseSettings.fields.deactivated' : 'caseSettings.fields.reactivated', { name: f.name }));
      fields.reload();
    } catch (error) {
      message.error(settingsError(error, t));
    }
  };

  const submit = async (values: Values) => {
    if (editing === 'new') {
      await keepRefusal(createField({ code: values.code.trim(), name: values.name.trim(), level: values.level }));
      message.success(t('caseSettings.fields.created'));
    } else if (editing) {
      await keepRefusal(updateField(editing.code, { name: values.name.trim(), level: values.level }));
      message.success(t('common.saved'));
    }
    fields.reload();
  };

  const levelTag = (level: FieldLevel) => <Tag color={level === 'province' ? 'purple' : 'blue'}>{t(`caseSettings.levels.${level}`)}</Tag>;
  const stateTag = (active: boolean) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'common.active' : 'common.inactive')}</Tag>;

  const columns: TableColumnsType<CaseField> = [
    {
      title: t('caseSettings.fields.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, f: CaseField) => (
        <span>
          {name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {f.code}
          </Typography.Text>
          {narrow && (
            <div>
              {levelTag(f.level)}
              {stateTag(f.active)}
            </div>
          )}
        </span>
      ),
    },
    { title: t('caseSettings.fields.level'), dataIndex: 'level', key: 'level', width: 170, responsive: ['md'], render: levelTag },
    { title: t('common.status'), dataIndex: 'active', key: 'active', width: 160, responsive: ['md'], render: stateTag },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: narrow ? 110 : 230,
            render: (_: unknown, f: CaseField) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => open(f)} data-testid={`field-edit-${f.code}`}>
                  {t('caseSettings.fields.edit')}
                </Button>
                <Popconfirm
                  title={t(f.active ? 'caseSettings.fields.confirmDeactivate' : 'caseSettings.fields.confirmReactivate', { name: f.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: f.active, 'data-testid': 'confirm-ok' }}
                  onConfirm={() => toggle(f)}
                >
                  <Button size="small" danger={f.active} data-testid={`field-toggle-${f.code}`}>
                    {t(f.active ? 'caseSettings.fields.deactivate' : 'caseSettings.fields.reactivate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="toolbar">
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: '1 1 240px' }}>
          {t('caseSettings.fields.intro')} {!manage && t('caseSettings.readOnly')}
        </Typography.Paragraph>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="field-add">
            {t('caseSettings.fields.add')}
          </Button>
        )}
      </div>
      {Boolean(fields.error) && <Alert type="error" showIcon title={settingsError(fields.error, t)} style={{ marginBottom: 12 }} />}
      <Table<CaseField>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={fields.data ?? []}
        loading={fields.loading}
        pagination={false}
        locale={{ emptyText: t('caseSettings.fields.empty') }}
        data-testid="field-table"
      />
      <FieldDialog key={opening} editing={editing} onClose={() => setEditing(null)} onSubmit={submit} />
    </>
  );
}

function FieldDialog({ editing, onClose, onSubmit }: { editing: CaseField | 'new' | null; onClose: () => void; onSubmit: (values: Values) => Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open={editing !== null}
      title={editing === 'new' ? t('caseSettings.fields.addTitle') : t('caseSettings.fields.editTitle', { code: editing?.code ?? '' })}
      form={form}
      onSubmit={onSubmit}
      onClose={onClose}
      okText={editing === 'new' ? t('common.create') : t('common.save')}
      testId="field-form"
      initialValues={editing && editing !== 'new' ? { code: editing.code, name: editing.name, level: editing.level } : { level: 'commune' }}
      codeFields={{ field_code_taken: 'code' }}
      width={520}
    >
      {editing === 'new' && (
        <Form.Item
          name="code"
          label={t('caseSettings.fields.code')}
          extra={t('caseSettings.fields.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('caseSettings.fields.code').toLowerCase() }) },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('caseSettings.fields.codeInvalid') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" data-testid="field-form-code" />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('caseSettings.fields.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('caseSettings.fields.name').toLowerCase() }) }, { max: 200 }]}
      >
        <Input maxLength={200} data-testid="field-form-name" />
      </Form.Item>
      <Form.Item name="level" label={t('caseSettings.fields.level')} extra={t('caseSettings.fields.levelHint')} rules={[{ required: true }]}>
        <Radio.Group data-testid="field-form-level" options={levels.map((level) => ({ value: level, label: t(`caseSettings.levels.${level}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
