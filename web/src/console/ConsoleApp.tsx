// The console's top level: waits for the session, shows sign-in when needed, then routes to the page in the address.
import { Button, Result, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorMessage } from '../shared/errors.ts';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { pages as allPages, visiblePages } from './pages.tsx';
import type { PageDef } from './pages.tsx';
import { navigate, useLocation } from './router.tsx';
import { LoginPage } from './session/LoginPage.tsx';
import { useSession } from './session/SessionProvider.tsx';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-console paths are accepted as "where to go after sign-in". */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function ConsoleApp() {
  const { t } = useI18n();
  const { state, reload } = useSession();
  const location = useLocation();

  useEffect(() => {
    document.title = t('app.consoleName');
  }, [t]);

  if (state.status === 'loading') {
    return (
      <div className="center-screen">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <Result
        status="error"
        title={errorMessage(state.error, t)}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'anonymous') {
    if (location.path !== '/login') {
      const next = location.path === '/' ? '' : `?next=${encodeURIComponent(location.href)}`;
      return <Redirect to={`/login${next}`} />;
    }
    return <LoginPage />;
  }

  if (location.path === '/login') return <Redirect to={safeNext(location.query.get('next'))} />;

  const pages = visiblePages(state.me);
  if (location.path === '/') return <Redirect to={pages[0]?.path ?? '/units'} />;

  const matches = (p: PageDef) => location.path === p.path || location.path.startsWith(`${p.path}/`);
  // The most specific path wins: /cases/new is its own menu entry inside /cases.
  const page = pages.filter(matches).sort((a, b) => b.path.length - a.path.length)[0];
  const hidden = !page && allPages.some(matches);
  return (
    <ConsoleLayout pages={pages} activeKey={page?.key ?? null}>
      {page ? (
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <page.Screen />
        </Suspense>
      ) : hidden ? (
        <Result status="403" title={t('error.forbidden')} data-testid="page-forbidden" />
      ) : (
        <Result
          status="404"
          title={t('common.notFoundPage')}
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              {t('common.backHome')}
            </Button>
          }
        />
      )}
    </ConsoleLayout>
  );
}
