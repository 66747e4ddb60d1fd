// The header's right side: who is signed in and for which organisations, the language switch, and the account menu.
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChangePasswordDialog } from '../session/ChangePasswordDialog.tsx';
import { can, useMe, useSession } from '../session/SessionProvider.tsx';
import { navigate } from '../router.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { NotificationBell } from './NotificationBell.tsx';

/** "Ban Dân vận (Tỉnh Cao Bằng); UBND (Xã …)": each organisation once, with its unit. */
export function membershipSummary(me: Me): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of me.memberships) {
    if (seen.has(m.organisationId)) continue;
    seen.add(m.organisationId);
    parts.push(`${m.organisationName} — ${m.unitName}`);
  }
  return parts.join('; ');
}

export function UserPanel() {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const summary = membershipSummary(me) || t('layout.noMemberships');

  const onMenu = ({ key }: { key: string }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout')
      void signOut().then(() => {
        navigate('/login', { replace: true });
        message.info(t('layout.loggedOut'));
      });
  };

  return (
    <Flex align="center" gap={12} className="user-panel">
      <LanguageToggle />
      {can(me, 'case.read') && <NotificationBell />}
      <Dropdown
        trigger={['click']}
        menu={{
          onClick: onMenu,
          items: [
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('layout.changePassword')}</span> },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('layout.logout')}</span> },
          ],
        }}
      >
        <Button type="text" className="user-panel__button" aria-label={t('layout.userMenu')} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#a4161a' }} />
          <span className="user-panel__text">
            <Typography.Text strong data-testid="current-user-name" ellipsis>
              {me.fullName}
            </Typography.Text>
            <Typography.Text type="secondary" className="user-panel__orgs" data-testid="current-user-orgs" ellipsis title={summary}>
              {summary}
            </Typography.Text>
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing || me.mustChangePassword} forced={me.mustChangePassword} onClose={() => setChanging(false)} />
    </Flex>
  );
}
