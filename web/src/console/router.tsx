// A tiny client router for the console: paths below /console, pushState navigation, and a Link that keeps normal link behaviour.
import { useSyncExternalStore } from 'react';
import type { MouseEvent, ReactNode } from 'react';

export const basename = '/console';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => window.location.pathname + window.location.search;

/** Goes to a console path such as '/accounts?unit=01'. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = basename + (to.startsWith('/') ? to : `/${to}`);
  if (url === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export interface Location {
  /** The path below /console, always starting with '/'. */
  path: string;
  query: URLSearchParams;
  /** path + search, for a "come back here after login" link. */
  href: string;
}

function parse(current: string): Location {
  const url = new URL(current, window.location.origin);
  let path = url.pathname.startsWith(basename) ? url.pathname.slice(basename.length) : url.pathname;
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query: url.searchParams, href: path + url.search };
}

export function useLocation(): Location {
  return parse(useSyncExternalStore(subscribe, snapshot));
}

/** Replaces one query parameter of the current page, keeping the others. */
export function setQueryParam(name: string, value: string | null): void {
  const { path, query } = parse(snapshot());
  if (value) query.set(name, value);
  else query.delete(name);
  const search = query.toString();
  navigate(search ? `${path}?${search}` : path, { replace: true });
}

export function Link(props: { to: string; children: ReactNode; className?: string; 'data-testid'?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab and download gestures.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={basename + props.to} className={props.className} data-testid={props['data-testid']} onClick={onClick}>
      {props.children}
    </a>
  );
}
