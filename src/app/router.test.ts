import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './router.ts';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'patients' },
    { name: 'register-patient' },
    { name: 'patient', patientId: '0190a1b2-0000-7000-8000-000000000001' },
    { name: 'session', patientId: 'p-1', sessionId: 's-1', step: 'infusion' },
    { name: 'staff' },
    { name: 'settings-in-force' },
    { name: 'patient-history', patientId: 'p-1' },
    { name: 'sync' },
    { name: 'center', view: 'follow-up' },
    { name: 'center', view: 'registry' },
    { name: 'center', view: 'exports' },
    { name: 'center', view: 'settings' },
  ];
  it.each(routes)('round-trips %o through the hash', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
  it('leaves an unknown step to the session shell and falls back to the patient list', () => {
    expect(parseRoute('#/patients/p/sessions/s/bogus')).toMatchObject({ step: null });
    expect(
      parseRoute(hrefFor({ name: 'session', patientId: 'p', sessionId: 's', step: null })),
    ).toMatchObject({ step: null });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'patients' });
    expect(parseRoute('#/center/bogus')).toEqual({ name: 'center', view: 'follow-up' });
  });
});
