// Tab "Lịch tiếp": the unit's reception schedules as cards, each with its frequency, place, slots, next days and,
// when the leader meets less often than the law asks, a warning with the legal basis; add, edit, stop and reuse.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { listOrganisations } from '../../api/organisations.ts';
import { createSchedule, leaderKinds, listSchedules, setScheduleActive, updateSchedule } from '../../api/reception.ts';
import type { LeaderKind, Period, Recurrence, Schedule, ScheduleInput } from '../../api/reception.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TFunction } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { can, useMe } from '../session/SessionProvider.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { useLoader } from '../shared/useLoader.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NTHS = [1, 2, 3, 4, -1] as const;
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const per = (t: TFunction, x: { days: number; period: Period }) => t(`console.reception.period.${x.period}`, { days: x.days });

export function SchedulesTab({ unit }: { unit: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [includeInactive, setIncludeInactive] = useState(false);
  const schedules = useLoader((signal) => listSchedules(unit, includeInactive, signal), [unit, includeInactive]);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [opening, setOpening] = useState(0);
  const open = (target: Schedule | 'new') => {
    setOpening((n) => n + 1);
    setEditing(target);
  };
  // The server says who may manage which schedule; for the "add" button, the permission somewhere is enough (it checks the unit).
  const mayAdd = can(me, 'reception.manage');

  const toggle = async (s: Schedule) => {
    try {
      await setScheduleActive(s.id, !s.active);
      message.success(t('common.saved'));
      schedules.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {mayAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="reception-schedule-add">
            {t('console.reception.schedules.add')}
          </Button>
        )}
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} data-testid="reception-schedules-inactive">
          {t('console.reception.schedules.includeInactive')}
        </Checkbox>
      </Space>
      {Boolean(schedules.error) && <Alert type="error" showIcon title={errorMessage(schedules.error, t)} style={{ marginBottom: 12 }} />}
      {schedules.data?.length === 0 && <Empty description={t('console.reception.schedules.empty')} />}
      <div className="reception-cards" data-testid="reception-schedules">
        {(schedules.data ?? []).map((s) => (
          <Card
            key={s.id}
            size="small"
            className={s.active ? 'reception-card' : 'reception-card reception-card--inactive'}
            data-testid={`reception-schedule-${s.id}`}
            title={
              <span className="reception-card__title">
                {s.leaderName}
                {!s.active && <Tag style={{ marginInlineStart: 8 }}>{t('console.reception.schedules.inactive')}</Tag>}
              </span>
            }
            extra={
              s.abilities.manage && (
                <Space size={4}>
                  <Button size="small" onClick={() => open(s)} data-testid={`reception-schedule-edit-${s.id}`}>
                    {t('console.reception.schedules.edit')}
                  </Button>
                  <Popconfirm
                    title={s.active ? t('console.reception.schedules.deactivateConfirm', { leader: s.leaderName }) : t('console.reception.schedules.activate')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: s.active, 'data-testid': 'confirm-ok' }}
                    onConfirm={() => toggle(s)}
                  >
                    <Button size="small" danger={s.active} data-testid={`reception-schedule-toggle-${s.id}`}>
                      {t(s.active ? 'console.reception.schedules.deactivate' : 'console.reception.schedules.activate')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {s.leaderTitle} · {s.organisation.name}
            </Typography.Paragraph>
            {s.compliance && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('console.reception.schedules.warningTitle')}
                description={
                  <>
                    {t('console.reception.schedules.warningText', { required: per(t, s.compliance.required), actual: per(t, s.compliance.actual) })}
                    <br />
                    <Typography.Text type="secondary">{s.compliance.basis}</Typography.Text>
                  </>
                }
                data-testid={`reception-schedule-warning-${s.id}`}
              />
            )}
            <dl className="reception-facts">
              <dt>{t('console.reception.schedules.when')}</dt>
              <dd data-testid={`reception-schedule-when-${s.id}`}>{s.frequencyText}</dd>
              <dt>{t('console.reception.schedules.place')}</dt>
              <dd>{s.place}</dd>
              <dt>{t('console.reception.schedules.slots')}</dt>
              <dd>{t('console.reception.schedules.slotsValue', { minutes: s.slotMinutes, capacity: s.capacity })}</dd>
              <dt>{t('console.reception.schedules.next')}</dt>
              <dd>{s.upcomingDays.length ? s.upcomingDays.slice(0, 6).map(formatDay).join(', ') : t('console.reception.schedules.noNext')}</dd>
            </dl>
          </Card>
        ))}
      </div>
      <ScheduleDialog
        key={opening}
        unit={unit}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          schedules.reload();
        }}
      />
    </>
  );
}

interface Values {
  organisationId: string;
  leaderName: string;
  leaderTitle: string;
  leaderKind: LeaderKind;
  place: string;
  recurrenceKind: Recurrence['kind'];
  weekdays?: number[];
  day?: number;
  nth?: 1 | 2 | 3 | 4 | -1;
  weekday?: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

function initialValues(s: Schedule | 'new' | null): Partial<Values> | undefined {
  if (s === null) return undefined;
  if (s === 'new') {
    return {
      leaderKind: 'commune_chair', recurrenceKind: 'weekly', weekdays: [4], day: 15, nth: 3, weekday: 5,
      startTime: '07:30', endTime: '11:30', slotMinutes: 30, capacity: 3, validFrom: dayjs(todayInVietnam()),
    };
  }
  const r = s.recurrence;
  return {
    organisationId: s.organisation.id, leaderName: s.leaderName, leaderTitle: s.leaderTitle, leaderKind: s.leaderKind, place: s.place,
    recurrenceKind: r.kind, weekdays: r.kind === 'weekly' ? r.weekdays : [4], day: r.kind === 'monthly_day' ? r.day : 15,
    nth: r.kind === 'monthly_nth' ? r.nth : 3, weekday: r.kind === 'monthly_nth' ? r.weekday : 5,
    startTime: s.startTime, endTime: s.endTime, slotMinutes: s.slotMinutes, capacity: s.capacity,
    validFrom: dayjs(s.validFrom), validTo: s.validTo ? dayjs(s.validTo) : null,
  };
}

function toInput(v: Values): ScheduleInput {
  const recurrence: Recurrence =
    v.recurrenceKind === 'weekly'
      ? { kind: 'weekly', weekdays: [...(v.weekdays ?? [])].sort((a, b) => a - b) }
      : v.recurrenceKind === 'monthly_day'
        ? { kind: 'monthly_day', day: v.day ?? 1 }
        : { kind: 'monthly_nth', nth: v.nth ?? 1, weekday: v.weekday ?? 1 };
  return {
    organisationId: v.organisationId, leaderName: v.leaderName.trim(), leaderTitle: v.leaderTitle.trim(), leaderKind: v.leaderKind, place: v.place.trim(),
    recurrence, startTime: v.startTime.trim(), endTime: v.endTime.trim(), slotMinutes: v.slotMinutes, capacity: v.capacity,
    validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
  };
}

function ScheduleDialog(props: { unit: string; editing: Schedule | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('recurrenceKind', form);
  const organisations = useLoader((signal) => (props.editing ? listOrganisations({ unit: props.unit }, signal) : Promise.resolve([])), [props.unit, props.editing !== null]);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  const f = (key: string) => t(`console.reception.scheduleForm.${key}`);
  const time = { pattern: HHMM, message: f('timeInvalid') };

  const submit = async (values: Values) => {
    const input = toInput(values);
    if (props.editing === 'new') await createSchedule(props.unit, input);
    else if (props.editing) await updateSchedule(props.editing.id, input);
    props.onSaved();
  };

  return (
    <FormModal
      open={props.editing !== null}
      title={props.editing === 'new' ? f('createTitle') : props.editing ? t('console.reception.scheduleForm.editTitle', { leader: props.editing.leaderName }) : ''}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      testId="reception-schedule-form"
      initialValues={initialValues(props.editing)}
      width={640}
    >
      <Form.Item name="organisationId" label={f('organisation')} rules={[{ required: true, message: t('common.requiredSelect', { field: f('organisation').toLowerCase() }) }]}>
        <Select
          loading={organisations.loading}
          options={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="reception-schedule-form-organisation"
        />
      </Form.Item>
      <div className="reception-form-row">
        <Form.Item name="leaderName" label={f('leaderName')} rules={[required(f('leaderName')), { min: 2, max: 200 }]}>
          <Input maxLength={200} data-testid="reception-schedule-form-leader-name" />
        </Form.Item>
        <Form.Item name="leaderTitle" label={f('leaderTitle')} rules={[required(f('leaderTitle')), { min: 2, max: 200 }]}>
          <Input maxLength={200} data-testid="reception-schedule-form-leader-title" />
        </Form.Item>
      </div>
      <Form.Item name="leaderKind" label={f('leaderKind')} rules={[{ required: true }]}>
        <Select options={leaderKinds.map((k) => ({ value: k, label: t(`console.reception.leaderKind.${k}`) }))} data-testid="reception-schedule-form-leader-kind" />
      </Form.Item>
      <Form.Item name="place" label={f('place')} rules={[required(f('place')), { min: 5, max: 500 }]}>
        <Input maxLength={500} data-testid="reception-schedule-form-place" />
      </Form.Item>
      <Form.Item name="recurrenceKind" label={f('recurrence')} rules={[{ required: true }]}>
        <Radio.Group data-testid="reception-schedule-form-recurrence">
          {(['weekly', 'monthly_day', 'monthly_nth'] as const).map((k) => (
            <Radio key={k} value={k} data-testid={`reception-schedule-form-recurrence-${k}`}>
              {t(`console.reception.recurrenceKind.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === 'weekly' && (
        <Form.Item name="weekdays" label={f('weekdays')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: f('weekdays').toLowerCase() }) }]}>
          <Checkbox.Group
            options={WEEKDAYS.map((w) => ({ value: w, label: <span data-testid={`reception-schedule-form-weekday-${w}`}>{t(`console.reception.weekday.${w}`)}</span> }))}
          />
        </Form.Item>
      )}
      {kind === 'monthly_day' && (
        <Form.Item name="day" label={f('day')} extra={f('dayHint')} rules={[{ required: true, type: 'integer', min: 1, max: 31 }]}>
          <InputNumber min={1} max={31} precision={0} data-testid="reception-schedule-form-day" />
        </Form.Item>
      )}
      {kind === 'monthly_nth' && (
        <div className="reception-form-row">
          <Form.Item name="nth" label={f('nth')} rules={[{ required: true }]}>
            <Select options={NTHS.map((n) => ({ value: n, label: t(`console.reception.nth.${n === -1 ? 'last' : n}`) }))} data-testid="reception-schedule-form-nth" />
          </Form.Item>
          <Form.Item name="weekday" label={f('weekday')} rules={[{ required: true }]}>
            <Select options={WEEKDAYS.map((w) => ({ value: w, label: t(`console.reception.weekday.${w}`) }))} data-testid="reception-schedule-form-weekday" />
          </Form.Item>
        </div>
      )}
      <div className="reception-form-row">
        <Form.Item name="startTime" label={f('startTime')} rules={[required(f('startTime')), time]}>
          <Input inputMode="numeric" placeholder="07:30" maxLength={5} data-testid="reception-schedule-form-start" />
        </Form.Item>
        <Form.Item name="endTime" label={f('endTime')} rules={[required(f('endTime')), time]}>
          <Input inputMode="numeric" placeholder="11:30" maxLength={5} data-testid="reception-schedule-form-end" />
        </Form.Item>
        <Form.Item name="slotMinutes" label={f('slotMinutes')} rules={[{ required: true, type: 'integer', min: 5, max: 480 }]}>
          <InputNumber min={5} max={480} step={5} precision={0} data-testid="reception-schedule-form-slot-minutes" />
        </Form.Item>
        <Form.Item name="capacity" label={f('capacity')} rules={[{ required: true, type: 'integer', min: 1, max: 100 }]}>
          <InputNumber min={1} max={100} precision={0} data-testid="reception-schedule-form-capacity" />
        </Form.Item>
      </div>
      <div className="reception-form-row">
        <Form.Item name="validFrom" label={f('validFrom')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} data-testid="reception-schedule-form-valid-from" />
        </Form.Item>
        <Form.Item name="validTo" label={f('validTo')}>
          <DatePicker format="DD/MM/YYYY" data-testid="reception-schedule-form-valid-to" />
        </Form.Item>
      </div>
    </FormModal>
  );
}
