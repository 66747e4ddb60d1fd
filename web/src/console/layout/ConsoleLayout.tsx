// The console's frame: side menu of the pages this user may open, header with the user panel, and the page itself.
import { Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PageDef } from '../pages.tsx';
import { Link } from '../router.tsx';
import { UserPanel } from './UserPanel.tsx';

export function ConsoleLayout({ pages, activeKey, children }: { pages: PageDef[]; activeKey: string | null; children: ReactNode }) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className="console-layout">
      <Layout.Sider
        theme="light"
        width={232}
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={(value: boolean) => setCollapsed(value)}
        className="console-sider"
      >
        <Link to="/" className="console-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('layout.openMenu')}>
          <Menu
            mode="inline"
            selectedKeys={activeKey ? [activeKey] : []}
            onClick={() => {
              if (window.matchMedia('(max-width: 991px)').matches) setCollapsed(true);
            }}
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
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Typography.Text className="console-header__title">{t('app.consoleName')}</Typography.Text>
          <UserPanel />
        </Layout.Header>
        <Layout.Content className="console-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
