import { defineMessages } from '../../ui/i18n.ts';

export const messages = defineMessages({
  en: {
    title: 'Exports',
    intro:
      'Files made on this tablet from its own records, also offline: CSV for statistics packages (SPSS, R, Stata) and HL7 FHIR R4 for the hospital’s systems. Patients appear only by their pseudonymous center number.',
    loading: 'Reading the records…',
    readingProgress: 'Reading the records… {read} of {total}',
    readFailed: 'The records could not be read:',
    makingCsv: 'Making the CSV files…',
    preparingPatient: 'Preparing the patient’s bundle…',
    readAt:
      'Made from the records on this tablet at {time}. Records stored since are in the files after reading again.',
    readAgain: 'Read the records again',
    population: 'Patients',
    populationReal: 'Real patients ({n})',
    populationSynthetic: 'Synthetic demo patients ({n})',
    populationAll: 'All, each row marked ({n})',
    syntheticBadge: 'Synthetic demo data',
    syntheticWarning:
      'These files contain SYNTHETIC DEMO patients (invented; marked synthetic in every row and HTEST in FHIR). Never hand them out as clinical data.',
    csvTitle: 'Files for statistics packages (CSV)',
    csvHint: 'UTF-8, comma-separated, dates ISO 8601, numbers with a decimal point, unrounded.',
    patientsFile: 'One row per patient; rows: {n}',
    sessionsFile: 'One row per session; rows: {n}',
    codebookFile:
      'Every variable of both files with its label, type, unit and allowed values; variables: {n}',
    download: 'Download {file}',
    csvFailed: 'The CSV files cannot be made:',
    centerTitle: 'FHIR R4 bundle of the center',
    centerHint:
      'Every patient of the selection with their course, sessions, medication, observations, side effects and who recorded them. Large: it is prepared in the background.',
    prepare: 'Prepare the center bundle',
    prepareAgain: 'Prepare again with the latest records',
    preparing: 'Preparing the bundle and checking its structure…',
    patientTitle: 'FHIR R4 bundle of one patient',
    patientLabel: 'Patient (center number)',
    choosePatient: 'Choose a patient',
    noPatients: 'No patients in this selection.',
    resources: '{n} resources, {size}.',
    resourceType: 'Resource',
    count: 'Count',
    valid:
      'Structure check passed: required fields present, every reference resolves inside the bundle.',
    invalid:
      'Structure check found {n} problems, so this bundle is not offered for download. Report it to support with the list below.',
    fhirFailed: 'The bundle cannot be made:',
    madeAt: 'Made {at}.',
  },
  'nl-BE': {
    title: 'Exports',
    intro:
      'Bestanden die op deze tablet gemaakt worden uit de eigen registraties, ook offline: CSV voor statistiekpakketten (SPSS, R, Stata) en HL7 FHIR R4 voor de systemen van het ziekenhuis. Patiënten verschijnen alleen met hun pseudonieme centrumnummer.',
    loading: 'Registraties worden gelezen…',
    readingProgress: 'Registraties worden gelezen… {read} van {total}',
    readFailed: 'De registraties konden niet gelezen worden:',
    makingCsv: 'De CSV-bestanden worden gemaakt…',
    preparingPatient: 'De bundel van de patiënt wordt voorbereid…',
    readAt:
      'Gemaakt uit de registraties op deze tablet om {time}. Wat sindsdien bewaard werd, komt in de bestanden na opnieuw lezen.',
    readAgain: 'Registraties opnieuw lezen',
    population: 'Patiënten',
    populationReal: 'Echte patiënten ({n})',
    populationSynthetic: 'Synthetische demopatiënten ({n})',
    populationAll: 'Allemaal, elke rij gemarkeerd ({n})',
    syntheticBadge: 'Synthetische demogegevens',
    syntheticWarning:
      'Deze bestanden bevatten SYNTHETISCHE DEMOpatiënten (verzonnen; in elke rij als synthetisch gemarkeerd en HTEST in FHIR). Geef ze nooit door als klinische gegevens.',
    csvTitle: 'Bestanden voor statistiekpakketten (CSV)',
    csvHint:
      'UTF-8, gescheiden door komma’s, datums ISO 8601, getallen met een decimaal punt, niet afgerond.',
    patientsFile: 'Eén rij per patiënt; rijen: {n}',
    sessionsFile: 'Eén rij per sessie; rijen: {n}',
    codebookFile:
      'Elke variabele van beide bestanden met label, type, eenheid en toegelaten waarden; variabelen: {n}',
    download: '{file} downloaden',
    csvFailed: 'De CSV-bestanden kunnen niet gemaakt worden:',
    centerTitle: 'FHIR R4-bundel van het centrum',
    centerHint:
      'Elke patiënt van de selectie met kuur, sessies, medicatie, observaties, bijwerkingen en wie ze registreerde. Groot: hij wordt op de achtergrond voorbereid.',
    prepare: 'De centrumbundel voorbereiden',
    prepareAgain: 'Opnieuw voorbereiden met de laatste registraties',
    preparing: 'De bundel wordt voorbereid en de structuur gecontroleerd…',
    patientTitle: 'FHIR R4-bundel van één patiënt',
    patientLabel: 'Patiënt (centrumnummer)',
    choosePatient: 'Kies een patiënt',
    noPatients: 'Geen patiënten in deze selectie.',
    resources: '{n} resources, {size}.',
    resourceType: 'Resource',
    count: 'Aantal',
    valid:
      'Structuurcontrole geslaagd: verplichte velden aanwezig, elke verwijzing wijst naar een resource in de bundel.',
    invalid:
      'De structuurcontrole vond {n} problemen; daarom wordt deze bundel niet aangeboden. Meld het aan support met de lijst hieronder.',
    fhirFailed: 'De bundel kan niet gemaakt worden:',
    madeAt: 'Gemaakt op {at}.',
  },
});
