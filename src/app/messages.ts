import { defineMessages } from '../ui/i18n.ts';

export const messages = defineMessages({
  en: {
    appName: 'KIT bedside',
    navSettings: 'Protocol & settings',
    language: 'Language',
    darkTheme: 'Dark theme',
    online: 'Online',
    offline: 'Offline — everything is kept on this tablet',
    updateReady: 'A new version of the app is ready.',
    updateNow: 'Update now',
    updateLater: 'Later',
    updateBlocked:
      'It will be offered again when no session is running and no form has unsaved input.',
    offlineReady: 'The app is ready to work offline.',
  },
  'nl-BE': {
    appName: 'KIT bedside',
    navSettings: 'Protocol & instellingen',
    language: 'Taal',
    darkTheme: 'Donker thema',
    online: 'Online',
    offline: 'Offline — alles blijft bewaard op deze tablet',
    updateReady: 'Een nieuwe versie van de app is klaar.',
    updateNow: 'Nu bijwerken',
    updateLater: 'Later',
    updateBlocked:
      'Ze wordt opnieuw aangeboden wanneer er geen sessie loopt en geen formulier onbewaarde invoer heeft.',
    offlineReady: 'De app is klaar om offline te werken.',
  },
});
