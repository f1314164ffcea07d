import { defineMessages } from '../../ui/i18n.ts';

/** The "Correct…" and "Entered in error…" forms of the session record. */
export const correctionMessages = defineMessages({
  en: {
    saving: 'Saving…',
    saved: 'Saved on this tablet',
    retry: 'Retry',
    cancel: 'Cancel',
    reasonRequired: 'Give a reason of at least 3 characters: what was wrong.',
    noActor:
      'Nobody is signed in: unlock the tablet with your name and PIN (“Switch user / Lock”, at the top) before entering anything. Every record carries a name; nothing is saved until then.',

    eieTitle: 'Mark as entered in error',
    eieHint:
      'Use this for an entry that should never have been made (wrong patient, wrong session, recorded twice). It stays visible, struck through, and no longer counts.',
    eieReason: 'Why was it entered in error?',
    eieSave: 'Mark entered in error',

    correctTitle: 'Correct this entry',
    correctHint:
      'A new entry with the right values replaces this one; the original stays visible, struck through, with your reason.',
    correctionReason: 'Reason for the correction',
    correctSave: 'Save correction',

    systolic: 'Systolic BP',
    diastolic: 'Diastolic BP',
    heartRate: 'Heart rate',
    spo2: 'SpO2',
    respiratoryRate: 'Respiratory rate (optional)',
    rass: 'Sedation (RASS, +4 to −5)',
    weight: 'Weight',
    weightPlan:
      'The dose plan was calculated with {kg}. Correcting the weight does not change the plan: make a new dose plan if the dose must change.',
    dose: 'Dose',
    route: 'Route',
    timeGiven: 'Time given',
    timeHint: 'Hours and minutes, e.g. 10:45.',
    severity: 'Severity',
    response: 'What was done',
    responseRequired: 'Describe what was done.',
    improvement: 'Pain improvement',
    worse: 'The pain is worse than before the first full dose (recorded as 0 %)',
    decision: 'Decision',
    decisionContinue: 'Continue therapy',
    decisionDiscontinue: 'Stop therapy (discontinue)',
    reason: 'Why does therapy stop?',
    'reason.lack-of-effect': 'Lack of effect',
    'reason.side-effects': 'Disturbing side effects',
    'reason.other': 'Other',
    reasonMissing: 'Pick why therapy stopped: lack of effect, disturbing side effects, or other.',
    reasonText: 'Describe the reason',
    reasonTextMissing: 'Describe the other reason therapy stopped.',
    decisionNote:
      'Changing the decision here does not change the course status; record that on the patient.',
  },
  'nl-BE': {
    saving: 'Bewaren…',
    saved: 'Bewaard op deze tablet',
    retry: 'Opnieuw proberen',
    cancel: 'Annuleren',
    reasonRequired: 'Geef een reden van minstens 3 tekens: wat was er fout.',
    noActor:
      'Niemand is aangemeld: ontgrendel de tablet met uw naam en pincode (“Andere gebruiker / Vergrendelen”, bovenaan) voor u iets invoert. Elke registratie draagt een naam; tot dan wordt niets bewaard.',

    eieTitle: 'Markeren als foutief ingevoerd',
    eieHint:
      'Gebruik dit voor een registratie die nooit had mogen bestaan (verkeerde patiënt, verkeerde sessie, dubbel ingevoerd). Ze blijft zichtbaar, doorgestreept, en telt niet meer mee.',
    eieReason: 'Waarom werd dit foutief ingevoerd?',
    eieSave: 'Markeren als foutief ingevoerd',

    correctTitle: 'Deze registratie corrigeren',
    correctHint:
      'Een nieuwe registratie met de juiste waarden vervangt deze; het origineel blijft zichtbaar, doorgestreept, met uw reden.',
    correctionReason: 'Reden voor de correctie',
    correctSave: 'Correctie bewaren',

    systolic: 'Systolische BD',
    diastolic: 'Diastolische BD',
    heartRate: 'Hartslag',
    spo2: 'SpO2',
    respiratoryRate: 'Ademhalingsfrequentie (optioneel)',
    rass: 'Sedatie (RASS, +4 tot −5)',
    weight: 'Gewicht',
    weightPlan:
      'Het doseringsplan werd berekend met {kg}. Het gewicht corrigeren verandert het plan niet: maak een nieuw doseringsplan als de dosis moet veranderen.',
    dose: 'Dosis',
    route: 'Toedieningsweg',
    timeGiven: 'Tijdstip gegeven',
    timeHint: 'Uren en minuten, bv. 10:45.',
    severity: 'Ernst',
    response: 'Wat werd gedaan',
    responseRequired: 'Beschrijf wat er gedaan werd.',
    improvement: 'Pijnverbetering',
    worse: 'De pijn is erger dan vóór de eerste volledige dosis (geregistreerd als 0 %)',
    decision: 'Beslissing',
    decisionContinue: 'Therapie verderzetten',
    decisionDiscontinue: 'Therapie stoppen',
    reason: 'Waarom stopt de therapie?',
    'reason.lack-of-effect': 'Onvoldoende effect',
    'reason.side-effects': 'Storende bijwerkingen',
    'reason.other': 'Andere',
    reasonMissing:
      'Kies waarom de therapie stopt: onvoldoende effect, storende bijwerkingen of andere.',
    reasonText: 'Beschrijf de reden',
    reasonTextMissing: 'Beschrijf de andere reden waarom de therapie stopt.',
    decisionNote:
      'De beslissing hier wijzigen verandert de status van de behandeling niet; registreer dat bij de patiënt.',
  },
});

export type CorrectionMessages = (typeof correctionMessages)['en'];
