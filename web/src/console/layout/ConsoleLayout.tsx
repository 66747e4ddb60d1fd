// The console's frame: side menu of the pages this user may open (a drawer on phones), header with the user panel, and the page.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PageDef } from '../pages.tsx';
import { Link } from '../router.tsx';
import { UserPanel } from './UserPanel.tsx';

function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="console-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>{t('app.name')}</span>
    </Link>
  );
}

function PageMenu({ pages, activeKey, onNavigate }: { pages: PageDef[]; activeKey: string | null; onNavigate?: () => void }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('layout.openMenu')}>
      <Menu
        mode="inline"
        selectedKeys={activeKey ? [activeKey] : []}
        onClick={() => onNavigate?.()}
        items={pages.map((page) => ({
          key: page.key,
          icon: page.icon,
          label: (
            <Link to={page.path} data-testid={`menu-${page.key}`}>
              {t(page.label)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}

export function ConsoleLayout({ pages, activeKey, children }: { pages: PageDef[]; activeKey: string | null; children: ReactNode }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a wide screen.
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className="console-layout">
      {!narrow && (
        <Layout.Sider theme="light" width={232} className="console-sider">
          <Brand />
          <PageMenu pages={pages} activeKey={activeKey} />
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <PageMenu pages={pages} activeKey={activeKey} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="console-header">
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('layout.openMenu')}
              data-testid="menu-open"
            />
          ) : (
            <Typography.Text className="console-header__title">{t('app.consoleName')}</Typography.Text>
          )}
          <UserPanel />
        </Layout.Header>
        <Layout.Content className="console-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
