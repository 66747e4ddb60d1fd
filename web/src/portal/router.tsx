// The portal's tiny router: its few paths, pushState and popstate, same-site link clicks turned into navigation.
import { useEffect, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export const paths = {
  home: '/',
  send: '/gui-y-kien',
  track: '/theo-doi',
  answers: '/tra-loi',
  reception: '/tiep-cong-dan',
  conferences: '/hoi-nghi',
} as const;

/** 'conference' is one conference's results page, /hoi-nghi/<id>. */
export type RouteName = keyof typeof paths | 'conference';

const byPath = new Map<string, RouteName>(Object.entries(paths).map(([name, path]) => [path, name as RouteName]));

const listeners = new Set<() => void>();
let navigations = 0;

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** '/gui-y-kien/' and '/gui-y-kien' are the same page. */
function normalise(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

const currentPath = () => normalise(window.location.pathname);

/** The route of a path, or null for an unknown one (the not-found page). */
export function routeOf(path: string): RouteName | null {
  const p = normalise(path);
  const exact = byPath.get(p);
  if (exact) return exact;
  const rest = p.startsWith(`${paths.conferences}/`) ? p.slice(paths.conferences.length + 1) : '';
  return rest && !rest.includes('/') ? 'conference' : null;
}

/** How many times the page changed without a reload: focus moves to the new page's heading only after one. */
export function navigationCount(): number {
  return navigations;
}

/** Goes to a portal address such as '/theo-doi?ma=CN-1234-5678'; `state` travels in history, never in the URL. */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const url = new URL(to, window.location.href);
  const changesPage = normalise(url.pathname) !== currentPath();
  if (options.replace) window.history.replaceState(options.state ?? null, '', url);
  else window.history.pushState(options.state ?? null, '', url);
  if (changesPage) {
    navigations++;
    window.scrollTo(0, 0);
  }
  notify();
}

/** Changes the query string of the current page without a new history entry. */
export function replaceQuery(query: Record<string, string | null | undefined>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(query)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(window.history.state, '', url);
}

window.addEventListener('popstate', () => {
  navigations++;
  notify();
});

// Any plain click on a link to one of the portal's own pages stays in the app; other links (the console, the API docs,
// files, anchors on the same page, new-tab gestures) keep their normal behaviour.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || !link.href || link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin || routeOf(url.pathname) === null) return;
  if (url.hash && normalise(url.pathname) === currentPath() && url.search === window.location.search) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

/** The current path; components re-render when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current query string; re-read on every navigation. */
export function useQuery(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search);
}

/** Sets the tab's title to "<page> — Cầu Nối" while a page (or one of its states) is shown. */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} — ${appName}`;
  }, [title, appName]);
}
