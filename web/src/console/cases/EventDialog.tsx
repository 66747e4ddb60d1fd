// One dialog per workflow step: the inputs that step needs (see the API's eventBody), its legal basis, and the server's verdict.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { addCaseEvent, caseKinds, decisionResults, filingGrounds, listHandlers } from '../../api/cases.ts';
import type { CaseDetail, CaseEventInput, CaseEventType, CaseHandler } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { todayInVietnam, vietnameseCollator } from '../../shared/format.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { accentInsensitive } from '../shared/selectSearch.ts';
import { UnitSelect, useCaseFields } from './caseUi.tsx';

export type ActionType = Exclude<CaseEventType, 'received' | 'attachment_added'>;

type Values = Record<string, unknown>;

/** Error codes the server names that belong under one field of a step's dialog. */
function codeFieldsOf(type: ActionType | null): Record<string, string> {
  switch (type) {
    case 'classified':
      return { field_not_found: 'fieldCode', unit_not_found: 'responsibleUnitCode', unit_not_in_force: 'responsibleUnitCode' };
    case 'assigned':
      return { handler_invalid: 'handlerId' };
    case 'transferred':
      return { transfer_same_unit: 'toUnitCode', unit_not_found: 'toUnitCode', unit_not_in_force: 'toUnitCode' };
    case 'split':
      return {};
    case 'dialogue_held':
      return { event_date_invalid: 'heldOn' };
    case 'extended':
      return { extension_too_long: 'days' };
    case 'decided':
      return { event_date_invalid: 'decidedOn' };
    default:
      return {};
  }
}

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const day = (v: unknown) => (v && dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);

/** The request body for a step from the dialog's values; empty optional inputs are left out. */
function bodyOf(type: ActionType, v: Values, c: CaseDetail): CaseEventInput {
  const reason = trimmed(v.reason);
  const withReason = reason ? { reason } : {};
  switch (type) {
    case 'classified': {
      const body: CaseEventInput = { type, ...withReason };
      if (v.kind && v.kind !== c.kind) body.kind = v.kind;
      if (v.fieldCode && v.fieldCode !== c.fieldCode) body.fieldCode = v.fieldCode;
      if (trimmed(v.title) && trimmed(v.title) !== c.title) body.title = trimmed(v.title);
      if (v.responsibleUnitCode && v.responsibleUnitCode !== c.responsibleUnit.code) body.responsibleUnitCode = v.responsibleUnitCode;
      if (Boolean(v.overLevel) !== c.flags.overLevel) body.overLevel = Boolean(v.overLevel);
      if ((v.kind ?? c.kind) === 'to_cao' && Boolean(v.complex) !== c.flags.complex) body.complex = Boolean(v.complex);
      if (v.duplicateOf) body.duplicateOf = v.duplicateOf;
      return body;
    }
    case 'assigned':
      return { type, handlerId: v.handlerId, ...withReason };
    case 'accepted':
      return { type, complex: Boolean(v.complex), ...withReason };
    case 'guided':
      return { type, competentBody: trimmed(v.competentBody), reason };
    case 'transferred':
      return v.target === 'agency'
        ? { type, toAgency: trimmed(v.toAgency), reason }
        : { type, toUnitCode: v.toUnitCode, reason };
    case 'filed':
      return { type, ground: v.ground, reason };
    case 'split':
      return {
        type,
        parts: ((v.parts as Values[] | undefined) ?? []).map((p) => ({ kind: p.kind, fieldCode: p.fieldCode, title: trimmed(p.title), content: trimmed(p.content) })),
        ...withReason,
      };
    case 'verified':
      return { type, findings: trimmed(v.findings), differsFromRequest: Boolean(v.differsFromRequest) };
    case 'dialogue_held':
      return { type, heldOn: day(v.heldOn), summary: trimmed(v.summary) };
    case 'extended':
      return { type, decisionNumber: trimmed(v.decisionNumber), days: v.days, reason };
    case 'decided':
      return { type, decisionNumber: trimmed(v.decisionNumber), decidedOn: day(v.decidedOn), result: v.result, summary: trimmed(v.summary) };
    case 'answered':
      return { type, answer: trimmed(v.answer), publishable: Boolean(v.publishable) };
    case 'withdrawn':
    case 'appealed':
    case 'reopened':
      return { type, reason };
    case 'closed':
      return { type, ...withReason };
  }
}

/** Prefills: classification starts from what the case says now; dates from today. */
function initialValuesOf(type: ActionType, c: CaseDetail, preset?: Values): Values {
  const today = dayjs(todayInVietnam());
  switch (type) {
    case 'classified':
      return { kind: c.kind, fieldCode: c.fieldCode, title: c.title, overLevel: c.flags.overLevel, complex: c.flags.complex, ...preset };
    case 'accepted':
      return { complex: c.flags.complex };
    case 'transferred':
      return { target: 'unit' };
    case 'split':
      return { parts: [{ kind: c.kind, fieldCode: c.fieldCode }, { kind: c.kind, fieldCode: c.fieldCode }] };
    case 'dialogue_held':
      return { heldOn: today };
    case 'decided':
      return { decidedOn: today };
    case 'extended':
      return { days: 30 };
    default:
      return {};
  }
}

export function EventDialog(props: {
  type: ActionType | null;
  basis: string | null;
  c: CaseDetail;
  /** Values set beforehand, e.g. duplicateOf when marking a duplicate from the suggestions. */
  preset?: Values;
  onClose: () => void;
  onSaved: (updated: CaseDetail, type: ActionType) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const type = props.type;
  const c = props.c;
  const fields = useCaseFields();
  const fieldOptions = fields.filter((f) => f.active || f.code === c.fieldCode).map((f) => ({ value: f.code, label: f.name }));
  const kindOptions = caseKinds.map((k) => ({ value: k, label: t(`caseKind.${k}`) }));
  const target = Form.useWatch('target', form);
  const classifiedKind = Form.useWatch('kind', form);
  const [handlers, setHandlers] = useState<CaseHandler[]>([]);
  const today = todayInVietnam();

  useEffect(() => {
    if (type !== 'assigned') return;
    const controller = new AbortController();
    listHandlers(c.responsibleUnit.code, controller.signal).then(
      (items) => setHandlers([...items].sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName))),
      () => setHandlers([]),
    );
    return () => controller.abort();
  }, [type, c.responsibleUnit.code]);

  // A rule with more than `required` is checked as a string by antd; numbers, dates and choices get `required` alone.
  const req = (label: string, select = false) =>
    select
      ? { required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) }
      : { required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) };
  const reasonItem = (required: boolean) => (
    <Form.Item
      name="reason"
      label={required ? t('eventForm.reason') : t('eventForm.note')}
      rules={required ? [req(t('eventForm.reason')), { max: 2000 }] : [{ max: 2000 }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="event-reason" />
    </Form.Item>
  );
  const dayRule = {
    validator: (_rule: unknown, value: Dayjs | null) => {
      const d = value?.format('YYYY-MM-DD');
      return d && (d > today || d < c.receivedOn) ? Promise.reject(new Error(t('eventForm.notFuture'))) : Promise.resolve();
    },
  };
  const disabledDay = (d: Dayjs) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < c.receivedOn;
  const dayItem = (name: 'heldOn' | 'decidedOn', testId: string) => (
    <Form.Item name={name} label={t(`eventForm.${name}`)} rules={[req(t(`eventForm.${name}`), true), dayRule]}>
      <DatePicker format="DD/MM/YYYY" disabledDate={disabledDay} allowClear={false} data-testid={testId} />
    </Form.Item>
  );
  const summaryItem = () => (
    <Form.Item name="summary" label={t('eventForm.summary')} rules={[req(t('eventForm.summary'))]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="event-summary" />
    </Form.Item>
  );

  let inputs: ReactNode = null;
  switch (type) {
    case 'classified':
      inputs = (
        <>
          <Form.Item name="kind" label={t('eventForm.kind')} rules={[req(t('eventForm.kind'), true)]}>
            <Select options={kindOptions} data-testid="event-kind" />
          </Form.Item>
          <Form.Item name="fieldCode" label={t('eventForm.field')} rules={[req(t('eventForm.field'), true)]}>
            <Select showSearch={{ filterOption: accentInsensitive }} options={fieldOptions} data-testid="event-field" />
          </Form.Item>
          <Form.Item name="title" label={t('eventForm.title')} rules={[req(t('eventForm.title')), { min: 5, max: 300 }]}>
            <Input maxLength={300} data-testid="event-title" />
          </Form.Item>
          <Form.Item name="responsibleUnitCode" label={t('eventForm.responsibleUnit')} extra={t('eventForm.responsibleUnitHint')}>
            <UnitSelect placeholder={c.responsibleUnit.name} testId="event-responsible-unit" />
          </Form.Item>
          <Form.Item name="overLevel" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="event-over-level">{t('eventForm.overLevel')}</Checkbox>
          </Form.Item>
          {(classifiedKind ?? c.kind) === 'to_cao' && (
            <Form.Item name="complex" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="event-complex">{t('eventForm.complex')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="duplicateOf" hidden>
            <Input />
          </Form.Item>
          {reasonItem(false)}
        </>
      );
      break;
    case 'assigned':
      inputs = (
        <>
          <Form.Item name="handlerId" label={t('eventForm.handler')} rules={[req(t('eventForm.handler'), true)]}>
            <Select
              showSearch={{ filterOption: accentInsensitive }}
              options={handlers.map((h) => ({ value: h.id, label: h.fullName }))}
              notFoundContent={t('cases.noHandlers')}
              data-testid="event-handler"
            />
          </Form.Item>
          {reasonItem(false)}
        </>
      );
      break;
    case 'accepted':
      inputs = (
        <>
          {(c.kind === 'khieu_nai' || c.kind === 'to_cao') && (
            <Form.Item name="complex" valuePropName="checked">
              <Checkbox data-testid="event-complex">{t('eventForm.complex')}</Checkbox>
            </Form.Item>
          )}
          {reasonItem(false)}
        </>
      );
      break;
    case 'guided':
      inputs = (
        <>
          <Form.Item name="competentBody" label={t('eventForm.competentBody')} rules={[req(t('eventForm.competentBody')), { max: 300 }]}>
            <Input maxLength={300} data-testid="event-competent-body" />
          </Form.Item>
          {reasonItem(true)}
        </>
      );
      break;
    case 'transferred':
      inputs = (
        <>
          <Form.Item name="target" label={t('eventForm.transferTo')}>
            <Radio.Group
              options={[
                { value: 'unit', label: t('eventForm.transferUnit') },
                { value: 'agency', label: t('eventForm.transferAgency') },
              ]}
              data-testid="event-transfer-target"
            />
          </Form.Item>
          {target === 'agency' ? (
            <Form.Item name="toAgency" label={t('eventForm.agency')} rules={[req(t('eventForm.agency')), { max: 300 }]}>
              <Input maxLength={300} data-testid="event-to-agency" />
            </Form.Item>
          ) : (
            <Form.Item name="toUnitCode" label={t('eventForm.unit')} rules={[req(t('eventForm.unit'), true)]}>
              <UnitSelect testId="event-to-unit" />
            </Form.Item>
          )}
          {reasonItem(true)}
        </>
      );
      break;
    case 'filed':
      inputs = (
        <>
          <Form.Item name="ground" label={t('eventForm.ground')} rules={[req(t('eventForm.ground'), true)]}>
            <Select options={filingGrounds.map((g) => ({ value: g, label: t(`filingGround.${g}`) }))} data-testid="event-ground" />
          </Form.Item>
          {reasonItem(true)}
        </>
      );
      break;
    case 'split':
      inputs = (
        <>
          <Form.List
            name="parts"
            rules={[
              {
                validator: async (_rule: unknown, parts: unknown[] | undefined) => {
                  if (!parts || parts.length < 2) throw new Error(t('eventForm.partsMin'));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <>
                {items.map((item, index) => (
                  <fieldset key={item.key} className="membership-fields">
                    <legend>{t('eventForm.part', { n: index + 1 })}</legend>
                    <div className="form-grid">
                      <Form.Item name={[item.name, 'kind']} label={t('eventForm.kind')} rules={[req(t('eventForm.kind'), true)]}>
                        <Select options={kindOptions} data-testid={`event-part-kind-${index}`} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'fieldCode']} label={t('eventForm.field')} rules={[req(t('eventForm.field'), true)]}>
                        <Select showSearch={{ filterOption: accentInsensitive }} options={fieldOptions} data-testid={`event-part-field-${index}`} />
                      </Form.Item>
                    </div>
                    <Form.Item name={[item.name, 'title']} label={t('eventForm.title')} rules={[req(t('eventForm.title')), { min: 5, max: 300 }]}>
                      <Input maxLength={300} data-testid={`event-part-title-${index}`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'content']} label={t('eventForm.content')} rules={[req(t('eventForm.content')), { min: 10 }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`event-part-content-${index}`} />
                    </Form.Item>
                    {items.length > 2 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)}>
                        {t('eventForm.removePart')}
                      </Button>
                    )}
                  </fieldset>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: c.kind, fieldCode: c.fieldCode })} disabled={items.length >= 10} style={{ marginBottom: 16 }}>
                  {t('eventForm.addPart')}
                </Button>
              </>
            )}
          </Form.List>
          {reasonItem(false)}
        </>
      );
      break;
    case 'verified':
      inputs = (
        <>
          <Form.Item name="findings" label={t('eventForm.findings')} rules={[req(t('eventForm.findings'))]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="event-findings" />
          </Form.Item>
          {c.kind === 'khieu_nai' && (
            <Form.Item name="differsFromRequest" valuePropName="checked">
              <Checkbox data-testid="event-differs">{t('eventForm.differs')}</Checkbox>
            </Form.Item>
          )}
        </>
      );
      break;
    case 'dialogue_held':
      inputs = (
        <>
          {dayItem('heldOn', 'event-held-on')}
          {summaryItem()}
        </>
      );
      break;
    case 'extended':
      inputs = (
        <>
          <Form.Item name="decisionNumber" label={t('eventForm.extensionNumber')} rules={[req(t('eventForm.extensionNumber')), { max: 60 }]}>
            <Input maxLength={60} placeholder="12/QĐ-UBND" data-testid="event-decision-number" />
          </Form.Item>
          <Form.Item
            name="days"
            label={t('eventForm.days')}
            extra={t('eventForm.daysHint')}
            rules={[{ required: true, message: t('common.required', { field: t('eventForm.days').toLowerCase() }) }, { type: 'number', min: 1, max: 30, message: t('eventForm.daysHint') }]}
          >
            <InputNumber min={1} max={30} precision={0} style={{ width: 120 }} data-testid="event-days" />
          </Form.Item>
          {reasonItem(true)}
        </>
      );
      break;
    case 'decided':
      inputs = (
        <>
          <Form.Item name="decisionNumber" label={t('eventForm.decisionNumber')} rules={[req(t('eventForm.decisionNumber')), { max: 60 }]}>
            <Input maxLength={60} placeholder="25/QĐ-UBND" data-testid="event-decision-number" />
          </Form.Item>
          {dayItem('decidedOn', 'event-decided-on')}
          <Form.Item name="result" label={t('eventForm.result')} rules={[req(t('eventForm.result'), true)]}>
            <Radio.Group
              options={decisionResults.map((r) => ({ value: r, label: <span data-testid={`event-result-${r}`}>{t(`decisionResult.${r}`)}</span> }))}
              data-testid="event-result"
            />
          </Form.Item>
          {summaryItem()}
        </>
      );
      break;
    case 'answered':
      inputs = (
        <>
          <Form.Item name="answer" label={t('eventForm.answer')} rules={[req(t('eventForm.answer')), { min: 10, message: t('eventForm.answerMin') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} data-testid="event-answer" />
          </Form.Item>
          <Form.Item name="publishable" valuePropName="checked">
            <Checkbox data-testid="event-publishable">{t('eventForm.publishable')}</Checkbox>
          </Form.Item>
        </>
      );
      break;
    case 'withdrawn':
    case 'appealed':
    case 'reopened':
      inputs = reasonItem(true);
      break;
    case 'closed':
      inputs = reasonItem(false);
      break;
    default:
      inputs = null;
  }

  return (
    <FormModal<Values>
      open={type !== null}
      title={type ? `${t(`caseAction.${type}`)} — ${c.number}` : ''}
      form={form}
      initialValues={type ? initialValuesOf(type, c, props.preset) : {}}
      onSubmit={async (values: Values) => {
        if (!type) return;
        props.onSaved(await addCaseEvent(c.id, bodyOf(type, values, c)), type);
      }}
      onClose={props.onClose}
      okText={type ? t(`caseAction.${type}`) : undefined}
      codeFields={codeFieldsOf(type)}
      width={type === 'split' ? 720 : 560}
      testId="event"
    >
      {props.basis && (
        <Alert type="info" showIcon title={t('eventForm.basis', { basis: props.basis })} style={{ marginBottom: 16 }} data-testid="event-basis" />
      )}
      {type === 'classified' && props.preset?.duplicateOf ? (
        <Typography.Paragraph data-testid="event-duplicate-note">
          {t('case.data.duplicateOf')}: <strong>{String(props.preset.duplicateNumber ?? '')}</strong>
        </Typography.Paragraph>
      ) : null}
      {inputs}
    </FormModal>
  );
}
