import { defineMessages } from '../ui/i18n.ts';

export const messages = defineMessages({
  en: {
    appName: 'KIT bedside',
    navPatients: 'Patients',
    navStaff: 'Staff',
    navSettings: 'Protocol',
    navSync: 'Sync',
    language: 'Language',
    darkTheme: 'Dark theme',
    display: 'Language and theme',
    online: 'Online',
    offline: 'Offline — everything is kept on this tablet',
    updateReady: 'A new version of the app is ready.',
    updateNow: 'Update now',
    updateLater: 'Later',
    updateBlocked:
      'It will be offered again when no session is running and no form has unsaved input.',
    databaseReplaced:
      'A newer version of the app opened the tablet’s records in another window. This window stopped writing so nothing is corrupted; everything saved is kept.',
    reload: 'Reload the app',
    chooseActor:
      'Nobody is signed in: unlock the tablet with your name and PIN (“Switch user / Lock”, at the top) before entering anything. Every record carries a name; nothing is saved until then.',
    noStaff:
      'No staff on this tablet yet. At a center that already has staff, enroll this tablet first: the staff list then comes from the center. At a new center, add yourself first with the role Administrator (the center takes new staff only from an administrator), then the nurses and anesthesiologists.',
    openSync: 'Enroll this tablet',
    storageFull:
      'The tablet’s storage is full: new entries are not being saved. Sync with the center and free space on the tablet, then enter them again.',
    addStaff: 'Add staff',
    stepPreChecks: 'Pre-checks',
    stepDosePlan: 'Dose plan',
    stepInfusion: 'Infusion',
    stepDischarge: 'Discharge',
    stepOutcome: 'Outcome',
    stepRecord: 'Record',
    sessionSteps: 'Session steps',
    sessionTitle: 'Patient {patient} · session {session}',
    backToPatient: 'Back to patient',
    recordSideEffect: 'Record a side effect',
    loading: 'Loading…',
    notFound: 'This patient is not on this tablet.',
  },
  'nl-BE': {
    appName: 'KIT bedside',
    navPatients: 'Patiënten',
    navStaff: 'Personeel',
    navSettings: 'Protocol',
    navSync: 'Synchronisatie',
    language: 'Taal',
    darkTheme: 'Donker thema',
    display: 'Taal en thema',
    online: 'Online',
    offline: 'Offline — alles blijft bewaard op deze tablet',
    updateReady: 'Een nieuwe versie van de app is klaar.',
    updateNow: 'Nu bijwerken',
    updateLater: 'Later',
    updateBlocked:
      'Ze wordt opnieuw aangeboden wanneer er geen sessie loopt en geen formulier onbewaarde invoer heeft.',
    databaseReplaced:
      'Een nieuwere versie van de app opende de gegevens van de tablet in een ander venster. Dit venster schrijft niet meer zodat niets beschadigd raakt; alles wat bewaard is, blijft.',
    reload: 'App herladen',
    chooseActor:
      'Niemand is aangemeld: ontgrendel de tablet met uw naam en pincode (“Andere gebruiker / Vergrendelen”, bovenaan) voor u iets invoert. Elke registratie draagt een naam; tot dan wordt niets bewaard.',
    noStaff:
      'Nog geen personeel op deze tablet. In een centrum dat al personeel heeft: meld deze tablet eerst aan, dan komt de personeelslijst van het centrum. In een nieuw centrum: voeg uzelf eerst toe met de rol Beheerder (het centrum aanvaardt nieuw personeel alleen van een beheerder), daarna de verpleegkundigen en anesthesisten.',
    openSync: 'Deze tablet aanmelden',
    storageFull:
      'De opslag van de tablet is vol: nieuwe invoeren worden niet bewaard. Synchroniseer met het centrum en maak plaats vrij op de tablet, en voer ze dan opnieuw in.',
    addStaff: 'Personeel toevoegen',
    stepPreChecks: 'Voorafgaande controles',
    stepDosePlan: 'Dosisplan',
    stepInfusion: 'Infuus',
    stepDischarge: 'Ontslag',
    stepOutcome: 'Resultaat',
    stepRecord: 'Verslag',
    sessionSteps: 'Stappen van de sessie',
    sessionTitle: 'Patiënt {patient} · sessie {session}',
    backToPatient: 'Terug naar patiënt',
    recordSideEffect: 'Bijwerking noteren',
    loading: 'Laden…',
    notFound: 'Deze patiënt staat niet op deze tablet.',
  },
});
