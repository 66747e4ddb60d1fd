// "Ghi nhận vụ việc": a petition received at the desk, by post, on the hotline or transferred by another agency.
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Result, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { caseKinds, createCase, intakeChannels } from '../../api/cases.ts';
import type { CaseKind, NewCase } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { todayInVietnam } from '../../shared/format.ts';
import { navigate } from '../router.tsx';
import { can, homeUnitCode, useMe } from '../session/SessionProvider.tsx';
import { applyFieldErrors } from '../shared/formErrors.ts';
import { accentInsensitive } from '../shared/selectSearch.ts';
import { ProblemAlert } from '../shared/FormModal.tsx';
import { UnitSelect, useCaseFields } from './caseUi.tsx';

interface Values {
  kind: CaseKind;
  channel: NewCase['channel'];
  fieldCode: string;
  title: string;
  content: string;
  receivedOn: Dayjs;
  place: { unitCode: string; address?: string };
  petitioner: { name?: string; address?: string; phone?: string; email?: string; idNumber?: string };
  group: boolean;
  mass?: { headCount?: number; representatives?: { name?: string; phone?: string }[] };
  complex?: boolean;
  dueOn?: Dayjs | null;
  transferredFrom?: string;
}

const PHONE = /^\+?[0-9 .-]{8,15}$/;
const ID_NUMBER = /^[0-9]{9}$|^[0-9]{12}$/;

/** Group visits: 5–10 people send 1–2 representatives; more than 10 send at most 5 (NĐ 124/2020, Điều 7). */
export function representativesAllowed(headCount: number): [number, number] {
  return headCount <= 10 ? [1, 2] : [1, 5];
}

/** Business errors the server names by code that belong under one or more fields of this form. */
const CODE_FIELDS: Record<string, (string | number)[][]> = {
  complaint_needs_identity: [['petitioner', 'name'], ['petitioner', 'address']],
  denunciation_needs_identity: [['petitioner', 'name'], ['petitioner', 'address']],
  received_on_invalid: [['receivedOn']],
  due_in_past: [['dueOn']],
  due_not_allowed: [['dueOn']],
  transfer_source_required: [['transferredFrom']],
  field_not_found: [['fieldCode']],
  unit_not_found: [['place', 'unitCode']],
  unit_not_in_force: [['place', 'unitCode']],
  mass_representatives: [['mass', 'headCount']],
};

const blankToUndefined = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

export default function NewCasePage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const fields = useCaseFields();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);
  const kind = Form.useWatch('kind', form);
  const channel = Form.useWatch('channel', form);
  const group = Form.useWatch('group', form);
  const headCount = Form.useWatch(['mass', 'headCount'], form);

  if (!can(me, 'case.create')) return <Result status="403" title={t('error.forbidden')} data-testid="page-forbidden" />;

  const identityNeeded = kind === 'khieu_nai' || kind === 'to_cao';
  const today = todayInVietnam();
  // A rule with more than `required` is checked as a string by antd; choices get `required` alone.
  const required = (label: string, select = false) =>
    select
      ? { required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) }
      : { required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) };

  const submit = async (values: Values) => {
    const petitioner = Object.fromEntries(
      Object.entries(values.petitioner ?? {}).flatMap(([k, v]) => (blankToUndefined(v as string | undefined) ? [[k, (v as string).trim()]] : [])),
    );
    const input: NewCase = {
      kind: values.kind,
      channel: values.channel,
      fieldCode: values.fieldCode,
      title: values.title.trim(),
      content: values.content.trim(),
      receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
      place: { unitCode: values.place.unitCode, ...(blankToUndefined(values.place.address) ? { address: values.place.address!.trim() } : {}) },
      petitioner,
      ...(values.group && values.mass?.headCount
        ? {
            mass: {
              headCount: values.mass.headCount,
              representatives: (values.mass.representatives ?? [])
                .filter((r) => blankToUndefined(r?.name))
                .map((r) => ({ name: r.name!.trim(), ...(blankToUndefined(r.phone) ? { phone: r.phone!.trim() } : {}) })),
            },
          }
        : {}),
      ...(values.kind === 'to_cao' ? { complex: Boolean(values.complex) } : {}),
      ...((values.kind === 'kien_nghi' || values.kind === 'phan_anh') && values.dueOn ? { dueOn: values.dueOn.format('YYYY-MM-DD') } : {}),
      ...(values.channel === 'transfer' && blankToUndefined(values.transferredFrom) ? { transferredFrom: values.transferredFrom!.trim() } : {}),
    };
    setBusy(true);
    setProblem(null);
    try {
      const created = await createCase(input);
      message.success(t('caseNew.created', { number: created.number }));
      navigate(`/cases/${created.id}`);
    } catch (error) {
      const named = error instanceof ApiError ? CODE_FIELDS[error.code] : undefined;
      if (named) form.setFields(named.map((name) => ({ name: name as never, errors: [errorMessage(error, t)] })));
      const leftover = applyFieldErrors(form, error);
      setProblem([errorMessage(error, t), ...leftover.map((e) => `${e.field}: ${e.message}`)]);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setBusy(false);
    }
  };

  const allowed = typeof headCount === 'number' && headCount >= 5 ? representativesAllowed(headCount) : null;

  return (
    <div className="case-new">
      <Typography.Title level={2} className="page-title">
        {t('caseNew.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('caseNew.intro')}</Typography.Paragraph>
      <ProblemAlert problem={problem} testId="case-create-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values: Values) => void submit(values)}
        onFinishFailed={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        initialValues={{
          kind: 'kien_nghi',
          channel: 'reception',
          receivedOn: dayjs(today),
          place: { unitCode: homeUnitCode(me) },
          group: false,
          mass: { representatives: [{}] },
        }}
        scrollToFirstError
        data-testid="case-create-form"
      >
        <Card title={t('caseNew.kind')} size="small" className="case-card">
          <Form.Item name="kind" rules={[required(t('caseNew.kind'), true)]} style={{ marginBottom: 8 }}>
            <Radio.Group className="kind-radios" data-testid="case-create-kind">
              {caseKinds.map((k) => (
                <Radio key={k} value={k} data-testid={`case-create-kind-${k}`}>
                  <span className="kind-radio">
                    <strong>{t(`caseKind.${k}`)}</strong>
                    <Typography.Text type="secondary" className="kind-radio__hint">
                      {t(`caseKindHint.${k}`)}
                    </Typography.Text>
                  </span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {kind === 'to_cao' && (
            <Alert type="warning" showIcon icon={<LockOutlined />} title={t('caseNew.sealedNotice')} data-testid="case-create-sealed-notice" />
          )}
        </Card>

        <Card title={t('caseNew.about')} size="small" className="case-card">
          <div className="form-grid">
            <Form.Item name="channel" label={t('caseNew.channel')} rules={[required(t('caseNew.channel'), true)]}>
              <Select options={intakeChannels.map((c) => ({ value: c, label: t(`caseChannel.${c}`) }))} data-testid="case-create-channel" />
            </Form.Item>
            <Form.Item name="fieldCode" label={t('caseNew.field')} rules={[required(t('caseNew.field'), true)]}>
              <Select
                showSearch={{ filterOption: accentInsensitive }}
                options={fields.filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }))}
                data-testid="case-create-field"
              />
            </Form.Item>
            <Form.Item
              name="receivedOn"
              label={t('caseNew.receivedOn')}
              rules={[
                { required: true, message: t('common.requiredSelect', { field: t('caseNew.receivedOn').toLowerCase() }) },
                {
                  validator: (_rule: unknown, value: Dayjs | null) =>
                    value && value.format('YYYY-MM-DD') > today ? Promise.reject(new Error(t('caseNew.notFuture'))) : Promise.resolve(),
                },
              ]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                allowClear={false}
                disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
                style={{ width: '100%' }}
                data-testid="case-create-received-on"
              />
            </Form.Item>
            {channel === 'transfer' && (
              <Form.Item name="transferredFrom" label={t('caseNew.transferredFrom')} rules={[required(t('caseNew.transferredFrom')), { max: 300 }]}>
                <Input maxLength={300} data-testid="case-create-transferred-from" />
              </Form.Item>
            )}
            {(kind === 'kien_nghi' || kind === 'phan_anh') && (
              <Form.Item name="dueOn" label={t('caseNew.dueOn')} extra={t('caseNew.dueOnHint')}>
                <DatePicker
                  format="DD/MM/YYYY"
                  disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < today}
                  style={{ width: '100%' }}
                  data-testid="case-create-due-on"
                />
              </Form.Item>
            )}
          </div>
          <Form.Item
            name="title"
            label={t('caseNew.caseTitle')}
            rules={[required(t('caseNew.caseTitle')), { min: 5, max: 300, message: t('caseNew.titleMin') }]}
          >
            <Input maxLength={300} placeholder={t('caseNew.titlePlaceholder')} data-testid="case-create-title" />
          </Form.Item>
          <Form.Item name="content" label={t('caseNew.content')} rules={[required(t('caseNew.content')), { min: 10, message: t('caseNew.contentMin') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} data-testid="case-create-content" />
          </Form.Item>
          {kind === 'to_cao' && (
            <Form.Item name="complex" valuePropName="checked" extra={t('caseNew.complexHint')}>
              <Checkbox data-testid="case-create-complex">{t('caseNew.complex')}</Checkbox>
            </Form.Item>
          )}
        </Card>

        <Card title={t('caseNew.place')} size="small" className="case-card">
          <div className="form-grid">
            <Form.Item name={['place', 'unitCode']} label={t('caseNew.placeUnit')} rules={[required(t('caseNew.placeUnit'), true)]}>
              <UnitSelect allowClear={false} testId="case-create-place" />
            </Form.Item>
            <Form.Item name={['place', 'address']} label={t('caseNew.address')} rules={[{ max: 500 }]}>
              <Input maxLength={500} data-testid="case-create-address" />
            </Form.Item>
          </div>
        </Card>

        <Card title={t('caseNew.petitioner')} size="small" className="case-card">
          {identityNeeded && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('caseNew.identityRequired')}
            </Typography.Paragraph>
          )}
          <div className="form-grid">
            <Form.Item
              name={['petitioner', 'name']}
              label={t('caseNew.name')}
              rules={identityNeeded ? [required(t('caseNew.name')), { max: 200 }] : [{ max: 200 }]}
            >
              <Input maxLength={200} autoComplete="off" data-testid="case-create-petitioner-name" />
            </Form.Item>
            <Form.Item
              name={['petitioner', 'address']}
              label={t('caseNew.petitionerAddress')}
              rules={identityNeeded ? [required(t('caseNew.petitionerAddress')), { max: 500 }] : [{ max: 500 }]}
            >
              <Input maxLength={500} autoComplete="off" data-testid="case-create-petitioner-address" />
            </Form.Item>
            <Form.Item name={['petitioner', 'phone']} label={t('caseNew.phone')} rules={[{ pattern: PHONE, message: t('caseNew.invalidPhone') }]}>
              <Input inputMode="tel" autoComplete="off" data-testid="case-create-petitioner-phone" />
            </Form.Item>
            <Form.Item name={['petitioner', 'email']} label={t('caseNew.email')} rules={[{ type: 'email', message: t('caseNew.invalidEmail') }]}>
              <Input inputMode="email" autoComplete="off" data-testid="case-create-petitioner-email" />
            </Form.Item>
            <Form.Item name={['petitioner', 'idNumber']} label={t('caseNew.idNumber')} rules={[{ pattern: ID_NUMBER, message: t('caseNew.invalidId') }]}>
              <Input inputMode="numeric" maxLength={12} autoComplete="off" data-testid="case-create-petitioner-id" />
            </Form.Item>
          </div>
        </Card>

        <Card title={t('caseNew.group')} size="small" className="case-card">
          <Form.Item name="group" valuePropName="checked" style={{ marginBottom: group ? 12 : 0 }}>
            <Checkbox data-testid="case-create-group">{t('caseNew.groupVisit')}</Checkbox>
          </Form.Item>
          {group && (
            <>
              <Alert type="info" showIcon title={t('caseNew.groupRule')} style={{ marginBottom: 12 }} data-testid="case-create-group-rule" />
              <Form.Item
                name={['mass', 'headCount']}
                label={t('caseNew.headCount')}
                rules={[
                  { required: true, message: t('common.required', { field: t('caseNew.headCount').toLowerCase() }) },
                  { type: 'number', min: 5, max: 10000, message: t('caseNew.minHeadCount') },
                ]}
                extra={allowed ? t('caseNew.groupRuleCount', { count: headCount as number, allowed: allowed[0] === allowed[1] ? `${allowed[0]}` : `${allowed[0]}–${allowed[1]}` }) : undefined}
              >
                <InputNumber min={5} max={10000} style={{ width: 160 }} data-testid="case-create-head-count" />
              </Form.Item>
              <Form.List
                name={['mass', 'representatives']}
                rules={[
                  {
                    validator: async (_rule: unknown, reps: { name?: string }[] | undefined) => {
                      if (!allowed) return;
                      const n = (reps ?? []).filter((r) => r?.name?.trim()).length;
                      if (n < allowed[0] || n > allowed[1]) {
                        throw new Error(
                          t('caseNew.representativesCount', {
                            count: headCount as number,
                            allowed: allowed[0] === allowed[1] ? `${allowed[0]}` : `${allowed[0]}–${allowed[1]}`,
                          }),
                        );
                      }
                    },
                  },
                ]}
              >
                {(items, { add, remove }, { errors }) => (
                  <fieldset className="membership-fields">
                    <legend>{t('caseNew.representatives')}</legend>
                    {items.map((item, index) => (
                      <div key={item.key} className="representative-row">
                        <Form.Item name={[item.name, 'name']} label={t('caseNew.representativeName')} rules={[{ max: 200 }]}>
                          <Input maxLength={200} data-testid={`case-create-rep-name-${index}`} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'phone']} label={t('caseNew.representativePhone')} rules={[{ pattern: PHONE, message: t('caseNew.invalidPhone') }]}>
                          <Input inputMode="tel" data-testid={`case-create-rep-phone-${index}`} />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(item.name)}
                          aria-label={t('caseNew.removeRepresentative')}
                          title={t('caseNew.removeRepresentative')}
                          disabled={items.length <= 1}
                          className="representative-row__remove"
                        />
                      </div>
                    ))}
                    <Form.ErrorList errors={errors} />
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({})}
                      disabled={items.length >= (allowed?.[1] ?? 5)}
                      data-testid="case-create-rep-add"
                    >
                      {t('caseNew.addRepresentative')}
                    </Button>
                  </fieldset>
                )}
              </Form.List>
            </>
          )}
        </Card>

        <Space className="case-new__actions" wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-create-submit">
            {t('caseNew.submit')}
          </Button>
          <Button onClick={() => navigate('/cases')} data-testid="case-create-cancel">
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
