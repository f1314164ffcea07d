/**
 * Validation of a center settings change made by an administrator (protocol.md: every
 * [default] value "an administrator can change"). Pure: the raw entries come in (text as
 * typed, decimal comma allowed, or numbers) with the settings in force; out come either the
 * new settings or every problem, each naming its field with a message the administrator can
 * act on. Nothing is rounded, clamped or coerced: a value outside its range is refused.
 */
import type { ProtocolDefinition } from './protocols/types.ts';
import { fail, ok, type DomainError, type Result } from './result.ts';
import { fieldsOf, settingValue, type SettingField } from './settings-fields.ts';
import type { CenterSettings } from './settings.ts';
import { parseQuantity } from './units.ts';

/** Raw entries by field path (`thresholds.systolicAboveMmHg`): text as typed, or numbers. */
export type SettingsInput = Readonly<Record<string, unknown>>;

/** All problems at once, so a long form shows every refused field, not one at a time. */
export type SettingsValidation =
  | { readonly ok: true; readonly value: CenterSettings }
  | { readonly ok: false; readonly errors: readonly DomainError[] };

const range = (f: SettingField) => `${f.min}–${f.max} ${f.unit}`;
const rangeNl = (f: SettingField) => `${f.min}–${f.max} ${f.unitNl}`;

/** One field: a number (parseQuantity), whole if required, inside the field's range. */
export function validateSettingValue(field: SettingField, raw: unknown): Result<number> {
  const parsed = parseQuantity(raw, {
    field: field.path,
    label: field.label,
    labelNl: field.labelNl,
    unit: field.unit,
    unitNl: field.unitNl,
    integer: field.integer,
    allowZero: field.min <= 0,
  });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v < field.min || v > field.max) {
    const code = v < field.min ? 'below-hard-limit' : 'above-hard-limit';
    const side = v < field.min ? 'below' : 'above';
    const sideNl = v < field.min ? 'onder' : 'boven';
    return fail(
      code,
      field.path,
      `${field.label}: ${v} ${field.unit} is ${side} the allowed ${range(field)}. Enter a value from ${field.min} to ${field.max} ${field.unit}.`,
      `${field.labelNl}: ${v} ${field.unitNl} ligt ${sideNl} het toegelaten bereik ${rangeNl(field)}. Vul een waarde in van ${field.min} tot ${field.max} ${field.unitNl}.`,
    );
  }
  return ok(v);
}

/** `settings` with the numbers at `values` (paths) replaced; nested groups copied, not edited. */
export function withSettingValues(
  settings: CenterSettings,
  values: ReadonlyMap<string, number>,
): CenterSettings {
  const next: Record<string, unknown> = { ...settings };
  for (const [path, value] of values) {
    const [head, leaf] = path.split('.');
    if (head === undefined) continue;
    if (leaf === undefined) next[head] = value;
    else next[head] = { ...(next[head] as Record<string, unknown>), [leaf]: value };
  }
  return next as CenterSettings;
}

type Check = (s: CenterSettings) => DomainError | null;
const problem = (
  code: DomainError['code'],
  field: string,
  message: string,
  messageNl: string,
): DomainError => ({ code, field, message, messageNl });

/** Orderings without which a setting would be meaningless or would block every session. */
function crossChecks(protocols: readonly ProtocolDefinition[]): Check[] {
  return [
    ({ thresholds: t }) =>
      t.spo2UrgentAtOrBelowPercent > t.spo2WarningAtOrBelowPercent
        ? problem(
            'implausible',
            'thresholds.spo2UrgentAtOrBelowPercent',
            `The SpO2 urgent level (${t.spo2UrgentAtOrBelowPercent} %) is above the warning level (${t.spo2WarningAtOrBelowPercent} %); the urgent level must be the same or lower.`,
            `Het dringende SpO2-niveau (${t.spo2UrgentAtOrBelowPercent} %) ligt boven het waarschuwingsniveau (${t.spo2WarningAtOrBelowPercent} %); het dringende niveau moet gelijk of lager zijn.`,
          )
        : null,
    ({ limits: l }) =>
      l.weightHardMinKg > l.weightSoftMinKg
        ? problem(
            'implausible',
            'limits.weightSoftMinKg',
            `The soft minimum weight (${l.weightSoftMinKg} kg) is below the hard minimum (${l.weightHardMinKg} kg); the soft limit must lie inside the hard limits.`,
            `De zachte ondergrens voor het gewicht (${l.weightSoftMinKg} kg) ligt onder de harde ondergrens (${l.weightHardMinKg} kg); de zachte grens moet binnen de harde grenzen liggen.`,
          )
        : null,
    ({ limits: l }) =>
      l.weightSoftMaxKg > l.weightHardMaxKg
        ? problem(
            'implausible',
            'limits.weightSoftMaxKg',
            `The soft maximum weight (${l.weightSoftMaxKg} kg) is above the hard maximum (${l.weightHardMaxKg} kg); the soft limit must lie inside the hard limits.`,
            `De zachte bovengrens voor het gewicht (${l.weightSoftMaxKg} kg) ligt boven de harde bovengrens (${l.weightHardMaxKg} kg); de zachte grens moet binnen de harde grenzen liggen.`,
          )
        : null,
    (s) =>
      s.nextSessionWarnBelowDays > s.nextSessionProposedDays
        ? problem(
            'implausible',
            'nextSessionWarnBelowDays',
            `The warning (below ${s.nextSessionWarnBelowDays} days) is longer than the proposed interval (${s.nextSessionProposedDays} days): every proposed appointment would warn. Lower the warning or raise the interval.`,
            `De waarschuwing (onder ${s.nextSessionWarnBelowDays} dagen) is langer dan het voorgestelde interval (${s.nextSessionProposedDays} dagen): elke voorgestelde afspraak zou een waarschuwing geven. Verlaag de waarschuwing of verhoog het interval.`,
          )
        : null,
    ({ limits: l }) => {
      const over = protocols.find(
        (p) =>
          p.ketamine.sessionDoses !== null &&
          p.ketamine.sessionDoses.fullDoseMg > l.ketamineHardMaxMg,
      );
      return over?.ketamine.sessionDoses
        ? problem(
            'below-hard-limit',
            'limits.ketamineHardMaxMg',
            `The ketamine hard maximum (${l.ketamineHardMaxMg} mg) is below the full dose of ${over.title} (${over.ketamine.sessionDoses.fullDoseMg} mg): every full-dose session would be blocked.`,
            `De harde maximumdosis ketamine (${l.ketamineHardMaxMg} mg) ligt onder de volle dosis van ${over.title} (${over.ketamine.sessionDoses.fullDoseMg} mg): elke sessie met volle dosis zou geblokkeerd worden.`,
          )
        : null;
    },
    ({ limits: l }) => {
      const over = protocols.find((p) => p.propofol.rateMgPerKgPerH > l.propofolHardMaxMgPerKgPerH);
      return over
        ? problem(
            'below-hard-limit',
            'limits.propofolHardMaxMgPerKgPerH',
            `The propofol hard maximum (${l.propofolHardMaxMgPerKgPerH} mg/kg/h) is below the protocol rate of ${over.title} (${over.propofol.rateMgPerKgPerH} mg/kg/h).`,
            `De harde maximumsnelheid propofol (${l.propofolHardMaxMgPerKgPerH} mg/kg/h) ligt onder de protocolsnelheid van ${over.title} (${over.propofol.rateMgPerKgPerH} mg/kg/h).`,
          )
        : null;
    },
  ];
}

/**
 * Validates an administrator's entries for every administrable field present in `base` (the
 * settings in force; fields it lacks are skipped), each inside its range (settings-fields.ts),
 * then the orderings between fields and against `protocols` (the protocols in use: a hard
 * limit below a protocol's own dose would block every session). Returns the new settings with
 * `base`'s version (the caller numbers the new version) or every problem found.
 */
export function validateCenterSettings(
  input: unknown,
  base: CenterSettings,
  protocols: readonly ProtocolDefinition[],
): SettingsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        problem(
          'required',
          'settings',
          'No settings were entered; fill in every field.',
          'Er werden geen instellingen ingevoerd; vul elk veld in.',
        ),
      ],
    };
  }
  const entries = input as SettingsInput;
  const values = new Map<string, number>();
  const errors: DomainError[] = [];
  for (const field of fieldsOf(base)) {
    const r = validateSettingValue(field, entries[field.path]);
    if (r.ok) values.set(field.path, r.value);
    else errors.push(r.error);
  }
  if (errors.length > 0) return { ok: false, errors };
  const next = withSettingValues(base, values);
  for (const check of crossChecks(protocols)) {
    const found = check(next);
    if (found) errors.push(found);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: next };
}

/** The form's starting text for every field of `settings`, by path. */
export function settingsToInput(settings: CenterSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fieldsOf(settings))
    out[field.path] = String(settingValue(settings, field.path));
  return out;
}

/**
 * Reason for a change (stored as the new version's `supersedes.reason`, 3-500 characters after
 * trimming, as the record schema requires): who reads the history must learn why.
 */
export function validateChangeReason(reason: unknown): Result<string> {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length < 3)
    return fail(
      'required',
      'reason',
      'Give the reason for this change (at least 3 characters).',
      'Geef de reden voor deze wijziging (minstens 3 tekens).',
    );
  if (text.length > 500)
    return fail(
      'implausible',
      'reason',
      `The reason is ${text.length} characters; keep it to 500.`,
      `De reden telt ${text.length} tekens; beperk ze tot 500.`,
    );
  return ok(text);
}
