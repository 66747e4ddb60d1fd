// Tab "Lịch hẹn": the bookings residents made for one day, in slot order; the officer marks each one attended (which
// opens a register entry filled from the booking) or no-show (once its time has come). The day is in the address (?day=).
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import { listBookings, markAttended, markNoShow } from '../../api/reception.ts';
import type { Booking, BookingStatus } from '../../api/reception.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatInstant, todayInVietnam } from '../../shared/format.ts';
import { setQueryParam, useLocation } from '../router.tsx';
import { useLoader } from '../shared/useLoader.ts';

const statusColour: Record<BookingStatus, string> = { booked: 'blue', attended: 'green', no_show: 'default' };
/** "07:30–08:00" on Vietnam's clock. */
const hours = (b: Booking) => `${formatInstant(b.slotStart).slice(-5)}–${formatInstant(b.slotEnd).slice(-5)}`;

export function BookingsTab({ unit }: { unit: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const asked = useLocation().query.get('day');
  const day = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : todayInVietnam();
  const setDay = (next: string) => setQueryParam('day', next === todayInVietnam() ? null : next);
  const bookings = useLoader((signal) => listBookings(unit, day, signal), [unit, day]);
  const [busy, setBusy] = useState<string | null>(null);
  const shift = (n: number) => setDay(dayjs(day).add(n, 'day').format('YYYY-MM-DD'));

  const act = async (b: Booking, what: 'attended' | 'no_show') => {
    setBusy(b.id);
    try {
      if (what === 'attended') {
        const { visit } = await markAttended(b.id);
        message.success(t('console.reception.bookings.attendedDone', { number: `${visit.number}/${visit.year}` }));
      } else {
        await markNoShow(b.id);
        message.success(t('common.saved'));
      }
      bookings.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const statusTag = (s: BookingStatus) => <Tag color={statusColour[s]}>{t(`console.reception.bookings.statuses.${s}`)}</Tag>;

  const columns: TableColumnsType<Booking> = [
    {
      title: t('console.reception.bookings.time'),
      key: 'time',
      width: 120,
      render: (_: unknown, b: Booking) => (
        <span data-testid={`reception-booking-time-${b.code}`}>
          <Typography.Text strong>{hours(b)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {b.code}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('console.reception.bookings.citizen'),
      key: 'citizen',
      render: (_: unknown, b: Booking) => (
        <span>
          <Typography.Text strong>{b.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {b.phone}
          </Typography.Text>
          <span className="reception-narrow">
            <Typography.Paragraph style={{ margin: '4px 0' }}>{b.subject}</Typography.Paragraph>
            {statusTag(b.status)}
          </span>
        </span>
      ),
    },
    { title: t('console.reception.bookings.subject'), dataIndex: 'subject', key: 'subject', responsive: ['md'] },
    {
      title: t('console.reception.bookings.leader'),
      key: 'leader',
      responsive: ['lg'],
      render: (_: unknown, b: Booking) => b.schedule.leaderName,
    },
    { title: t('console.reception.bookings.status'), key: 'status', width: 110, responsive: ['md'], render: (_: unknown, b: Booking) => statusTag(b.status) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, b: Booking) =>
        b.abilities.mark && (
          <Space orientation="vertical" size={4}>
            <Button size="small" type="primary" loading={busy === b.id} onClick={() => act(b, 'attended')} data-testid={`reception-booking-attended-${b.code}`}>
              {t('console.reception.bookings.attended')}
            </Button>
            <Popconfirm
              title={t('console.reception.bookings.noShowConfirm', { name: b.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => act(b, 'no_show')}
            >
              <Button size="small" data-testid={`reception-booking-noshow-${b.code}`}>
                {t('console.reception.bookings.noShow')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} aria-label={t('console.reception.bookings.prevDay')} onClick={() => shift(-1)} data-testid="reception-bookings-prev" />
        <DatePicker
          value={dayjs(day)}
          format="DD/MM/YYYY"
          allowClear={false}
          aria-label={t('console.reception.bookings.day')}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          data-testid="reception-bookings-day"
        />
        <Button icon={<RightOutlined />} aria-label={t('console.reception.bookings.nextDay')} onClick={() => shift(1)} data-testid="reception-bookings-next" />
        <Button onClick={() => setDay(todayInVietnam())} data-testid="reception-bookings-today">
          {t('console.reception.bookings.today')}
        </Button>
      </Space>
      {Boolean(bookings.error) && <Alert type="error" showIcon title={errorMessage(bookings.error, t)} style={{ marginBottom: 12 }} />}
      <Table<Booking>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={bookings.data ?? []}
        loading={bookings.loading}
        pagination={false}
        locale={{ emptyText: t('console.reception.bookings.empty') }}
        onRow={(b) => ({ 'data-testid': `reception-booking-${b.code}` }) as HTMLAttributes<HTMLElement>}
        data-testid="reception-bookings"
      />
    </>
  );
}
