// Tab "Sổ tiếp công dân": the unit's register for a period, each visit with what the law asks to record; add and
// complete an entry, refuse on a ground of Điều 9, turn a visit into a case in one click, export the period as .xlsx.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { listFields } from '../../api/caseSettings.ts';
import { caseKinds } from '../../api/cases.ts';
import type { CaseKind } from '../../api/cases.ts';
import {
  createVisit, exportRegister, handlings, listRefusalGrounds, listVisits, receptionTypes, refuseVisit, updateVisit, visitToCase,
} from '../../api/reception.ts';
import type { Handling, ReceptionType, RefusalGround, Visit, VisitInput } from '../../api/reception.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { Link } from '../router.tsx';
import { can, useMe } from '../session/SessionProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';

type Range = [Dayjs, Dayjs];

export function RegisterTab({ unit }: { unit: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const today = todayInVietnam();
  const [range, setRange] = useState<Range>([dayjs(today).subtract(6, 'day'), dayjs(today)]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const visits = useLoader((signal) => listVisits(unit, from, to, signal), [unit, from, to]);
  const [editing, setEditing] = useState<Visit | 'new' | null>(null);
  const [refusing, setRefusing] = useState<Visit | null>(null);
  const [opening, setOpening] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const open = (target: Visit | 'new') => {
    setOpening((n) => n + 1);
    setEditing(target);
  };

  const makeCase = async (v: Visit) => {
    setBusy(v.id);
    try {
      const out = await visitToCase(v.id);
      message.success(t(out.created ? 'console.reception.register.caseCreated' : 'console.reception.register.caseExisting', { number: out.caseNumber }));
      visits.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportRegister(unit, from, to);
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setExporting(false);
    }
  };

  const label = (v: Visit) => `${v.number}/${v.year}`;
  const columns: TableColumnsType<Visit> = [
    {
      title: t('console.reception.register.number'),
      key: 'number',
      width: 90,
      render: (_: unknown, v: Visit) => (
        <span data-testid={`reception-visit-number-${v.number}`}>
          <Typography.Text strong>{label(v)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {formatDay(v.visitOn)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('console.reception.register.citizen'),
      key: 'citizen',
      render: (_: unknown, v: Visit) => (
        <span>
          <Typography.Text strong>{v.citizen.name}</Typography.Text>
          {[v.citizen.address, v.citizen.idNumber, v.citizen.phone].filter(Boolean).map((x) => (
            <Typography.Text key={x} type="secondary" style={{ display: 'block' }}>
              {x}
            </Typography.Text>
          ))}
          {v.headCount > 1 && <Tag>{t('console.reception.register.group', { count: v.headCount })}</Tag>}
          <span className="reception-narrow">
            <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '4px 0' }}>
              {v.content}
            </Typography.Paragraph>
            {tags(v)}
          </span>
        </span>
      ),
    },
    {
      title: t('console.reception.register.content'),
      key: 'content',
      responsive: ['md'],
      render: (_: unknown, v: Visit) => (
        <span>
          <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} style={{ marginBottom: 4 }}>
            {v.content}
          </Typography.Paragraph>
          {tags(v)}
          {v.result && <Typography.Text type="secondary" style={{ display: 'block' }}>{v.result}</Typography.Text>}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('console.reception.register.official', { name: v.officialName })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, v: Visit) => (
        <Space orientation="vertical" size={4}>
          {v.case && (
            <Link to={`/cases/${v.case.id}`} data-testid={`reception-visit-case-${v.number}`}>
              {v.case.number}
            </Link>
          )}
          {v.abilities.createCase && (
            <Popconfirm
              title={t('console.reception.register.createCase')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => makeCase(v)}
            >
              <Button size="small" type="primary" loading={busy === v.id} data-testid={`reception-visit-make-case-${v.number}`}>
                {t('console.reception.register.createCase')}
              </Button>
            </Popconfirm>
          )}
          {v.abilities.edit && (
            <Button size="small" onClick={() => open(v)} data-testid={`reception-visit-edit-${v.number}`}>
              {t('console.reception.register.edit')}
            </Button>
          )}
          {v.abilities.refuse && (
            <Button size="small" danger onClick={() => { setOpening((n) => n + 1); setRefusing(v); }} data-testid={`reception-visit-refuse-${v.number}`}>
              {t('console.reception.register.refuse')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  function tags(v: Visit) {
    return (
      <Space size={4} wrap>
        {v.classification && <Tag color="blue">{t(`caseKind.${v.classification}`)}</Tag>}
        {v.handling && <Tag color={v.handling === 'refused' ? 'red' : 'default'}>{t(`console.reception.handling.${v.handling}`)}</Tag>}
        {v.refusal && <Typography.Text type="secondary">{t(`console.reception.refusalGround.${v.refusal.ground}`)}</Typography.Text>}
      </Space>
    );
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          format="DD/MM/YYYY"
          allowClear={false}
          placeholder={[t('console.reception.register.from'), t('console.reception.register.to')]}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
          data-testid="reception-register-range"
        />
        {can(me, 'reception.record') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="reception-register-add">
            {t('console.reception.register.add')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="reception-register-export">
          {t('console.reception.register.export')}
        </Button>
      </Space>
      {Boolean(visits.error) && <Alert type="error" showIcon title={errorMessage(visits.error, t)} style={{ marginBottom: 12 }} />}
      <Table<Visit>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={visits.data ?? []}
        loading={visits.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('console.reception.register.empty') }}
        data-testid="reception-register"
      />
      <VisitDialog
        key={`visit-${opening}`}
        unit={unit}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          visits.reload();
        }}
      />
      <RefusalDialog
        key={`refusal-${opening}`}
        visit={refusing}
        onClose={() => setRefusing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          visits.reload();
        }}
      />
    </>
  );
}

interface VisitValues {
  visitOn: Dayjs;
  receptionType: ReceptionType;
  officialName?: string;
  leaderName?: string;
  citizenName: string;
  citizenAddress?: string;
  citizenId?: string;
  citizenPhone?: string;
  headCount: number;
  representatives?: string;
  content: string;
  classification?: CaseKind;
  fieldCode?: string;
  documents?: string;
  handling?: Handling;
  result?: string;
  notes?: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toInput(v: VisitValues, editing: boolean): VisitInput {
  const orNull = (s: string | undefined) => blank(s) ?? (editing ? null : undefined);
  return {
    visitOn: v.visitOn.format('YYYY-MM-DD'),
    receptionType: v.receptionType,
    ...(blank(v.officialName) ? { officialName: blank(v.officialName) } : {}),
    leaderName: orNull(v.leaderName),
    citizen: { name: v.citizenName.trim(), address: blank(v.citizenAddress), idNumber: blank(v.citizenId), phone: blank(v.citizenPhone) },
    headCount: v.headCount,
    representatives: (v.representatives ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name })),
    content: v.content.trim(),
    classification: v.classification ?? (editing ? null : undefined),
    fieldCode: v.fieldCode ?? (editing ? null : undefined),
    documents: orNull(v.documents),
    handling: v.handling ?? (editing ? null : undefined),
    result: orNull(v.result),
    notes: orNull(v.notes),
  };
}

function VisitDialog(props: { unit: string; editing: Visit | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<VisitValues>();
  const fields = useLoader((signal) => (props.editing ? listFields(signal) : Promise.resolve([])), [props.editing !== null]);
  const today = todayInVietnam();
  const f = (key: string) => t(`console.reception.visitForm.${key}`);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  const v = props.editing === 'new' || props.editing === null ? null : props.editing;
  const initial: Partial<VisitValues> | undefined = props.editing === null ? undefined : v
    ? {
        visitOn: dayjs(v.visitOn), receptionType: v.receptionType, officialName: v.officialName, leaderName: v.leaderName ?? undefined,
        citizenName: v.citizen.name, citizenAddress: v.citizen.address ?? undefined, citizenId: v.citizen.idNumber ?? undefined,
        citizenPhone: v.citizen.phone ?? undefined, headCount: v.headCount, representatives: v.representatives.map((r) => r.name).join('\n'),
        content: v.content, classification: v.classification ?? undefined, fieldCode: v.fieldCode ?? undefined, documents: v.documents ?? undefined,
        handling: v.handling === 'refused' ? undefined : (v.handling ?? undefined), result: v.result ?? undefined, notes: v.notes ?? undefined,
      }
    : { visitOn: dayjs(today), receptionType: 'regular', headCount: 1 };

  const submit = async (values: VisitValues) => {
    if (v) await updateVisit(v.id, toInput(values, true));
    else await createVisit(props.unit, toInput(values, false));
    props.onSaved();
  };

  return (
    <FormModal
      open={props.editing !== null}
      title={v ? t('console.reception.visitForm.editTitle', { number: `${v.number}/${v.year}` }) : f('createTitle')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      testId="reception-visit-form"
      initialValues={initial}
      width={720}
      codeFields={{ mass_representatives: 'representatives', visit_date_invalid: 'visitOn' }}
    >
      <div className="reception-form-row">
        <Form.Item name="visitOn" label={f('visitOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today} data-testid="reception-visit-form-visit-on" />
        </Form.Item>
        <Form.Item name="receptionType" label={f('receptionType')} rules={[{ required: true }]}>
          <Select options={receptionTypes.map((x) => ({ value: x, label: t(`console.reception.receptionType.${x}`) }))} data-testid="reception-visit-form-type" />
        </Form.Item>
      </div>
      <div className="reception-form-row">
        <Form.Item name="officialName" label={f('officialName')} extra={v ? undefined : f('officialHint')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="reception-visit-form-official" />
        </Form.Item>
        <Form.Item name="leaderName" label={f('leaderName')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="reception-visit-form-leader" />
        </Form.Item>
      </div>
      <div className="reception-form-row">
        <Form.Item name="citizenName" label={f('citizenName')} rules={[required(f('citizenName')), { min: 2, max: 200 }]}>
          <Input maxLength={200} autoComplete="off" data-testid="reception-visit-form-name" />
        </Form.Item>
        <Form.Item name="citizenAddress" label={f('citizenAddress')} rules={[{ max: 500 }]}>
          <Input maxLength={500} autoComplete="off" data-testid="reception-visit-form-address" />
        </Form.Item>
      </div>
      <div className="reception-form-row">
        <Form.Item name="citizenId" label={f('citizenId')} rules={[{ pattern: /^([0-9]{9}|[0-9]{12})$/, message: 'CMND 9 / CCCD 12' }]}>
          <Input inputMode="numeric" maxLength={12} autoComplete="off" data-testid="reception-visit-form-id-number" />
        </Form.Item>
        <Form.Item name="citizenPhone" label={f('citizenPhone')} rules={[{ pattern: /^\+?[0-9 .-]{8,15}$/ }]}>
          <Input inputMode="tel" maxLength={20} autoComplete="off" data-testid="reception-visit-form-phone" />
        </Form.Item>
        <Form.Item name="headCount" label={f('headCount')} rules={[{ required: true, type: 'integer', min: 1, max: 10000 }]}>
          <InputNumber min={1} max={10000} precision={0} data-testid="reception-visit-form-head-count" />
        </Form.Item>
      </div>
      <Form.Item name="representatives" label={f('representatives')} extra={f('representativesHint')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} data-testid="reception-visit-form-representatives" />
      </Form.Item>
      <Form.Item name="content" label={f('content')} rules={[required(f('content')), { min: 5, max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} data-testid="reception-visit-form-content" />
      </Form.Item>
      <div className="reception-form-row">
        <Form.Item name="classification" label={f('classification')}>
          <Select allowClear options={caseKinds.map((k) => ({ value: k, label: t(`caseKind.${k}`) }))} data-testid="reception-visit-form-classification" />
        </Form.Item>
        <Form.Item name="fieldCode" label={f('field')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={fields.loading}
            options={(fields.data ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))}
            data-testid="reception-visit-form-field"
          />
        </Form.Item>
        <Form.Item name="handling" label={f('handling')}>
          <Select allowClear options={handlings.map((h) => ({ value: h, label: t(`console.reception.handling.${h}`) }))} data-testid="reception-visit-form-handling" />
        </Form.Item>
      </div>
      <Form.Item name="documents" label={f('documents')} rules={[{ max: 2000 }]}>
        <Input maxLength={2000} data-testid="reception-visit-form-documents" />
      </Form.Item>
      <Form.Item name="result" label={f('result')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} data-testid="reception-visit-form-result" />
      </Form.Item>
      <Form.Item name="notes" label={f('notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="reception-visit-form-notes" />
      </Form.Item>
    </FormModal>
  );
}

interface RefusalValues {
  ground: RefusalGround;
  reason: string;
  notice?: string;
}

function RefusalDialog(props: { visit: Visit | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RefusalValues>();
  const ground = Form.useWatch('ground', form);
  const grounds = useLoader((signal) => (props.visit ? listRefusalGrounds(signal) : Promise.resolve([])), [props.visit !== null]);
  const chosen = grounds.data?.find((g) => g.code === ground);
  const f = (key: string) => t(`console.reception.refusalForm.${key}`);

  const submit = async (values: RefusalValues) => {
    if (!props.visit) return;
    await refuseVisit(props.visit.id, { ground: values.ground, reason: values.reason.trim(), ...(blank(values.notice) ? { notice: blank(values.notice) } : {}) });
    props.onSaved();
  };

  return (
    <FormModal
      open={props.visit !== null}
      title={f('title')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      testId="reception-refusal-form"
      width={620}
      codeFields={{ refusal_notice_required: 'notice' }}
    >
      <Form.Item name="ground" label={f('ground')} rules={[{ required: true, message: t('common.requiredSelect', { field: f('ground').toLowerCase() }) }]}>
        <Select
          options={(grounds.data ?? []).map((g) => ({ value: g.code, label: t(`console.reception.refusalGround.${g.code}`) }))}
          loading={grounds.loading}
          data-testid="reception-refusal-form-ground"
        />
      </Form.Item>
      {chosen && (
        <Typography.Paragraph type="secondary" data-testid="reception-refusal-form-basis">
          {chosen.basis}
        </Typography.Paragraph>
      )}
      <Form.Item name="reason" label={f('reason')} rules={[{ required: true, whitespace: true, min: 5, max: 2000, message: t('common.required', { field: f('reason').toLowerCase() }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="reception-refusal-form-reason" />
      </Form.Item>
      <Form.Item
        name="notice"
        label={f('notice')}
        extra={f('noticeHint')}
        rules={[{ required: Boolean(chosen?.noticeRequired), whitespace: true, message: t('common.required', { field: f('notice').toLowerCase() }) }, { max: 200 }]}
      >
        <Input maxLength={200} data-testid="reception-refusal-form-notice" />
      </Form.Item>
    </FormModal>
  );
}
