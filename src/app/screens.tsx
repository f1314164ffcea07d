/** Route → screen. The only place that knows every feature. */
import { lazy, Suspense } from 'react';
import { PatientListScreen } from '../features/patients/patient-list-screen.tsx';
import { PatientScreen } from '../features/patients/patient-screen.tsx';
import { RegisterPatientScreen } from '../features/patients/register-patient-screen.tsx';
import { SettingsInForceScreen } from '../features/settings-in-force/settings-in-force-screen.tsx';
import { StaffScreen } from '../features/staff/staff-screen.tsx';
import { SyncScreen } from '../features/sync-status/sync-screen.tsx';
import { useBedside } from '../ui/bedside-context.tsx';
import { useMessages } from '../ui/i18n.ts';
import { useActorStore } from './actor-store.ts';
import { messages } from './messages.ts';
import { hrefFor, navigate, type Route } from './router.ts';
import { SessionShell } from './session-shell.tsx';
import { useSyncClient } from './sync-root.tsx';
import { CenterFrame } from './center-nav.tsx';

// Center views load on demand: the bedside bundle never carries the statistics or exports.
const RegistryScreen = lazy(() =>
  import('../features/registry/registry-screen.tsx').then((m) => ({ default: m.RegistryScreen })),
);
const ExportsScreen = lazy(() =>
  import('../features/exports/exports-screen.tsx').then((m) => ({ default: m.ExportsScreen })),
);
const FollowUpScreen = lazy(() =>
  import('../features/follow-up/follow-up-screen.tsx').then((m) => ({ default: m.FollowUpScreen })),
);
const CenterSettingsScreen = lazy(() =>
  import('../features/center-settings/center-settings-screen.tsx').then((m) => ({
    default: m.CenterSettingsScreen,
  })),
);
// The history and its charts (uPlot) load only when a patient's history is opened.
const PatientHistoryScreen = lazy(() =>
  import('../features/patient-history/patient-history-screen.tsx').then((m) => ({
    default: m.PatientHistoryScreen,
  })),
);

export function Screens({ route }: { readonly route: Route }) {
  const t = useMessages(messages);
  const { staff, actor, settings, protocols } = useBedside();
  const setActor = useActorStore((s) => s.setStaffId);
  const syncClient = useSyncClient();

  if (route.name === 'settings-in-force')
    return <SettingsInForceScreen protocols={protocols} settings={settings} />;
  // Open before any staff exist: enrolling first brings the center's staff to the tablet.
  if (route.name === 'sync') return <SyncScreen client={syncClient} />;
  if (route.name === 'staff' || staff.length === 0) {
    return (
      <>
        {staff.length === 0 ? (
          <p className="notice notice--warning" role="status">
            {t.noStaff} <a href={hrefFor({ name: 'sync' })}>{t.openSync}</a>
          </p>
        ) : null}
        <StaffScreen
          onAdded={(id) => {
            if (!actor) setActor(id);
            // The first person added on a fresh tablet stays on the staff screen to add the others.
            if (route.name !== 'staff') navigate({ name: 'staff' });
          }}
        />
      </>
    );
  }
  const actorNotice = actor ? null : (
    <p className="notice notice--warning" role="alert">
      {t.chooseActor}
    </p>
  );
  switch (route.name) {
    case 'patients':
      return (
        <>
          {actorNotice}
          <PatientListScreen
            onOpenPatient={(patientId) => navigate({ name: 'patient', patientId })}
            onRegister={() => navigate({ name: 'register-patient' })}
          />
        </>
      );
    case 'register-patient':
      return (
        <>
          {actorNotice}
          <RegisterPatientScreen
            onRegistered={(patientId) => navigate({ name: 'patient', patientId })}
            onCancel={() => navigate({ name: 'patients' })}
          />
        </>
      );
    case 'patient':
      return (
        <>
          {actorNotice}
          <PatientScreen
            patientId={route.patientId}
            onOpenSession={(sessionId) =>
              navigate({ name: 'session', patientId: route.patientId, sessionId, step: null })
            }
            onBack={() => navigate({ name: 'patients' })}
            onOpenHistory={() => navigate({ name: 'patient-history', patientId: route.patientId })}
          />
        </>
      );
    case 'patient-history':
      return (
        <>
          {actorNotice}
          <Suspense fallback={<p role="status">{t.loading}</p>}>
            <PatientHistoryScreen
              patientId={route.patientId}
              onOpenSession={(sessionId) =>
                navigate({ name: 'session', patientId: route.patientId, sessionId, step: 'record' })
              }
              onBack={() => navigate({ name: 'patient', patientId: route.patientId })}
            />
          </Suspense>
        </>
      );
    case 'session':
      return (
        <>
          {actorNotice}
          <SessionShell route={route} />
        </>
      );
    case 'center':
      return (
        <CenterFrame view={route.view}>
          {route.view === 'follow-up' ? (
            <FollowUpScreen
              onOpenPatient={(patientId) => navigate({ name: 'patient', patientId })}
            />
          ) : null}
          {route.view === 'registry' ? <RegistryScreen /> : null}
          {route.view === 'exports' ? <ExportsScreen /> : null}
          {route.view === 'settings' ? <CenterSettingsScreen /> : null}
        </CenterFrame>
      );
  }
}
