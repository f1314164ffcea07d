import { defineMessages } from '../../ui/i18n.ts';

export const messages = defineMessages({
  en: {
    // badge
    badgeOffline: 'Offline · {count} waiting',
    badgeOfflineNone: 'Offline',
    badgeUnreachable: 'No connection to the center · {count} waiting',
    badgeProblem: 'Sync problem',
    badgeSyncing: 'Syncing…',
    badgeWaiting: '{count} waiting',
    badgeSynced: 'Synced {time}',
    badgeNever: 'Not synced yet',
    badgeNotEnrolled: 'Not enrolled',
    badgeLabel: 'Sync status: {status}',
    // screen
    title: 'Sync with the center',
    intro:
      'Everything is saved on this tablet first. The tablet sends it to the center and receives what other tablets recorded whenever there is a connection. Nothing is ever deleted.',
    statusHeading: 'Status',
    connection: 'Connection',
    online: 'Online',
    offline: 'Offline',
    unreachable: 'Online, but the center does not answer',
    waiting: 'Waiting to be sent',
    waitingValue: '{count} entries',
    lastSync: 'Last successful sync',
    never: 'Never',
    syncing: 'Syncing now…',
    nextTry: 'The tablet tries again by itself at {time}.',
    syncNow: 'Sync now',
    retry: 'Retry',
    clockSkew:
      "This tablet's clock is {minutes} minutes {direction} the center's clock. Entries are kept with both times, but check the tablet's date and time settings.",
    ahead: 'ahead of',
    behind: 'behind',
    // errors
    errorOffline:
      'The center cannot be reached. Entries stay safe on this tablet and are sent when the connection is back.',
    errorServerUnavailable: 'The center is busy or restarting. The tablet tries again by itself.',
    errorServerRefused:
      'The center refused the request. The tablet tries again; if this stays, call support.',
    errorUnreadableAnswer:
      'The network answered, but not the center (a Wi-Fi login page?). Check the Wi-Fi, then retry.',
    errorEnrollment:
      'This tablet must be enrolled again: the center no longer accepts it. Ask an administrator for a new enrollment code.',
    errorStorage:
      "The tablet's storage failed while syncing. Reload the app; if it keeps happening, call support.",
    errorAppUpdateNeeded:
      'The center sent entries this version of the app cannot read. Update the app (reload when offered).',
    errorDetail: 'Details: {detail}',
    // issues
    conflictsHeading: 'Entries in conflict',
    conflictsIntro:
      'The center already holds a different entry with the same identity. The center’s copy is kept; this tablet keeps its own copy. Check both and record a correction if needed.',
    failuresHeading: 'Entries the center refused',
    failuresIntro:
      'These entries are kept on this tablet but were not accepted by the center. Fix the reason (for example add the staff member at the center), then retry.',
    retryRefused: 'Retry refused entries',
    issueKind: 'Entry',
    issueId: 'Identity',
    issueReason: 'Reason',
    issueWhen: 'When',
    // enrollment
    enrollHeading: 'Enroll this tablet',
    enrollmentHeading: 'Enrollment',
    reenroll: 'Enroll again with a new code',
    enrolledAs: 'This tablet is enrolled with the center as “{name}”.',
    enrollIntro:
      'An administrator creates a one-time code at the center. Enter it here once; the tablet then syncs by itself.',
    serverAddress: 'Server address',
    serverAddressHint: 'Leave as is when the app was opened from the center’s server.',
    code: 'One-time code',
    deviceName: 'Tablet name',
    deviceNameHint: 'For example “Chair 3”, so the center knows which tablet this is.',
    enroll: 'Enroll this tablet',
    enrolling: 'Enrolling…',
    enrolled: 'Enrolled. Entries made from now on carry this tablet’s new identity.',
    enrollInvalidCode: 'Enter the one-time code shown by the administrator.',
    enrollInvalidName: 'Give the tablet a name (at most 80 characters).',
    enrollInvalidAddress:
      'Enter the address as http://… or https://…, or leave it empty for this server.',
    enrollOffline: 'The server cannot be reached at this address. Check the address and the Wi-Fi.',
    enrollCodeUnknown: 'This code is not known. Check it, or ask for a new one.',
    enrollCodeExpired: 'This code has expired. Ask the administrator for a new one.',
    enrollCodeUsed: 'This code was already used: each code enrolls one tablet. Ask for a new one.',
    enrollTooManyTries: 'Too many tries. Wait a minute, then retry.',
    enrollServerError:
      'The server could not enroll the tablet. Retry; if it keeps happening, call support.',
    enrollStorage:
      'The enrollment could not be saved on this tablet. Reload the app, then retry with a new code.',
    // storage
    storageHeading: 'Storage on this tablet',
    storageUsed: 'Used',
    storageUsedValue: '{used} of {quota} ({percent} %)',
    storageUnknown: 'Not known in this browser',
    storageKept: 'Kept by the browser',
    storagePersisted: 'Yes: the browser will not clear it to make room.',
    storageNotPersisted:
      'No: the browser may clear it when the tablet runs out of space, losing entries not yet sent. Install the app on the home screen, then ask again.',
    storageAsk: 'Ask to keep the storage',
    storageNearlyFull:
      'The tablet’s storage is nearly full ({percent} % used). Sync with the center and free space on the tablet now: a full tablet cannot save entries.',
  },
  'nl-BE': {
    badgeOffline: 'Offline · {count} wachtend',
    badgeOfflineNone: 'Offline',
    badgeUnreachable: 'Geen verbinding met het centrum · {count} wachtend',
    badgeProblem: 'Synchronisatieprobleem',
    badgeSyncing: 'Bezig met synchroniseren…',
    badgeWaiting: '{count} wachtend',
    badgeSynced: 'Gesynchroniseerd {time}',
    badgeNever: 'Nog niet gesynchroniseerd',
    badgeNotEnrolled: 'Niet aangemeld',
    badgeLabel: 'Synchronisatie: {status}',
    title: 'Synchroniseren met het centrum',
    intro:
      'Alles wordt eerst op deze tablet bewaard. De tablet stuurt het naar het centrum en ontvangt wat andere tablets registreerden zodra er verbinding is. Er wordt nooit iets gewist.',
    statusHeading: 'Status',
    connection: 'Verbinding',
    online: 'Online',
    offline: 'Offline',
    unreachable: 'Online, maar het centrum antwoordt niet',
    waiting: 'Wacht op verzending',
    waitingValue: '{count} invoeren',
    lastSync: 'Laatste geslaagde synchronisatie',
    never: 'Nooit',
    syncing: 'Bezig met synchroniseren…',
    nextTry: 'De tablet probeert het zelf opnieuw om {time}.',
    syncNow: 'Nu synchroniseren',
    retry: 'Opnieuw proberen',
    clockSkew:
      'De klok van deze tablet loopt {minutes} minuten {direction} op de klok van het centrum. Invoeren worden met beide tijden bewaard, maar controleer de datum- en tijdinstellingen van de tablet.',
    ahead: 'voor',
    behind: 'achter',
    errorOffline:
      'Het centrum is niet bereikbaar. Invoeren blijven veilig op deze tablet en worden verstuurd zodra er weer verbinding is.',
    errorServerUnavailable:
      'Het centrum is bezet of start opnieuw op. De tablet probeert het zelf opnieuw.',
    errorServerRefused:
      'Het centrum weigerde de aanvraag. De tablet probeert opnieuw; blijft dit zo, bel dan support.',
    errorUnreadableAnswer:
      'Het netwerk antwoordde, maar niet het centrum (een wifi-aanmeldpagina?). Controleer de wifi en probeer opnieuw.',
    errorEnrollment:
      'Deze tablet moet opnieuw aangemeld worden: het centrum aanvaardt hem niet meer. Vraag een beheerder om een nieuwe aanmeldcode.',
    errorStorage:
      'De opslag van de tablet faalde tijdens het synchroniseren. Herlaad de app; gebeurt het opnieuw, bel dan support.',
    errorAppUpdateNeeded:
      'Het centrum stuurde invoeren die deze versie van de app niet kan lezen. Werk de app bij (herlaad wanneer dat gevraagd wordt).',
    errorDetail: 'Details: {detail}',
    conflictsHeading: 'Invoeren in conflict',
    conflictsIntro:
      'Het centrum heeft al een andere invoer met dezelfde identiteit. De kopie van het centrum blijft behouden; deze tablet houdt zijn eigen kopie. Controleer beide en registreer zo nodig een correctie.',
    failuresHeading: 'Invoeren die het centrum weigerde',
    failuresIntro:
      'Deze invoeren blijven op deze tablet maar werden niet aanvaard door het centrum. Los de reden op (bijvoorbeeld het personeelslid toevoegen in het centrum) en probeer opnieuw.',
    retryRefused: 'Geweigerde invoeren opnieuw proberen',
    issueKind: 'Invoer',
    issueId: 'Identiteit',
    issueReason: 'Reden',
    issueWhen: 'Wanneer',
    enrollHeading: 'Deze tablet aanmelden',
    enrollmentHeading: 'Aanmelding',
    reenroll: 'Opnieuw aanmelden met een nieuwe code',
    enrolledAs: 'Deze tablet is bij het centrum aangemeld als “{name}”.',
    enrollIntro:
      'Een beheerder maakt in het centrum een eenmalige code aan. Voer die hier één keer in; daarna synchroniseert de tablet vanzelf.',
    serverAddress: 'Serveradres',
    serverAddressHint: 'Laat dit staan als de app vanaf de server van het centrum geopend werd.',
    code: 'Eenmalige code',
    deviceName: 'Naam van de tablet',
    deviceNameHint: 'Bijvoorbeeld “Zetel 3”, zodat het centrum weet welke tablet dit is.',
    enroll: 'Deze tablet aanmelden',
    enrolling: 'Bezig met aanmelden…',
    enrolled: 'Aangemeld. Invoeren vanaf nu dragen de nieuwe identiteit van deze tablet.',
    enrollInvalidCode: 'Voer de eenmalige code in die de beheerder toonde.',
    enrollInvalidName: 'Geef de tablet een naam (ten hoogste 80 tekens).',
    enrollInvalidAddress:
      'Voer het adres in als http://… of https://…, of laat het leeg voor deze server.',
    enrollOffline: 'De server is op dit adres niet bereikbaar. Controleer het adres en de wifi.',
    enrollCodeUnknown: 'Deze code is niet gekend. Controleer ze of vraag een nieuwe.',
    enrollCodeExpired: 'Deze code is verlopen. Vraag de beheerder een nieuwe.',
    enrollCodeUsed: 'Deze code werd al gebruikt: elke code meldt één tablet aan. Vraag een nieuwe.',
    enrollTooManyTries: 'Te veel pogingen. Wacht een minuut en probeer opnieuw.',
    enrollServerError:
      'De server kon de tablet niet aanmelden. Probeer opnieuw; gebeurt het opnieuw, bel dan support.',
    enrollStorage:
      'De aanmelding kon niet op deze tablet bewaard worden. Herlaad de app en probeer opnieuw met een nieuwe code.',
    storageHeading: 'Opslag op deze tablet',
    storageUsed: 'Gebruikt',
    storageUsedValue: '{used} van {quota} ({percent} %)',
    storageUnknown: 'Niet gekend in deze browser',
    storageKept: 'Bewaard door de browser',
    storagePersisted: 'Ja: de browser wist ze niet om plaats te maken.',
    storageNotPersisted:
      'Nee: de browser kan ze wissen wanneer de tablet vol raakt, met verlies van invoeren die nog niet verstuurd zijn. Installeer de app op het startscherm en vraag het opnieuw.',
    storageAsk: 'Vragen om de opslag te bewaren',
    storageNearlyFull:
      'De opslag van de tablet is bijna vol ({percent} % gebruikt). Synchroniseer met het centrum en maak nu plaats vrij op de tablet: een volle tablet kan geen invoeren bewaren.',
  },
});

export type SyncMessages = (typeof messages)['en'];
