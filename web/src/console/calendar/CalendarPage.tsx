// Console page "Lịch làm việc": the days off of a year with their lunar dates and legal basis; central administrators add and delete the yearly adjustments.
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Grid, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { deleteAdjustment, formatLunar, getHolidays, listAdjustments } from '../../api/calendar.ts';
import type { Adjustment, DayOff, DayOffKind, Workday } from '../../api/calendar.ts';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDay, todayInVietnam } from '../../shared/format.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { useLoader } from '../shared/useLoader.ts';
import { AdjustmentDialog } from './AdjustmentDialog.tsx';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const kindColour: Record<DayOffKind, string> = { holiday: 'red', compensatory: 'orange', adjustment: 'blue' };

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD day (UTC, so no time zone shifts it). */
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

function yearFrom(text: string | null): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : Number(todayInVietnam().slice(0, 4));
}

export default function CalendarPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();
  const year = yearFrom(location.query.get('year'));
  const setYear = (next: number | null) => {
    if (next !== null && Number.isInteger(next) && next >= MIN_YEAR && next <= MAX_YEAR) setQueryParam('year', String(next));
  };
  const [adding, setAdding] = useState(false);
  // On a phone the lunar date goes under the day and the kind under the name, so that the name stays readable.
  const narrow = !Grid.useBreakpoint().md;

  const holidays = useLoader((signal) => getHolidays(year, signal), [year]);
  const adjustments = useLoader((signal) => listAdjustments(year, signal), [year]);
  const canManage = adjustments.data?.canManage ?? false;

  const reload = () => {
    holidays.reload();
    adjustments.reload();
  };

  const remove = async (adjustment: Adjustment) => {
    try {
      await deleteAdjustment(adjustment.id);
      message.success(t('calendar.deleted'));
      reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const dayCell = (day: string, row: { lunar?: DayOff['lunar'] }) => (
    <span>
      {formatDay(day)}
      <Typography.Text type="secondary" style={narrow ? { display: 'block' } : { marginLeft: 6 }}>
        {t(`calendar.weekdays.${weekdayOf(day)}`)}
      </Typography.Text>
      {narrow && row.lunar && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {formatLunar(row.lunar, lang)}
        </Typography.Text>
      )}
    </span>
  );
  const lunarColumn = { title: t('calendar.lunar'), key: 'lunar', width: 170, responsive: ['md' as const], render: (_: unknown, d: { lunar: DayOff['lunar'] }) => formatLunar(d.lunar, lang) };
  const adjustmentTag = (kind: Adjustment['kind']) => <Tag color={kind === 'off' ? 'blue' : 'default'}>{t(`calendar.adjustmentKinds.${kind}`)}</Tag>;
  const kindTag = (kind: DayOffKind) => <Tag color={kindColour[kind]}>{t(`calendar.kinds.${kind}`)}</Tag>;
  const source = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  const columns: TableColumnsType<DayOff> = [
    { title: t('calendar.date'), dataIndex: 'date', key: 'date', width: narrow ? 130 : 170, render: dayCell },
    lunarColumn,
    {
      title: t('calendar.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, d: DayOff) => (narrow ? <span>{name}<div>{kindTag(d.kind)}</div></span> : name),
    },
    { title: t('calendar.kind'), dataIndex: 'kind', key: 'kind', width: 150, responsive: ['md'], render: kindTag },
    { title: t('calendar.source'), dataIndex: 'source', key: 'source', responsive: ['lg'], render: source },
  ];

  const workdayColumns: TableColumnsType<Workday> = [
    { title: t('calendar.date'), dataIndex: 'date', key: 'date', width: narrow ? 130 : 170, render: dayCell },
    lunarColumn,
    { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
    { title: t('calendar.source'), dataIndex: 'source', key: 'source', responsive: ['lg'], render: source },
  ];

  const adjustmentColumns: TableColumnsType<Adjustment> = [
    { title: t('calendar.date'), dataIndex: 'date', key: 'date', width: narrow ? 130 : 170, render: (day: string) => dayCell(day, {}) },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 170,
      responsive: ['md'],
      render: (kind: Adjustment['kind']) => adjustmentTag(kind),
    },
    {
      title: t('calendar.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, a: Adjustment) => (narrow ? <span>{name}<div>{adjustmentTag(a.kind)}</div></span> : name),
    },
    { title: t('calendar.source'), dataIndex: 'source', key: 'source', responsive: ['md'], render: source },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, a: Adjustment) => (
              <Popconfirm
                title={t('calendar.confirmDelete', { date: formatDay(a.date) })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                onConfirm={() => remove(a)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} data-testid={`calendar-delete-${a.date}`}>
                  {t('calendar.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  // Officials without a role anywhere cannot read the adjustments: the section is left out, not shown as an error.
  const adjustmentsHidden = adjustments.error instanceof ApiError && adjustments.error.status === 403;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <div className="toolbar" role="group" aria-label={t('calendar.year')}>
        <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} disabled={year <= MIN_YEAR} aria-label={t('calendar.prevYear')} data-testid="calendar-prev-year" />
        <InputNumber
          value={year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          precision={0}
          onChange={(value: number | string | null) => setYear(value === null ? null : Number(value))}
          aria-label={t('calendar.year')}
          style={{ width: 110 }}
          data-testid="calendar-year"
        />
        <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} disabled={year >= MAX_YEAR} aria-label={t('calendar.nextYear')} data-testid="calendar-next-year" />
      </div>

      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('calendar.daysOff', { year: String(year) })}
      </Typography.Title>
      {Boolean(holidays.error) && <Alert type="error" showIcon title={errorMessage(holidays.error, t)} style={{ marginBottom: 12 }} />}
      <Table<DayOff>
        size="small"
        rowKey="date"
        columns={columns}
        dataSource={holidays.data?.items ?? []}
        loading={holidays.loading}
        pagination={false}
        scroll={narrow ? undefined : { x: 640 }}
        locale={{ emptyText: t('calendar.empty') }}
        data-testid="calendar-table"
      />

      {(holidays.data?.workdays.length ?? 0) > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 18, marginTop: 24 }}>
            {t('calendar.workdays')}
          </Typography.Title>
          <Table<Workday>
            size="small"
            rowKey="date"
            columns={workdayColumns}
            dataSource={holidays.data?.workdays ?? []}
            pagination={false}
            scroll={narrow ? undefined : { x: 640 }}
            data-testid="calendar-workdays"
          />
        </>
      )}

      {!adjustmentsHidden && (
        <>
          <div className="toolbar" style={{ marginTop: 24 }}>
            <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
              {t('calendar.adjustments')}
            </Typography.Title>
            <span className="toolbar__spacer" />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
                {t('calendar.add')}
              </Button>
            )}
          </div>
          <Typography.Paragraph type="secondary">
            {t('calendar.adjustmentsIntro')} {!canManage && adjustments.data && t('calendar.manageHint')}
          </Typography.Paragraph>
          {Boolean(adjustments.error) && <Alert type="error" showIcon title={errorMessage(adjustments.error, t)} style={{ marginBottom: 12 }} />}
          <Table<Adjustment>
            size="small"
            rowKey="id"
            columns={adjustmentColumns}
            dataSource={adjustments.data?.items ?? []}
            loading={adjustments.loading}
            pagination={false}
            scroll={narrow ? undefined : { x: 640 }}
            locale={{ emptyText: t('calendar.noAdjustments') }}
            data-testid="calendar-adjustments"
          />
        </>
      )}

      <AdjustmentDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(created) => {
          message.success(t('calendar.created'));
          if (Number(created.date.slice(0, 4)) !== year) setYear(Number(created.date.slice(0, 4)));
          reload();
        }}
      />
    </>
  );
}
