/**
 * From the side-effect form to the records it writes. The rules are the domain's
 * (validateSideEffectCapture: severity, response, who decided, infusion action, drug dose in
 * mg; parseBackDatedTime: time); this file only maps form text to their inputs and their
 * results to the `side-effect` and `drug-given` payloads (records/infusion.ts).
 */
import { parseBackDatedTime } from '../../domain/back-dated-time.ts';
import {
  catalogDrugName,
  EXTRA_DRUG_GENERIC_NAME,
  type ExtraDrug,
} from '../../domain/extra-drugs.ts';
import { EXTRA_DRUGS, ROUTES, type PayloadOf } from '../../domain/records.ts';
import { validateSideEffectCapture, type SideEffectCapture } from '../../domain/side-effects.ts';

export type CaptureForm = {
  effect: string;
  severity: string;
  response: string;
  /** Catalog text of the suggestion tapped (stored as `suggestionFollowed`), '' if none. */
  suggestion: string;
  otherText: string;
  time: string;
  decidedBy: string;
  action: string;
  drugGiven: string;
  drug: string;
  drugName: string;
  dose: string;
  route: string;
  orderedBy: string;
  givenBy: string;
};

export const emptyCapture = (actorId: string): CaptureForm => ({
  effect: '',
  severity: '',
  response: '',
  suggestion: '',
  otherText: '',
  time: '',
  decidedBy: '',
  action: '',
  drugGiven: '',
  drug: '',
  drugName: '',
  dose: '',
  route: 'IV',
  orderedBy: '',
  givenBy: actorId,
});

export type CaptureErrors = Partial<Record<keyof CaptureForm, string>>;

/** Messages for the checks made here (the domain's own messages come with its errors). */
export type CaptureMessages = {
  readonly drugGivenRequired: string;
  readonly drugRequired: string;
  readonly drugNameRequired: string;
  readonly orderedByRequired: string;
  readonly routeRequired: string;
  readonly timeLabel: string;
};

export type CheckedCapture = {
  readonly capture: SideEffectCapture;
  readonly sideEffect: Omit<PayloadOf<'side-effect'>, 'drugGivenRecordId'>;
  readonly drug: PayloadOf<'drug-given'> | null;
};

// Domain field names -> form fields, so each message shows next to its field.
const FIELD: { readonly [domainField: string]: keyof CaptureForm } = {
  sideEffectId: 'effect',
  clinicalTime: 'time',
  severity: 'severity',
  responseTaken: 'response',
  decidedByStaffId: 'decidedBy',
  infusionAction: 'action',
  otherText: 'otherText',
  'drug.name': 'drugName',
  'drug.doseMg': 'dose',
  'drug.route': 'route',
  'drug.givenByStaffId': 'givenBy',
};

// The record says "rate-changed", the domain capture "changed": same meaning.
const toDomainAction = (a: string) => (a === 'rate-changed' ? 'changed' : a);
const toRecordAction = (a: SideEffectCapture['infusionAction']) =>
  a === 'changed' ? 'rate-changed' : a;

/**
 * Checks the form. Returns the records to write, or the errors per field (the domain's first
 * error plus the checks of this form: drug chosen, its name for "other", who ordered it).
 */
export function checkCapture(
  form: CaptureForm,
  ctx: { readonly sessionStart: string; readonly now: Date; readonly messages: CaptureMessages },
): { ok: true; value: CheckedCapture } | { ok: false; errors: CaptureErrors } {
  const m = ctx.messages;
  const errors: CaptureErrors = {};
  const time = parseBackDatedTime(form.time, {
    earliest: ctx.sessionStart,
    now: ctx.now,
    field: 'clinicalTime',
    label: m.timeLabel,
  });
  if (!time.ok) errors.time = time.error.message;
  if (form.drugGiven !== 'yes' && form.drugGiven !== 'no') errors.drugGiven = m.drugGivenRequired;
  const withDrug = form.drugGiven === 'yes';
  const drug = (EXTRA_DRUGS as readonly string[]).includes(form.drug)
    ? (form.drug as ExtraDrug)
    : null;
  const typedName = form.drugName.trim();
  // A route the record cannot hold (e.g. from an old draft) is refused, never dropped.
  const route = (ROUTES as readonly string[]).includes(form.route)
    ? (form.route as (typeof ROUTES)[number])
    : null;
  if (withDrug) {
    if (drug === null) errors.drug = m.drugRequired;
    if (route === null) errors.route = m.routeRequired;
    else if (drug === 'other' && typedName === '') errors.drugName = m.drugNameRequired;
    if (form.orderedBy === '') errors.orderedBy = m.orderedByRequired;
  }
  const checked = validateSideEffectCapture(
    {
      sideEffectId: form.effect,
      clinicalTime: time.ok ? time.value : ctx.now.toISOString(),
      severity: form.severity,
      responseTaken: form.response,
      decidedByStaffId: form.decidedBy,
      infusionAction: toDomainAction(form.action),
      otherText: form.otherText,
      drug:
        withDrug && drug !== null
          ? {
              name: catalogDrugName(drug, typedName),
              dose: form.dose,
              route: form.route,
              givenByStaffId: form.givenBy,
            }
          : null,
    },
    ctx.now,
  );
  if (!checked.ok) {
    const field = FIELD[checked.error.field] ?? 'response';
    errors[field] ??= checked.error.message;
  }
  if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const c = checked.value;
  const sideEffect: CheckedCapture['sideEffect'] = {
    effect: c.sideEffectId,
    ...(c.otherText ? { otherText: c.otherText } : {}),
    severity: c.severity,
    responseTaken: c.responseTaken,
    ...(form.suggestion ? { suggestionFollowed: form.suggestion } : {}),
    decidedByStaffId: c.decidedByStaffId,
    infusionAction: toRecordAction(c.infusionAction),
  };
  // withDrug implies c.drug, drug and route (checked above), so no drug is ever dropped.
  const drugPayload: PayloadOf<'drug-given'> | null =
    c.drug && drug !== null && route !== null
      ? {
          drug,
          drugName: typedName || EXTRA_DRUG_GENERIC_NAME[drug] || c.drug.name,
          doseMg: c.drug.doseMg,
          route,
          orderedByStaffId: form.orderedBy,
          givenByStaffId: c.drug.givenByStaffId,
        }
      : null;
  return { ok: true, value: { capture: c, sideEffect, drug: drugPayload } };
}
