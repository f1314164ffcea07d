import { defineMessages } from '../../ui/i18n.ts';
import { sessionScreenMessages } from '../../ui/session-view.tsx';

export const messages = defineMessages({
  en: {
    ...sessionScreenMessages.en,
    title: 'Outcome questions',
    patientLabel: 'Patient {number} · session {session}',
    notYet:
      'Outcome questions are asked from session 2 on: session 1 is a test dose for tolerance, not for effect.',
    continue: 'Continue',

    painTitle: 'Pain since the first full dose',
    painQuestion:
      'Ask: “By how many percent has your pain improved since the first full dose?” 0 % = unchanged, 100 % = no pain at all.',
    improvement: 'Pain improvement',
    worse: 'The pain is worse than before the first full dose',
    worseHint:
      'Recorded as 0 % improvement: the registry scale runs from 0 (unchanged or worse) to 100 %.',

    decisionTitle: 'Continue or stop',
    decisionLegend: 'Does therapy continue?',
    decisionContinue: 'Continue therapy',
    decisionDiscontinue: 'Stop therapy (discontinue)',
    decisionRequired: 'Choose whether therapy continues or stops.',
    reasonLegend: 'Why does therapy stop?',
    'reason.lack-of-effect': 'Lack of effect',
    'reason.side-effects': 'Disturbing side effects',
    'reason.other': 'Other',
    reasonText: 'Describe the reason',
    reasonTextHintOther: 'Required for “Other”.',
    reasonTextHintOptional: 'Optional: which side effects, or anything the team should know.',
    afterAdministrations: 'Stopped after how many administrations',
    afterUnit: 'administrations',
    afterHint: 'Prefilled with the sessions given so far ({count}); change it if needed.',

    favorableTitle: 'Favorable outcome (registry definition)',
    favorableDefinition:
      'The registry counts an outcome as favorable when the pain improved by 50 % or more and therapy was not stopped for lack of effect (source study definition).',
    favorableYes: 'Favorable under the registry definition.',
    favorableNo: 'Not favorable under the registry definition.',
    favorablePending: 'Enter the improvement to see this.',

    save: 'Save the answer',
    storedTitle: 'Answer recorded',
    storedAt: 'Recorded at {time} by {name}.',
    storedImprovement: 'Pain improvement',
    storedDecision: 'Decision',
    storedReason: 'Reason',
    storedAfter: 'After administrations',
    courseNotDiscontinued:
      'The answer says therapy stops, but the course is not yet recorded as discontinued. Record it now so the patient list and the next session show it.',
    recordDiscontinued: 'Record the course as discontinued',
    courseDiscontinued: 'The course is recorded as discontinued.',
    correctHint: 'To change this answer, use “Correct…” on the session record.',
  },
  'nl-BE': {
    ...sessionScreenMessages['nl-BE'],
    title: 'Uitkomstvragen',
    patientLabel: 'Patiënt {number} · sessie {session}',
    notYet:
      'Uitkomstvragen worden gesteld vanaf sessie 2: sessie 1 is een testdosis voor verdraagzaamheid, niet voor effect.',
    continue: 'Verder',

    painTitle: 'Pijn sinds de eerste volledige dosis',
    painQuestion:
      'Vraag: “Met hoeveel procent is uw pijn verbeterd sinds de eerste volledige dosis?” 0 % = onveranderd, 100 % = helemaal geen pijn.',
    improvement: 'Pijnverbetering',
    worse: 'De pijn is erger dan vóór de eerste volledige dosis',
    worseHint:
      'Geregistreerd als 0 % verbetering: de registerschaal loopt van 0 (onveranderd of erger) tot 100 %.',

    decisionTitle: 'Verder of stoppen',
    decisionLegend: 'Gaat de therapie verder?',
    decisionContinue: 'Therapie verderzetten',
    decisionDiscontinue: 'Therapie stoppen',
    decisionRequired: 'Kies of de therapie verdergaat of stopt.',
    reasonLegend: 'Waarom stopt de therapie?',
    'reason.lack-of-effect': 'Onvoldoende effect',
    'reason.side-effects': 'Storende bijwerkingen',
    'reason.other': 'Andere',
    reasonText: 'Beschrijf de reden',
    reasonTextHintOther: 'Verplicht bij “Andere”.',
    reasonTextHintOptional: 'Optioneel: welke bijwerkingen, of wat het team moet weten.',
    afterAdministrations: 'Gestopt na hoeveel toedieningen',
    afterUnit: 'toedieningen',
    afterHint: 'Vooraf ingevuld met het aantal gegeven sessies ({count}); pas aan indien nodig.',

    favorableTitle: 'Gunstige uitkomst (registerdefinitie)',
    favorableDefinition:
      'Het register telt een uitkomst als gunstig wanneer de pijn met 50 % of meer verbeterde en de therapie niet gestopt werd wegens onvoldoende effect (definitie van de bronstudie).',
    favorableYes: 'Gunstig volgens de registerdefinitie.',
    favorableNo: 'Niet gunstig volgens de registerdefinitie.',
    favorablePending: 'Vul de verbetering in om dit te zien.',

    save: 'Antwoord bewaren',
    storedTitle: 'Antwoord geregistreerd',
    storedAt: 'Geregistreerd om {time} door {name}.',
    storedImprovement: 'Pijnverbetering',
    storedDecision: 'Beslissing',
    storedReason: 'Reden',
    storedAfter: 'Na toedieningen',
    courseNotDiscontinued:
      'Het antwoord zegt dat de therapie stopt, maar de behandeling is nog niet als gestopt geregistreerd. Registreer het nu zodat de patiëntenlijst en de volgende sessie het tonen.',
    recordDiscontinued: 'Behandeling als gestopt registreren',
    courseDiscontinued: 'De behandeling is geregistreerd als gestopt.',
    correctHint: 'Om dit antwoord te wijzigen, gebruik “Corrigeren…” in het sessieverslag.',
  },
});

export type OutcomeMessages = (typeof messages)['en'];
