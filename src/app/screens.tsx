/** Route → screen. The only place that knows every feature. */
import { PatientListScreen } from '../features/patients/patient-list-screen.tsx';
import { PatientScreen } from '../features/patients/patient-screen.tsx';
import { RegisterPatientScreen } from '../features/patients/register-patient-screen.tsx';
import { SettingsInForceScreen } from '../features/settings-in-force/settings-in-force-screen.tsx';
import { StaffScreen } from '../features/staff/staff-screen.tsx';
import { useBedside } from '../ui/bedside-context.tsx';
import { useMessages } from '../ui/i18n.ts';
import { useActorStore } from './actor-store.ts';
import { messages } from './messages.ts';
import { navigate, type Route } from './router.ts';
import { SessionShell } from './session-shell.tsx';

export function Screens({ route }: { readonly route: Route }) {
  const t = useMessages(messages);
  const { staff, actor, settings, protocols } = useBedside();
  const setActor = useActorStore((s) => s.setStaffId);

  if (route.name === 'settings-in-force')
    return <SettingsInForceScreen protocols={protocols} settings={settings} />;
  if (route.name === 'staff' || staff.length === 0) {
    return (
      <>
        {staff.length === 0 ? (
          <p className="notice notice--warning" role="status">
            {t.noStaff}
          </p>
        ) : null}
        <StaffScreen onAdded={(id) => (actor ? undefined : setActor(id))} />
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
          />
        </>
      );
    case 'session':
      return (
        <>
          {actorNotice}
          <SessionShell route={route} />
        </>
      );
  }
}
