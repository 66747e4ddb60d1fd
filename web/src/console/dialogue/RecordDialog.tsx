// Recording a conference that took place: the day, how many attended, and each recommendation raised — by which group,
// in which field and place — either answered on the spot, or turned into a case with the body that must resolve it
// and by when (default: the "recommendation" rule, 15 working days).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { listFields } from '../../api/caseSettings.ts';
import { organisationChoices, recordHeld } from '../../api/dialogue.ts';
import type { Conference, RecommendationInput } from '../../api/dialogue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { todayInVietnam } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { UnitSelect } from '../shared/UnitPicker.tsx';
import { useLoader } from '../shared/useLoader.ts';

interface RowValues {
  raisedBy: string;
  fieldCode: string;
  placeUnitCode?: string;
  content: string;
  outcome: 'answered' | 'case';
  answer?: string;
  answeredBy?: string;
  ownerOrganisationId?: string;
  dueOn?: Dayjs;
}
interface RecordValues { heldOn: Dayjs; attendance: number; recommendations: RowValues[] }

interface Props { conference: Conference | null; onClose: () => void; onSaved: (c: Conference) => void }

export function RecordDialog({ conference, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const open = conference !== null;
  const fields = useLoader((signal) => (open ? listFields(signal) : Promise.resolve([])), [open]);
  const choices = useLoader((signal) => (conference ? organisationChoices(conference.unit.code, signal) : Promise.resolve(null)), [conference?.unit.code]);
  const today = todayInVietnam();
  const planned = conference ? dayjs(conference.heldOn) : dayjs(today);

  const submit = async (v: RecordValues) => {
    const recommendations: RecommendationInput[] = (v.recommendations ?? []).map((r) => {
      const base = { raisedBy: r.raisedBy.trim(), fieldCode: r.fieldCode, placeUnitCode: r.placeUnitCode ?? null, content: r.content.trim() };
      return r.outcome === 'answered'
        ? { ...base, outcome: 'answered', answer: (r.answer ?? '').trim(), answeredBy: (r.answeredBy ?? '').trim() }
        : { ...base, outcome: 'case', ownerOrganisationId: r.ownerOrganisationId ?? '', ...(r.dueOn ? { dueOn: r.dueOn.format('YYYY-MM-DD') } : {}) };
    });
    onSaved(await recordHeld(conference!.id, { heldOn: v.heldOn.format('YYYY-MM-DD'), attendance: v.attendance, recommendations }));
  };

  const required = { required: true, message: t('dialogue.required') };
  const fieldOptions = (fields.data ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }));
  const ownerOptions = (choices.data?.owners ?? []).map((o) => ({ value: o.id, label: o.unit.code === conference?.unit.code ? o.name : `${o.name} (${o.unit.name})` }));
  const blankRow: Partial<RowValues> = { outcome: 'answered' };

  return (
    <FormModal<RecordValues>
      open={open}
      title={t('dialogue.record.title')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      testId="dialogue-record"
      width={880}
      okText={t('dialogue.record.submit')}
      initialValues={{ heldOn: planned.isAfter(dayjs(today)) ? dayjs(today) : planned, recommendations: [blankRow as RowValues] }}
    >
      <div className="dialogue-form-row">
        <Form.Item name="heldOn" label={t('dialogue.record.heldOn')} rules={[required]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} data-testid="dialogue-record-date" />
        </Form.Item>
        <Form.Item name="attendance" label={t('dialogue.record.attendance')} rules={[required]}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} data-testid="dialogue-record-attendance" />
        </Form.Item>
      </div>
      <Typography.Title level={5}>{t('dialogue.record.recommendations')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dialogue.record.groupHint')}</Typography.Paragraph>
      <Form.List name="recommendations">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                className="dialogue-rec-card"
                title={t('dialogue.record.number', { n: i + 1 })}
                extra={<Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('dialogue.remove')} data-testid={`dialogue-rec-remove-${i}`} />}
                data-testid={`dialogue-rec-${i}`}
              >
                <div className="dialogue-form-row">
                  <Form.Item name={[row.name, 'raisedBy']} label={t('dialogue.record.raisedBy')} rules={[required, { min: 2, max: 200, message: t('dialogue.length', { min: 2, max: 200 }) }]}>
                    <Input placeholder={t('dialogue.record.raisedByExample')} data-testid={`dialogue-rec-raised-by-${i}`} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'fieldCode']} label={t('dialogue.record.field')} rules={[required]}>
                    <Select options={fieldOptions} showSearch={{ optionFilterProp: 'label' }} loading={fields.loading} data-testid={`dialogue-rec-field-${i}`} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'placeUnitCode']} label={t('dialogue.record.place')}>
                    <UnitSelect testId={`dialogue-rec-place-${i}`} placeholder={conference?.unit.name} />
                  </Form.Item>
                </div>
                <Form.Item name={[row.name, 'content']} label={t('dialogue.record.content')} rules={[required, { min: 10, max: 5000, message: t('dialogue.length', { min: 10, max: 5000 }) }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`dialogue-rec-content-${i}`} />
                </Form.Item>
                <Form.Item name={[row.name, 'outcome']} rules={[required]}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'answered', label: <span data-testid={`dialogue-rec-answered-${i}`}>{t('dialogue.record.answered')}</span> },
                      { value: 'case', label: <span data-testid={`dialogue-rec-case-${i}`}>{t('dialogue.record.toCase')}</span> },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.recommendations?.[row.name]?.outcome !== b.recommendations?.[row.name]?.outcome}>
                  {() =>
                    form.getFieldValue(['recommendations', row.name, 'outcome']) === 'case' ? (
                      <div className="dialogue-form-row">
                        <Form.Item name={[row.name, 'ownerOrganisationId']} label={t('dialogue.record.owner')} rules={[required]}>
                          <Select options={ownerOptions} showSearch={{ optionFilterProp: 'label' }} loading={choices.loading} data-testid={`dialogue-rec-owner-${i}`} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'dueOn']} label={t('dialogue.record.dueOn')} extra={t('dialogue.record.dueHint')}>
                          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(today), 'day')} placeholder={t('dialogue.record.duePlaceholder')} data-testid={`dialogue-rec-due-${i}`} />
                        </Form.Item>
                      </div>
                    ) : (
                      <>
                        <Form.Item name={[row.name, 'answer']} label={t('dialogue.record.answer')} rules={[required, { min: 5, max: 5000, message: t('dialogue.length', { min: 5, max: 5000 }) }]}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`dialogue-rec-answer-${i}`} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'answeredBy']} label={t('dialogue.record.answeredBy')} rules={[required, { min: 2, max: 200, message: t('dialogue.length', { min: 2, max: 200 }) }]}>
                          <Input placeholder={t('dialogue.record.answeredByExample')} data-testid={`dialogue-rec-answered-by-${i}`} />
                        </Form.Item>
                      </>
                    )
                  }
                </Form.Item>
              </Card>
            ))}
            {rows.length === 0 && <Alert type="info" showIcon title={t('dialogue.record.none')} style={{ marginBottom: 12 }} />}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blankRow)} data-testid="dialogue-rec-add">
              {t('dialogue.record.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
