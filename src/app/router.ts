/**
 * Hash routes: they work offline from the precached shell with no server rewrite, and a
 * reload returns to the same screen.
 */
import { useSyncExternalStore } from 'react';

export type Route = { name: 'home' } | { name: 'settings-in-force' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/settings') return { name: 'settings-in-force' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'settings-in-force':
      return '#/settings';
    case 'home':
      return '#/';
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
