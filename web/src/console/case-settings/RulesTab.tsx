// Tab "Thời hạn": every deadline the workflows use, with its legal basis; root administrators change days, kind of days and basis.
import { Alert, App, Button, Form, Grid, Input, InputNumber, Radio, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { listRules, updateRule } from '../../api/caseSettings.ts';
import type { DeadlineRule, RuleUnit } from '../../api/caseSettings.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { hasKey } from '../../i18n/translate.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { useMe } from '../session/SessionProvider.tsx';
import { isRootAdmin, keepRefusal, settingsError } from './settingsUi.ts';

interface Values {
  days: number;
  unit: RuleUnit;
  basis: string;
}

/** The rule's short name in the current language; its id when the catalog does not know it (a rule added later). */
const nameOf = (id: string, t: TFunction) => (hasKey(`caseSettings.ruleNames.${id}`) ? t(`caseSettings.ruleNames.${id}`) : id);

export function RulesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const manage = isRootAdmin(useMe());
  const narrow = !Grid.useBreakpoint().md;
  const rules = useLoader((signal) => listRules(signal), []);
  const [editing, setEditing] = useState<DeadlineRule | null>(null);
  // Each opening gets a fresh form (its own store): a shared one keeps the previous dialog's values over the new initial ones.
  const [opening, setOpening] = useState(0);
  const open = (target: DeadlineRule) => {
    setOpening((n) => n + 1);
    setEditing(target);
  };

  const ruleName = (id: string) => nameOf(id, t);
  const length = (r: DeadlineRule) => t(`caseSettings.rules.length.${r.unit}`, { days: String(r.days) });

  const submit = async (values: Values) => {
    if (!editing) return;
    await keepRefusal(updateRule(editing.id, { days: values.days, unit: values.unit, basis: values.basis.trim() }));
    message.success(t('common.saved'));
    rules.reload();
  };

  const columns: TableColumnsType<DeadlineRule> = [
    {
      title: t('caseSettings.rules.rule'),
      key: 'rule',
      render: (_: unknown, r: DeadlineRule) => (
        <span data-testid={`rule-${r.id}`}>
          <Typography.Text strong>{ruleName(r.id)}</Typography.Text>
          {narrow && <div data-testid={`rule-length-${r.id}`}>{length(r)}</div>}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {r.basis}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('caseSettings.rules.length.title'),
      key: 'length',
      width: 190,
      responsive: ['md'],
      render: (_: unknown, r: DeadlineRule) => <span data-testid={`rule-length-${r.id}`}>{length(r)}</span>,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: DeadlineRule) => (
              <Button size="small" onClick={() => open(r)} data-testid={`rule-edit-${r.id}`}>
                {t('caseSettings.rules.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('caseSettings.rules.intro')} {!manage && t('caseSettings.readOnly')}
      </Typography.Paragraph>
      {Boolean(rules.error) && <Alert type="error" showIcon title={settingsError(rules.error, t)} style={{ marginBottom: 12 }} />}
      <Table<DeadlineRule>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.loading}
        pagination={false}
        data-testid="rule-table"
      />
      <RuleDialog key={opening} editing={editing} onClose={() => setEditing(null)} onSubmit={submit} />
    </>
  );
}

function RuleDialog({ editing, onClose, onSubmit }: { editing: DeadlineRule | null; onClose: () => void; onSubmit: (values: Values) => Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      open={editing !== null}
      title={editing ? t('caseSettings.rules.editTitle', { rule: nameOf(editing.id, t) }) : ''}
      form={form}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="rule-form"
      initialValues={editing ? { days: editing.days, unit: editing.unit, basis: editing.basis } : undefined}
      width={560}
    >
      <Form.Item
        name="days"
        label={t('caseSettings.rules.days')}
        rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('caseSettings.rules.daysInvalid') }]}
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 140 }} data-testid="rule-form-days" />
      </Form.Item>
      <Form.Item name="unit" label={t('caseSettings.rules.unit')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="rule-form-unit"
          options={(['working', 'calendar'] as const).map((u) => ({ value: u, label: t(`caseSettings.rules.units.${u}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('caseSettings.rules.basis')}
        extra={t('caseSettings.rules.basisHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('caseSettings.rules.basis').toLowerCase() }) }, { max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="rule-form-basis" />
      </Form.Item>
    </FormModal>
  );
}
