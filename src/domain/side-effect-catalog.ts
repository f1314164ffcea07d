/**
 * Side-effect catalog as data (protocol.md section 4, "Side effects and suggested
 * responses"). Every response is a SUGGESTION, labelled with its source: 'protocol' = the
 * paper reports it was used (ondansetron 4 mg IV for nausea, midazolam IV for hallucinations,
 * extra propofol 30 mg IV for nightmares); 'default' = this product's center default. Doses
 * appear only where the paper gives one; otherwise the anesthesiologist sets it.
 * SNOMED CT finding codes only where protocol.md section 9 gives them; none are guessed.
 */
import { mg, type Mg } from './units.ts';

export const SIDE_EFFECT_IDS = [
  'nausea',
  'dizziness',
  'hallucinations',
  'nightmares-dysphoria',
  'delirium',
  'hypertension',
  'sialorrhea',
  'intolerance',
  'other',
] as const;
export type SideEffectId = (typeof SIDE_EFFECT_IDS)[number];

export const ROUTES = ['IV', 'IM', 'SC', 'PO', 'SL'] as const;
export type Route = (typeof ROUTES)[number];

export type SuggestedResponse = {
  readonly text: string;
  readonly textNl: string;
  /** `doseMg` only where the source gives a dose; otherwise the anesthesiologist sets it. */
  readonly drug?: { readonly name: string; readonly doseMg?: Mg; readonly route: Route };
  readonly source: 'protocol' | 'default';
};

export type SideEffectDefinition = {
  readonly id: SideEffectId;
  readonly label: string;
  readonly labelNl: string;
  readonly snomedCt: string | null;
  readonly suggestions: readonly SuggestedResponse[];
};

/** Heading every screen shows above suggestions: they are not orders. */
export const SUGGESTION_HEADING = {
  en: 'Suggestions: the anesthesiologist decides',
  nl: 'Suggesties: de anesthesist beslist',
} as const;

const callAnesthesiologist = {
  text: 'Call the anesthesiologist',
  textNl: 'Verwittig de anesthesist',
} as const;

export const SIDE_EFFECT_CATALOG: readonly SideEffectDefinition[] = Object.freeze([
  {
    id: 'nausea',
    label: 'Nausea',
    labelNl: 'Misselijkheid',
    snomedCt: '422587007',
    suggestions: [
      {
        text: 'Ondansetron 4 mg IV',
        textNl: 'Ondansetron 4 mg IV',
        drug: { name: 'ondansetron', doseMg: mg(4), route: 'IV' },
        source: 'protocol',
      },
    ],
  },
  {
    id: 'dizziness',
    label: 'Dizziness',
    labelNl: 'Duizeligheid',
    snomedCt: '404640003',
    suggestions: [
      {
        text: 'Observe; no specific treatment',
        textNl: 'Observeren; geen specifieke behandeling',
        source: 'protocol',
      },
    ],
  },
  {
    id: 'hallucinations',
    label: 'Hallucinations',
    labelNl: 'Hallucinaties',
    snomedCt: '7011001',
    suggestions: [
      {
        text: 'Observe (may resolve spontaneously)',
        textNl: 'Observeren (kan spontaan verdwijnen)',
        source: 'protocol',
      },
      // The paper gives no midazolam dose: the anesthesiologist sets it.
      {
        text: 'Midazolam IV (dose set by the anesthesiologist)',
        textNl: 'Midazolam IV (dosis door de anesthesist)',
        drug: { name: 'midazolam', route: 'IV' },
        source: 'protocol',
      },
    ],
  },
  {
    id: 'nightmares-dysphoria',
    label: 'Nightmares / dysphoria',
    labelNl: 'Nachtmerries / dysforie',
    snomedCt: null,
    suggestions: [
      {
        text: 'Extra propofol 30 mg IV',
        textNl: 'Extra propofol 30 mg IV',
        drug: { name: 'propofol', doseMg: mg(30), route: 'IV' },
        source: 'protocol',
      },
    ],
  },
  {
    id: 'delirium',
    label: 'Delirium',
    labelNl: 'Delirium',
    snomedCt: null,
    suggestions: [
      {
        text: 'Pause the infusion and call the anesthesiologist',
        textNl: 'Pauzeer de infusie en verwittig de anesthesist',
        source: 'default',
      },
    ],
  },
  {
    id: 'hypertension',
    label: 'Hypertension',
    labelNl: 'Hypertensie',
    snomedCt: null,
    suggestions: [
      {
        text: "Compare with this session's baseline and repeat the blood pressure",
        textNl: 'Vergelijk met de basiswaarde van deze sessie en herhaal de bloeddruk',
        source: 'default',
      },
      { ...callAnesthesiologist, source: 'default' },
      {
        text: 'Clonidine IV (e.g.; dose set by the anesthesiologist)',
        textNl: 'Clonidine IV (bv.; dosis door de anesthesist)',
        drug: { name: 'clonidine', route: 'IV' },
        source: 'default',
      },
    ],
  },
  {
    id: 'sialorrhea',
    label: 'Sialorrhea (drooling)',
    labelNl: 'Hypersalivatie',
    snomedCt: null,
    suggestions: [
      {
        text: 'Anticholinergic, e.g. glycopyrrolate IV (dose set by the anesthesiologist)',
        textNl: 'Anticholinergicum, bv. glycopyrrolaat IV (dosis door de anesthesist)',
        drug: { name: 'glycopyrrolate', route: 'IV' },
        source: 'default',
      },
    ],
  },
  {
    id: 'intolerance',
    label: 'Intolerance',
    labelNl: 'Intolerantie',
    snomedCt: null,
    suggestions: [
      {
        text: 'Pause or stop the infusion',
        textNl: 'Pauzeer of stop de infusie',
        source: 'protocol',
      },
      { ...callAnesthesiologist, source: 'protocol' },
    ],
  },
  {
    id: 'other',
    label: 'Other (describe)',
    labelNl: 'Andere (beschrijf)',
    snomedCt: null,
    suggestions: [
      {
        text: 'Pause or stop the infusion',
        textNl: 'Pauzeer of stop de infusie',
        source: 'protocol',
      },
      { ...callAnesthesiologist, source: 'protocol' },
    ],
  },
] as const satisfies readonly SideEffectDefinition[]);

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** [default] severity scale, modelled on CTCAE grades 1-3 so registry counts are comparable. */
export const SEVERITY_SCALE: readonly {
  readonly id: Severity;
  readonly label: string;
  readonly labelNl: string;
  readonly description: string;
}[] = Object.freeze([
  {
    id: 'mild',
    label: 'Mild',
    labelNl: 'Licht',
    description: 'Noticed, no treatment needed, infusion continues unchanged',
  },
  {
    id: 'moderate',
    label: 'Moderate',
    labelNl: 'Matig',
    description: 'Needs a treatment, a pause or a rate change',
  },
  {
    id: 'severe',
    label: 'Severe',
    labelNl: 'Ernstig',
    description: 'Infusion stopped, or needs urgent medical care',
  },
]);
