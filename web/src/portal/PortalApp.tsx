// The portal's frame: header with the main links, the page for the current path (each page but home loaded on demand), footer.
import { Component, Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HomePage } from './HomePage.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigationCount, paths, routeOf, usePath, type RouteName } from './router.tsx';

// Each page is its own chunk, so the home page does not carry the forms.
const loaders: Record<Exclude<RouteName, 'home'>, () => Promise<{ default: ComponentType }>> = {
  send: () => import('./send/SendPage.tsx'),
  track: () => import('./track/TrackPage.tsx'),
  answers: () => import('./answers/AnswersPage.tsx'),
  reception: () => import('./reception/ReceptionPage.tsx'),
  conferences: () => import('./conferences/ConferencesPage.tsx'),
  conference: () => import('./conferences/ConferencePage.tsx'),
};

// A failed chunk download (a dropped connection) must be retryable without reloading: a new lazy() asks again.
const lazyPages = new Map<RouteName, LazyExoticComponent<ComponentType>>();
function pageComponent(route: Exclude<RouteName, 'home'>): LazyExoticComponent<ComponentType> {
  let page = lazyPages.get(route);
  if (!page) {
    page = lazy(loaders[route]);
    lazyPages.set(route, page);
  }
  return page;
}

const titleKeys: Record<RouteName, string> = {
  home: 'app.motto',
  send: 'portal.nav.send',
  track: 'portal.nav.track',
  answers: 'portal.nav.answers',
  reception: 'portal.nav.reception',
  conferences: 'portal.nav.conferences',
  conference: 'portal.conferences.resultsTitle',
};

const navRoutes: Exclude<keyof typeof paths, 'home'>[] = ['send', 'track', 'answers', 'reception'];

export function PortalApp() {
  const { t } = useI18n();
  const path = usePath();
  const route = routeOf(path);
  const [attempt, setAttempt] = useState(0);

  let content: ReactNode;
  if (route === 'home') content = <HomePage />;
  else if (route === null) content = <NotFound />;
  else {
    const Page = pageComponent(route);
    content = <Page />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('portal.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__row">
          <a className="brand" href="/" aria-label={t('app.name')} data-testid="portal-home-link">
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span>{t('app.name')}</span>
          </a>
          <LanguageSwitch />
        </div>
        <nav className="container site-nav" aria-label={t('portal.nav.label')}>
          <ul>
            {navRoutes.map((name) => (
              <li key={name}>
                <a href={paths[name]} aria-current={route === name ? 'page' : undefined} data-testid={`nav-${name}`}>
                  {t(`portal.nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <PageErrorBoundary
          key={`${path}:${attempt}`}
          onRetry={() => {
            if (route && route !== 'home') lazyPages.delete(route);
            setAttempt((n) => n + 1);
          }}
        >
          <Suspense fallback={<PageLoading />}>
            <RouteEffects path={path} titleKey={route ? titleKeys[route] : 'common.notFoundPage'} />
            {content}
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul className="footer-links">
            <li>
              <a href="/console/" data-testid="portal-console-link">
                {t('portal.footer.officials')}
              </a>
            </li>
            <li>
              <a href="/api/docs" data-testid="portal-api-docs-link">
                {t('portal.footer.apiDocs')}
              </a>
            </li>
          </ul>
          <p>{t('portal.footer.openSource')}</p>
        </div>
      </footer>
    </>
  );
}

/**
 * Rendered in the same Suspense boundary as the page, before it: its effects run once the page is on screen,
 * setting the default title (a page may set a more precise one after) and, after a navigation, focusing the page's h1
 * so a screen reader announces the new page and Tab continues from there.
 */
function RouteEffects({ path, titleKey }: { path: string; titleKey: string }) {
  const { t } = useI18n();
  const focused = useRef<string | null>(null);
  useEffect(() => {
    document.title = titleKey === 'app.motto' ? `${t('app.name')} — ${t('app.motto')}` : `${t(titleKey)} — ${t('app.name')}`;
  }, [titleKey, t]);
  useEffect(() => {
    if (focused.current === path) return;
    focused.current = path;
    if (navigationCount() === 0) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, [path]);
  return null;
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="container page" aria-busy="true">
      <p className="page-loading">{t('common.loading')}</p>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="container page">
      <h1>{t('common.notFoundPage')}</h1>
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </div>
  );
}

class PageErrorBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PageFailed onRetry={this.props.onRetry} />;
  }
}

function PageFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="container page" role="alert" data-testid="page-failed">
      <h1>{t('portal.pageFailed.title')}</h1>
      <p>{t('portal.pageFailed.text')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
