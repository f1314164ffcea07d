/**
 * Hash routes: they work offline from the precached shell with no server rewrite, and a
 * reload returns to the same screen and step.
 */
import { useSyncExternalStore } from 'react';

export const SESSION_STEPS = [
  'pre-checks',
  'dose-plan',
  'infusion',
  'discharge',
  'outcome',
  'record',
] as const;
export type SessionStepRoute = (typeof SESSION_STEPS)[number];

export type Route =
  | { name: 'patients' }
  | { name: 'register-patient' }
  | { name: 'patient'; patientId: string }
  | { name: 'session'; patientId: string; sessionId: string; step: SessionStepRoute | null }
  | { name: 'patient-history'; patientId: string }
  | { name: 'staff' }
  | { name: 'settings-in-force' }
  | { name: 'sync' }
  | { name: 'center'; view: CenterView };

/** The center's views (follow-up, registry, exports, settings administration). */
export const CENTER_VIEWS = ['follow-up', 'registry', 'exports', 'settings'] as const;
export type CenterView = (typeof CENTER_VIEWS)[number];
const isCenterView = (s: string | undefined): s is CenterView =>
  (CENTER_VIEWS as readonly string[]).includes(s ?? '');

const isStep = (s: string | undefined): s is SessionStepRoute =>
  (SESSION_STEPS as readonly string[]).includes(s ?? '');

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth, fifth] = parts;
  if (first === 'settings') return { name: 'settings-in-force' };
  if (first === 'sync') return { name: 'sync' };
  if (first === 'center')
    return { name: 'center', view: isCenterView(second) ? second : 'follow-up' };
  if (first === 'staff') return { name: 'staff' };
  if (first === 'patients' && second === 'new') return { name: 'register-patient' };
  if (first === 'patients' && second && third === 'sessions' && fourth) {
    return {
      name: 'session',
      patientId: second,
      sessionId: fourth,
      step: isStep(fifth) ? fifth : null,
    };
  }
  if (first === 'patients' && second && third === 'history') {
    return { name: 'patient-history', patientId: second };
  }
  if (first === 'patients' && second) return { name: 'patient', patientId: second };
  return { name: 'patients' };
}

export function hrefFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'patients':
      return '#/';
    case 'register-patient':
      return '#/patients/new';
    case 'patient':
      return `#/patients/${e(route.patientId)}`;
    case 'session':
      return `#/patients/${e(route.patientId)}/sessions/${e(route.sessionId)}${route.step ? `/${route.step}` : ''}`;
    case 'staff':
      return '#/staff';
    case 'patient-history':
      return `#/patients/${e(route.patientId)}/history`;
    case 'settings-in-force':
      return '#/settings';
    case 'sync':
      return '#/sync';
    case 'center':
      return `#/center/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
