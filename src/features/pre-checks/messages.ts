import { defineMessages } from '../../ui/i18n.ts';
import { sessionScreenMessages } from '../../ui/session-view.tsx';

export const messages = defineMessages({
  en: {
    ...sessionScreenMessages.en,
    title: 'Pre-checks',
    intro: 'Tick each check when it is done; every tick is saved at once with your name.',
    patientLabel: 'Patient {number} · session {session}',

    checklistTitle: 'Checklist',
    'item.identity-confirmed': 'Identity confirmed',
    'hint.identity-confirmed':
      'Patient number {number}: ask the name and date of birth and compare with the wristband.',
    'item.eligibility-reconfirmed': 'Eligibility re-confirmed',
    'item.contraindications-checked': 'Contraindications checked',
    'item.escort-arranged': 'Escort arranged',
    'hint.escort-arranged':
      'Someone takes the patient home: no driving or machines for the rest of the day.',
    'item.liver-tests-checked': 'Liver tests checked',
    'item.urinary-symptoms-asked': 'Urinary symptoms asked',
    'hint.urinary-symptoms-asked':
      'Ketamine uropathy: ask about pain when passing urine, urgency, frequency and blood in the urine. Tell the anesthesiologist about any.',
    'item.dedicated-line': 'Dedicated line',
    'hint.dedicated-line': 'Ketamine and propofol run on a line used for nothing else.',
    'item.anti-reflux-valve': 'Anti-reflux valve fitted',
    'item.monitoring-spo2': 'SpO2 monitoring attached',
    'item.monitoring-ecg': 'ECG attached',
    'item.monitoring-nibp': 'Non-invasive blood pressure attached',
    'item.room-darkened': 'Room darkened, low stimulation',
    done: 'Done',
    notDone: 'Not done',

    noScreening:
      'No eligibility screening is recorded for this patient. Record it on the patient before this check can be ticked.',
    criteriaTitle: 'Eligibility (screening of {date})',
    'criterion.adult': 'Adult at the start of therapy',
    'criterion.nonOncologic': 'Chronic pain that is not oncologic',
    'criterion.psychologistCleared': 'Cleared by the psychologist',
    'criterion.firstSecondLineFailed': 'First- and second-line treatments did not help',
    yes: 'Yes',
    no: 'No',
    criteriaNotMet:
      'The screening shows an eligibility criterion not met. Update the patient’s screening or call the anesthesiologist; this check cannot be ticked.',
    contraTitle: 'Relative contraindications',
    contraPresent: 'Present',
    contraAbsent: 'Absent',
    needsDecision:
      'Needs an anesthesiologist’s documented decision before the infusion: record it on the patient’s screening. This check cannot be ticked until then.',
    decisionProceed: 'Anesthesiologist {name} decided to proceed: {reason}',
    decisionStop:
      'Anesthesiologist {name} decided NOT to proceed: {reason}. This check cannot be ticked.',

    liverTitle: 'Liver tests (every {months} months)',
    liverNoCourse:
      'No course start is recorded, so the liver test due date cannot be worked out. Check the patient’s course.',
    liverLast: 'Last test: {date}',
    liverNever: 'No liver test recorded yet.',
    'liver.ok': 'Next test due {date}.',
    'liver.due-soon': 'Next test due soon: {date}.',
    'liver.never-tested': 'First test due {date}.',
    'liver.overdue':
      'Liver tests OVERDUE since {date}: ask for a blood test (ALT, AST, GGT, alkaline phosphatase) and tell the anesthesiologist.',

    weightTitle: 'Today’s weight',
    weightLabel: 'Weight measured today',
    weightHint:
      'Weigh the patient today with the scale set to kg; enter the value as the scale shows it.',
    saveWeight: 'Save weight',
    weightRecorded: 'Recorded: {weight} at {time}',
    weightSoftNote: 'Needs a named override with a reason at the dose plan.',
    weightStale: 'This weight was not measured today: weigh the patient again.',
    correctWeight: 'Correct the weight',
    correctionReason: 'Reason for the correction',
    correctionReasonHint: 'For example: scale was not set to kg, re-weighed.',
    correctionReasonRequired: 'Say why the weight is corrected (at least 3 characters).',
    cancel: 'Cancel',
    replanNote: 'A dose plan made with the old weight must be made again.',

    baselineTitle: 'Baseline vitals',
    baselineHint:
      'The baseline for this session’s alerts and discharge. The latest baseline counts.',
    systolic: 'Systolic BP',
    diastolic: 'Diastolic BP',
    heartRate: 'Heart rate',
    spo2: 'SpO2',
    respiratoryRate: 'Respiratory rate (optional)',
    saveBaseline: 'Save baseline vitals',
    remeasure: 'Measure the baseline again',
    baselineRecorded: 'Recorded at {time}: BP {sbp}/{dbp} mmHg · HR {hr}/min · SpO2 {spo2} %{rr}',
    baselineRr: ' · RR {rr}/min',

    missingTitle: 'Still missing',
    'missing.weight': 'Today’s weight',
    'missing.baseline': 'Baseline vitals',
    allDone: 'All pre-checks are done.',
    continue: 'Continue to dose plan',
  },
  'nl-BE': {
    ...sessionScreenMessages['nl-BE'],
    title: 'Voorafgaande controles',
    intro:
      'Vink elke controle aan wanneer ze gedaan is; elk vinkje wordt meteen op uw naam bewaard.',
    patientLabel: 'Patiënt {number} · sessie {session}',

    checklistTitle: 'Checklist',
    'item.identity-confirmed': 'Identiteit bevestigd',
    'hint.identity-confirmed':
      'Patiëntnummer {number}: vraag naam en geboortedatum en vergelijk met het polsbandje.',
    'item.eligibility-reconfirmed': 'Geschiktheid opnieuw bevestigd',
    'item.contraindications-checked': 'Contra-indicaties nagekeken',
    'item.escort-arranged': 'Begeleiding geregeld',
    'hint.escort-arranged':
      'Iemand brengt de patiënt naar huis: de rest van de dag niet rijden of machines bedienen.',
    'item.liver-tests-checked': 'Levertesten nagekeken',
    'item.urinary-symptoms-asked': 'Plasklachten bevraagd',
    'hint.urinary-symptoms-asked':
      'Ketamine-uropathie: vraag naar pijn bij het plassen, aandrang, frequentie en bloed in de urine. Meld elke klacht aan de anesthesist.',
    'item.dedicated-line': 'Aparte lijn',
    'hint.dedicated-line':
      'Ketamine en propofol lopen op een lijn die voor niets anders gebruikt wordt.',
    'item.anti-reflux-valve': 'Antirefluxklep geplaatst',
    'item.monitoring-spo2': 'SpO2-monitoring aangesloten',
    'item.monitoring-ecg': 'ECG aangesloten',
    'item.monitoring-nibp': 'Niet-invasieve bloeddruk aangesloten',
    'item.room-darkened': 'Kamer verduisterd, weinig prikkels',
    done: 'Gedaan',
    notDone: 'Niet gedaan',

    noScreening:
      'Er is geen geschiktheidsscreening geregistreerd voor deze patiënt. Registreer ze bij de patiënt voor deze controle aangevinkt kan worden.',
    criteriaTitle: 'Geschiktheid (screening van {date})',
    'criterion.adult': 'Volwassen bij de start van de therapie',
    'criterion.nonOncologic': 'Chronische pijn die niet oncologisch is',
    'criterion.psychologistCleared': 'Goedgekeurd door de psycholoog',
    'criterion.firstSecondLineFailed': 'Eerste- en tweedelijnsbehandelingen hielpen niet',
    yes: 'Ja',
    no: 'Nee',
    criteriaNotMet:
      'De screening toont een geschiktheidscriterium dat niet vervuld is. Werk de screening van de patiënt bij of bel de anesthesist; deze controle kan niet aangevinkt worden.',
    contraTitle: 'Relatieve contra-indicaties',
    contraPresent: 'Aanwezig',
    contraAbsent: 'Afwezig',
    needsDecision:
      'Vraagt een gedocumenteerde beslissing van de anesthesist vóór het infuus: registreer ze bij de screening van de patiënt. Tot dan kan deze controle niet aangevinkt worden.',
    decisionProceed: 'Anesthesist {name} besliste door te gaan: {reason}',
    decisionStop:
      'Anesthesist {name} besliste NIET door te gaan: {reason}. Deze controle kan niet aangevinkt worden.',

    liverTitle: 'Levertesten (elke {months} maanden)',
    liverNoCourse:
      'Er is geen start van de kuur geregistreerd, dus de vervaldatum van de levertest kan niet berekend worden. Kijk de kuur van de patiënt na.',
    liverLast: 'Laatste test: {date}',
    liverNever: 'Nog geen levertest geregistreerd.',
    'liver.ok': 'Volgende test op {date}.',
    'liver.due-soon': 'Volgende test binnenkort: {date}.',
    'liver.never-tested': 'Eerste test op {date}.',
    'liver.overdue':
      'Levertesten ACHTERSTALLIG sinds {date}: vraag een bloedafname (ALT, AST, GGT, alkalische fosfatase) aan en verwittig de anesthesist.',

    weightTitle: 'Gewicht van vandaag',
    weightLabel: 'Gewicht vandaag gemeten',
    weightHint:
      'Weeg de patiënt vandaag met de weegschaal in kg; vul de waarde in zoals de weegschaal ze toont.',
    saveWeight: 'Gewicht bewaren',
    weightRecorded: 'Geregistreerd: {weight} om {time}',
    weightSoftNote: 'Vraagt bij het dosisplan een overschrijving op naam met een reden.',
    weightStale: 'Dit gewicht is niet vandaag gemeten: weeg de patiënt opnieuw.',
    correctWeight: 'Gewicht corrigeren',
    correctionReason: 'Reden van de correctie',
    correctionReasonHint: 'Bijvoorbeeld: weegschaal stond niet in kg, opnieuw gewogen.',
    correctionReasonRequired: 'Zeg waarom het gewicht gecorrigeerd wordt (minstens 3 tekens).',
    cancel: 'Annuleren',
    replanNote: 'Een dosisplan gemaakt met het oude gewicht moet opnieuw gemaakt worden.',

    baselineTitle: 'Basiswaarden vitale parameters',
    baselineHint:
      'De basis voor de alarmen en het ontslag van deze sessie. De laatste basismeting telt.',
    systolic: 'Systolische bloeddruk',
    diastolic: 'Diastolische bloeddruk',
    heartRate: 'Hartslag',
    spo2: 'SpO2',
    respiratoryRate: 'Ademhalingsfrequentie (optioneel)',
    saveBaseline: 'Basiswaarden bewaren',
    remeasure: 'Basiswaarden opnieuw meten',
    baselineRecorded:
      'Geregistreerd om {time}: BD {sbp}/{dbp} mmHg · HF {hr}/min · SpO2 {spo2} %{rr}',
    baselineRr: ' · AF {rr}/min',

    missingTitle: 'Nog te doen',
    'missing.weight': 'Gewicht van vandaag',
    'missing.baseline': 'Basiswaarden vitale parameters',
    allDone: 'Alle voorafgaande controles zijn gedaan.',
    continue: 'Verder naar het dosisplan',
  },
});

export type PreChecksMessages = (typeof messages)['en'];
