import { defineMessages } from '../../ui/i18n.ts';

export const demoMessages = defineMessages({
  en: {
    title: 'Synthetic demo center',
    intro:
      'Adds 74 invented patients with five years of sessions, shaped like the source study, so every screen can be seen filled in. Every demo patient is marked synthetic (numbers DEMO-0001…), the demo staff are fictional, and demo records are never sent to the center.',
    adminOnly:
      'An administrator can load a synthetic demo center here: choose an administrator as the person recording.',
    realPatients:
      'This tablet holds {n} real patients. The demo patients would be added beside them (marked synthetic, never counted with them).',
    confirmReal: 'I understand: add the synthetic demo patients next to the real patients',
    load: 'Load the synthetic demo center',
    loadAgain: 'Load the demo again (adds only what is missing)',
    loaded: '{n} synthetic demo patients are on this tablet.',
    generating: 'Generating the demo center…',
    writing: 'Writing demo records: {done} of {total} ({percent} %)…',
    done: 'Loaded {patients} synthetic patients: {written} records written, {already} already there, in {seconds} s.',
    failed:
      'The demo could not be loaded: {message} What was written before stays; press the button again to continue.',
  },
  'nl-BE': {
    title: 'Synthetisch democentrum',
    intro:
      'Voegt 74 verzonnen patiënten toe met vijf jaar sessies, naar het model van de bronstudie, zodat elk scherm gevuld te zien is. Elke demopatiënt is als synthetisch gemarkeerd (nummers DEMO-0001…), het demopersoneel is fictief en demoregistraties worden nooit naar het centrum gestuurd.',
    adminOnly:
      'Een beheerder kan hier een synthetisch democentrum laden: kies een beheerder als persoon die registreert.',
    realPatients:
      'Deze tablet bevat {n} echte patiënten. De demopatiënten komen ernaast (als synthetisch gemarkeerd, nooit samen met hen geteld).',
    confirmReal: 'Ik begrijp het: voeg de synthetische demopatiënten toe naast de echte patiënten',
    load: 'Het synthetische democentrum laden',
    loadAgain: 'De demo opnieuw laden (voegt alleen toe wat ontbreekt)',
    loaded: 'Er staan {n} synthetische demopatiënten op deze tablet.',
    generating: 'Het democentrum wordt gegenereerd…',
    writing: 'Demoregistraties worden geschreven: {done} van {total} ({percent} %)…',
    done: '{patients} synthetische patiënten geladen: {written} registraties geschreven, {already} waren er al, in {seconds} s.',
    failed:
      'De demo kon niet geladen worden: {message} Wat al geschreven was, blijft; druk opnieuw op de knop om verder te gaan.',
  },
});
