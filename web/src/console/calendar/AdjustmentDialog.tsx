// The dialog in which a central administrator records a decision's change to one day (a day off added, or a day worked), with its source.
import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { createAdjustment } from '../../api/calendar.ts';
import type { Adjustment, AdjustmentKind } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';

interface Values {
  date: Dayjs;
  kind: AdjustmentKind;
  name: string;
  source: string;
}

// Errors about the day itself are shown under the date field.
const dateCodes = ['invalid_date', 'calendar_out_of_range', 'calendar_adjustment_exists', 'calendar_day_already_off', 'calendar_day_already_working'];

export function AdjustmentDialog(props: { open: boolean; onClose: () => void; onCreated: (created: Adjustment) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    props.onCreated(
      await createAdjustment({ date: values.date.format('YYYY-MM-DD'), kind: values.kind, name: values.name.trim(), source: values.source.trim() }),
    );
  };

  return (
    <FormModal
      open={props.open}
      title={t('calendar.addTitle')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      okText={t('common.create')}
      testId="adjustment-create"
      initialValues={{ kind: 'off' }}
      codeFields={Object.fromEntries(dateCodes.map((code) => [code, 'date']))}
      width={560}
    >
      <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('calendar.date').toLowerCase() }) }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="adjustment-create-date" />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="adjustment-create-kind"
          options={(['off', 'work'] as const).map((kind) => ({ value: kind, label: t(`calendar.adjustmentKinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('calendar.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.name').toLowerCase() }) }, { max: 200 }]}
      >
        <Input maxLength={200} placeholder={t('calendar.namePlaceholder')} data-testid="adjustment-create-name" />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('calendar.source')}
        extra={t('calendar.sourceHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.source').toLowerCase() }) }, { max: 1000 }]}
      >
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('calendar.sourcePlaceholder')} data-testid="adjustment-create-source" />
      </Form.Item>
    </FormModal>
  );
}
