// The header's bell: deadlines coming up or missed on the user's cases, with the unread count, each linking to its case.
import { BellOutlined, ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Empty, Grid, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { listNotifications, markNotificationsRead } from '../../api/cases.ts';
import type { AppNotification } from '../../api/cases.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { hasKey } from '../../i18n/translate.ts';
import { formatInstant } from '../../shared/format.ts';
import { navigate } from '../router.tsx';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t } = useI18n();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  // On a phone the list opens as a drawer: a dropdown under the bell would not fit beside the user menu.
  const narrow = Grid.useBreakpoint().sm === false;

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const result = await listNotifications(signal);
      setItems(result.items);
      setUnread(result.unread);
    } catch {
      // The bell stays quiet on failure (or when the page unmounts); the pages show errors.
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [load]);

  const markRead = async (ids: string[]) => {
    if (ids.length === 0) return;
    setItems((current) => current.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    setUnread((count) => Math.max(0, count - ids.length));
    try {
      await markNotificationsRead(ids);
    } finally {
      void load();
    }
  };

  const openOne = (n: AppNotification) => {
    setOpen(false);
    if (!n.read) void markRead([n.id]);
    if (n.caseId) navigate(`/cases/${n.caseId}`);
  };

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) void load();
  };

  const unreadIds = items.filter((n) => !n.read).map((n) => n.id);
  const readAll = (
    <Button type="link" size="small" disabled={unreadIds.length === 0} onClick={() => void markRead(unreadIds)} data-testid="notifications-read-all">
      {t('notifications.markAllRead')}
    </Button>
  );
  const panel = (
    <section className="notification-panel" data-testid="notifications-list" aria-label={t('notifications.title')}>
      {!narrow && (
        <div className="notification-panel__head">
          <Typography.Text strong>{t('notifications.title')}</Typography.Text>
          {readAll}
        </div>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`notification-item${n.read ? '' : ' notification-item--unread'}`}
                onClick={() => openOne(n)}
                data-testid={`notification-${n.id}`}
              >
                {n.kind === 'overdue' ? (
                  <WarningOutlined className="notification-item__icon notification-item__icon--overdue" aria-hidden />
                ) : (
                  <ClockCircleOutlined className="notification-item__icon notification-item__icon--soon" aria-hidden />
                )}
                <span className="notification-item__text">
                  <span className="notification-item__kind">
                    {hasKey(`notifications.kind.${n.kind}`) ? t(`notifications.kind.${n.kind}`) : n.kind}
                  </span>
                  <span className="notification-item__title">{n.title}</span>
                  <span className="notification-item__time">{formatInstant(n.createdAt)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const bell = (
    <Button
      type="text"
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      data-testid="notifications-bell"
      className="notification-bell"
      onClick={narrow ? () => toggle(!open) : undefined}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notifications-unread">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (narrow) {
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          open={open}
          onClose={() => setOpen(false)}
          size={Math.min(360, window.innerWidth)}
          title={t('notifications.title')}
          extra={readAll}
          styles={{ body: { padding: 0 } }}
        >
          {panel}
        </Drawer>
      </>
    );
  }

  return (
    <Dropdown trigger={['click']} open={open} onOpenChange={toggle} popupRender={() => panel} placement="bottomRight">
      {bell}
    </Dropdown>
  );
}
