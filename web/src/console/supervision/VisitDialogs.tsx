// The dialogs of the "Giám sát" tab: a yearly programme, a supervision's plan, its results with the recommendations
// (each becomes a case addressed to the supervised body), and its cancellation with the reason.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { listOrganisations } from '../../api/organisations.ts';
import type { CaseField } from '../../api/cases.ts';
import { cancelVisit, createProgramme, listProgrammes, planVisit, recordVisit, supervisingKinds, supervisionForms } from '../../api/supervision.ts';
import type { SupervisionForm, Visit } from '../../api/supervision.ts';
import type { Organisation } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';
import { useLoader } from '../shared/useLoader.ts';

const DATE = 'DD/MM/YYYY';
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const required = (t: TFunction, label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
const requiredSelect = (t: TFunction, label: string) => ({ required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) });

/** The organisations of a unit's subtree the official may see, loaded while a dialog is open. */
export function useOrganisations(unit: string, open: boolean) {
  return useLoader((signal) => (open ? listOrganisations({ unit, subtree: true }, signal) : Promise.resolve([] as Organisation[])), [unit, open]);
}

/** The Front and the organisations under it in the unit itself: who supervises and critiques. */
export const frontOptions = (orgs: Organisation[] | undefined, unit: string) =>
  (orgs ?? []).filter((o) => o.active && o.unitCode === unit && (supervisingKinds as readonly string[]).includes(o.kind)).map((o) => ({ value: o.id, label: o.name }));

export const organisationOptions = (orgs: Organisation[] | undefined, unit: string, except?: string) =>
  (orgs ?? []).filter((o) => o.active && o.id !== except).map((o) => ({ value: o.id, label: o.unitCode === unit ? o.name : `${o.name} (${o.unitName})` }));

function NoFront({ shown }: { shown: boolean }) {
  const { t } = useI18n();
  return shown ? <Alert type="warning" showIcon title={t('console.supervision.noFront')} style={{ marginBottom: 12 }} /> : null;
}

interface ProgrammeValues { organisationId: string; year: number; title: string; content?: string }

export function ProgrammeDialog(props: { open: boolean; unit: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProgrammeValues>();
  const orgs = useOrganisations(props.unit, props.open);
  const fronts = frontOptions(orgs.data, props.unit);
  const f = (key: string) => t(`console.supervision.programmeForm.${key}`);
  return (
    <FormModal
      open={props.open}
      title={f('title')}
      form={form}
      testId="supervision-programme-form"
      initialValues={{ year: Number(todayInVietnam().slice(0, 4)), organisationId: fronts.length === 1 ? fronts[0].value : undefined }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await createProgramme({ organisationId: v.organisationId, year: v.year, title: v.title.trim(), content: v.content?.trim() || undefined });
        props.onSaved();
      }}
    >
      <NoFront shown={!orgs.loading && fronts.length === 0} />
      <Form.Item name="organisationId" label={f('organisation')} rules={[requiredSelect(t, f('organisation'))]}>
        <Select loading={orgs.loading} options={fronts} data-testid="supervision-programme-form-organisation" />
      </Form.Item>
      <Form.Item name="year" label={f('year')} rules={[{ required: true, type: 'integer', min: 2000, max: 2100 }]}>
        <InputNumber min={2000} max={2100} precision={0} data-testid="supervision-programme-form-year" />
      </Form.Item>
      <Form.Item name="title" label={f('name')} rules={[required(t, f('name')), { min: 5, max: 300 }]}>
        <Input maxLength={300} data-testid="supervision-programme-form-name" />
      </Form.Item>
      <Form.Item name="content" label={f('content')} rules={[{ max: 10000 }]}>
        <Input.TextArea rows={3} maxLength={10000} data-testid="supervision-programme-form-content" />
      </Form.Item>
    </FormModal>
  );
}

interface PlanValues {
  organisationId: string;
  programmeId?: string;
  subjectOrganisationId: string;
  form: SupervisionForm;
  topic: string;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
}

export function PlanDialog(props: { open: boolean; unit: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const orgs = useOrganisations(props.unit, props.open);
  const programmes = useLoader((signal) => (props.open ? listProgrammes({ unit: props.unit }, signal) : Promise.resolve([])), [props.unit, props.open]);
  const organisationId = Form.useWatch('organisationId', form);
  const startedOn = Form.useWatch('startedOn', form);
  const fronts = frontOptions(orgs.data, props.unit);
  const year = startedOn ? startedOn.year() : undefined;
  const f = (key: string) => t(`console.supervision.planForm.${key}`);
  return (
    <FormModal
      open={props.open}
      title={f('title')}
      form={form}
      width={640}
      testId="supervision-plan-form"
      initialValues={{ form: 'doan_giam_sat', startedOn: dayjs(todayInVietnam()), organisationId: fronts.length === 1 ? fronts[0].value : undefined }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await planVisit({
          organisationId: v.organisationId, programmeId: v.programmeId ?? null, subjectOrganisationId: v.subjectOrganisationId, form: v.form,
          topic: v.topic.trim(), startedOn: day(v.startedOn)!, endedOn: day(v.endedOn) ?? null,
        });
        props.onSaved();
      }}
    >
      <NoFront shown={!orgs.loading && fronts.length === 0} />
      <Form.Item name="organisationId" label={f('organisation')} rules={[requiredSelect(t, f('organisation'))]}>
        <Select loading={orgs.loading} options={fronts} data-testid="supervision-plan-form-organisation" />
      </Form.Item>
      <Form.Item name="subjectOrganisationId" label={f('subject')} extra={f('subjectHint')} rules={[requiredSelect(t, f('subject'))]}>
        <Select
          showSearch={{ filterOption: accentInsensitive }}
          loading={orgs.loading}
          options={organisationOptions(orgs.data, props.unit, organisationId)}
          data-testid="supervision-plan-form-subject"
        />
      </Form.Item>
      <Form.Item name="form" label={f('form')} rules={[requiredSelect(t, f('form'))]}>
        <Select options={supervisionForms.map((k) => ({ value: k, label: t(`console.supervision.form.${k}`) }))} data-testid="supervision-plan-form-kind" />
      </Form.Item>
      <Form.Item name="topic" label={f('topic')} rules={[required(t, f('topic')), { min: 5, max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="supervision-plan-form-topic" />
      </Form.Item>
      <div className="supervision-form-row">
        <Form.Item name="startedOn" label={f('startedOn')} rules={[requiredSelect(t, f('startedOn'))]}>
          <DatePicker format={DATE} allowClear={false} data-testid="supervision-plan-form-started" />
        </Form.Item>
        <Form.Item
          name="endedOn"
          label={f('endedOn')}
          dependencies={['startedOn']}
          rules={[({ getFieldValue }) => ({
            validator: async (_r: unknown, v: Dayjs | null | undefined) => {
              const s = getFieldValue('startedOn') as Dayjs | undefined;
              if (v && s && v.isBefore(s, 'day')) throw new Error(t('console.supervision.endBeforeStart'));
            },
          })]}
        >
          <DatePicker format={DATE} data-testid="supervision-plan-form-ended" />
        </Form.Item>
      </div>
      <Form.Item name="programmeId" label={f('programme')} extra={f('programmeHint')}>
        <Select
          allowClear
          loading={programmes.loading}
          options={(programmes.data ?? []).filter((p) => !year || p.year === year).map((p) => ({ value: p.id, label: `${p.title} (${p.organisation.name})` }))}
          data-testid="supervision-plan-form-programme"
        />
      </Form.Item>
    </FormModal>
  );
}

interface RecordValues {
  startedOn: Dayjs;
  endedOn: Dayjs;
  findings: string;
  recommendations?: { fieldCode?: string; content?: string; dueOn?: Dayjs | null }[];
}

export function RecordDialog(props: { visit: Visit | null; fields: CaseField[]; onClose: () => void; onSaved: (v: Visit) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const v = props.visit;
  const f = (key: string) => t(`console.supervision.recordForm.${key}`);
  const today = dayjs(todayInVietnam());
  const ended = v?.endedOn && !dayjs(v.endedOn).isAfter(today) ? dayjs(v.endedOn) : today;
  return (
    <FormModal
      open={v !== null}
      title={v ? t('console.supervision.recordForm.title', { topic: v.topic }) : ''}
      form={form}
      width={720}
      testId="supervision-record-form"
      initialValues={v ? { startedOn: dayjs(v.startedOn), endedOn: ended, recommendations: [] } : undefined}
      onClose={props.onClose}
      onSubmit={async (values) => {
        const out = await recordVisit(v!.id, {
          startedOn: day(values.startedOn), endedOn: day(values.endedOn)!, findings: values.findings.trim(),
          recommendations: (values.recommendations ?? []).map((r) => ({ fieldCode: r.fieldCode!, content: r.content!.trim(), dueOn: day(r.dueOn) })),
        });
        props.onSaved(out);
      }}
    >
      {v && (
        <Typography.Paragraph type="secondary">
          {t(`console.supervision.form.${v.form}`)} · {v.supervisorName} → {v.subject.name}
        </Typography.Paragraph>
      )}
      <div className="supervision-form-row">
        <Form.Item name="startedOn" label={f('startedOn')} rules={[requiredSelect(t, f('startedOn'))]}>
          <DatePicker format={DATE} allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} data-testid="supervision-record-form-started" />
        </Form.Item>
        <Form.Item
          name="endedOn"
          label={f('endedOn')}
          dependencies={['startedOn']}
          rules={[
            requiredSelect(t, f('endedOn')),
            ({ getFieldValue }) => ({
              validator: async (_r: unknown, value: Dayjs | null | undefined) => {
                const s = getFieldValue('startedOn') as Dayjs | undefined;
                if (value && s && value.isBefore(s, 'day')) throw new Error(t('console.supervision.endBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker format={DATE} allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} data-testid="supervision-record-form-ended" />
        </Form.Item>
      </div>
      <Form.Item name="findings" label={f('findings')} rules={[required(t, f('findings')), { min: 10, max: 20000 }]}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="supervision-record-form-findings" />
      </Form.Item>
      <Form.List name="recommendations">
        {(items, { add, remove }) => (
          <fieldset className="supervision-fieldset">
            <legend>{f('recommendations')}</legend>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{f('recommendationsHint')}</Typography.Paragraph>
            {items.map((item, index) => (
              <div key={item.key} className="supervision-rec-row" data-testid={`supervision-record-rec-${index}`}>
                <Typography.Text strong>{t('console.supervision.recordForm.recommendation', { n: index + 1 })}</Typography.Text>
                <Form.Item name={[item.name, 'content']} label={f('recContent')} rules={[required(t, f('recContent')), { min: 10, max: 5000 }]}>
                  <Input.TextArea rows={2} maxLength={5000} data-testid={`supervision-record-rec-content-${index}`} />
                </Form.Item>
                <div className="supervision-form-row">
                  <Form.Item name={[item.name, 'fieldCode']} label={f('recField')} rules={[requiredSelect(t, f('recField'))]}>
                    <Select
                      showSearch={{ filterOption: accentInsensitive }}
                      options={props.fields.filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))}
                      data-testid={`supervision-record-rec-field-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'dueOn']} label={f('recDue')} extra={f('recDueHint')}>
                    <DatePicker format={DATE} disabledDate={(d) => d.isBefore(today, 'day')} data-testid={`supervision-record-rec-due-${index}`} />
                  </Form.Item>
                </div>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} data-testid={`supervision-record-rec-remove-${index}`}>
                  {f('removeRecommendation')}
                </Button>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={items.length >= 50} data-testid="supervision-record-rec-add">
              {f('addRecommendation')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </FormModal>
  );
}

export function CancelDialog(props: { visit: Visit | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const v = props.visit;
  const label = t('console.supervision.cancelForm.reason');
  return (
    <FormModal
      open={v !== null}
      title={v ? t('console.supervision.cancelForm.title', { topic: v.topic, date: formatDay(v.startedOn) }) : ''}
      form={form}
      testId="supervision-cancel-form"
      okText={t('console.supervision.cancelForm.ok')}
      onClose={props.onClose}
      onSubmit={async (values) => {
        await cancelVisit(v!.id, values.reason.trim());
        props.onSaved();
      }}
    >
      <Form.Item name="reason" label={label} rules={[required(t, label), { min: 5, max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="supervision-cancel-form-reason" />
      </Form.Item>
    </FormModal>
  );
}
