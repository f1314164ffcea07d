/**
 * A structural check of an exported Bundle, for tests and for a last check before a file is
 * handed out. Not a full FHIR validator (no profiles, no terminology server): it checks what
 * this export can get wrong, per the FHIR R4 base specification (cardinality 1..1 elements of
 * the resource types used, required status values, codes), and that every `reference` in the
 * bundle resolves to an entry's fullUrl (a collection Bundle must be self-contained here).
 */

export type BundleProblem = { readonly path: string; readonly message: string };

type Json = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isArray = (v: unknown): v is readonly unknown[] => Array.isArray(v);
const nonEmptyString = (v: unknown) => typeof v === 'string' && v.trim() !== '';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Value sets of the status-like codes (FHIR R4). */
const STATUS: { readonly [type: string]: readonly string[] } = {
  Observation: [
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  Encounter: [
    'planned',
    'arrived',
    'triaged',
    'in-progress',
    'onleave',
    'finished',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  EpisodeOfCare: [
    'planned',
    'waitlist',
    'active',
    'onhold',
    'finished',
    'cancelled',
    'entered-in-error',
  ],
  MedicationAdministration: [
    'in-progress',
    'not-done',
    'on-hold',
    'completed',
    'entered-in-error',
    'stopped',
    'unknown',
  ],
};

/** Required elements per resource type (R4 cardinality 1..1 / 1..*), as [path, check]. */
const REQUIRED: { readonly [type: string]: readonly (readonly [string, (r: Json) => boolean])[] } =
  {
    Patient: [['identifier', (r) => isArray(r.identifier) && r.identifier.length > 0]],
    EpisodeOfCare: [['patient', (r) => isObject(r.patient)]],
    Encounter: [
      [
        'class',
        (r) => isObject(r.class) && nonEmptyString(r.class.code) && nonEmptyString(r.class.system),
      ],
      ['subject', (r) => isObject(r.subject)],
    ],
    Observation: [
      ['code', (r) => isConcept(r.code)],
      ['subject', (r) => isObject(r.subject)],
      [
        'value[x]',
        (r) =>
          Object.keys(r).some((k) => k.startsWith('value')) ||
          isArray(r.component) ||
          isArray(r.hasMember) ||
          isObject(r.dataAbsentReason),
      ],
    ],
    MedicationAdministration: [
      [
        'medication[x]',
        (r) => isConcept(r.medicationCodeableConcept) || isObject(r.medicationReference),
      ],
      ['subject', (r) => isObject(r.subject)],
      ['effective[x]', (r) => nonEmptyString(r.effectiveDateTime) || isObject(r.effectivePeriod)],
    ],
    AdverseEvent: [
      ['actuality', (r) => r.actuality === 'actual' || r.actuality === 'potential'],
      ['subject', (r) => isObject(r.subject)],
    ],
    Provenance: [
      ['target', (r) => isArray(r.target) && r.target.length > 0],
      ['recorded', (r) => typeof r.recorded === 'string' && INSTANT.test(r.recorded)],
      [
        'agent',
        (r) =>
          isArray(r.agent) &&
          r.agent.length > 0 &&
          r.agent.every((a) => isObject(a) && isObject(a.who)),
      ],
    ],
  };

/** A CodeableConcept with text or at least one coding that has system and code. */
function isConcept(v: unknown): boolean {
  if (!isObject(v)) return false;
  const codings = isArray(v.coding) ? v.coding : [];
  return (
    nonEmptyString(v.text) ||
    (codings.length > 0 &&
      codings.every((c) => isObject(c) && nonEmptyString(c.system) && nonEmptyString(c.code)))
  );
}

/** Walks every nested object: references, codings and quantities are checked wherever they are. */
function walk(value: unknown, path: string, visit: (o: Json, path: string) => void): void {
  if (isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (isObject(value)) {
    visit(value, path);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
  }
}

/** Problems found in `bundle` (empty = structurally fine). See the file header. */
export function validateBundleStructure(bundle: unknown): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    return [{ path: 'Bundle', message: 'is not a Bundle' }];
  if (bundle.type !== 'collection') add('Bundle.type', 'must be collection');
  if (!isArray(bundle.entry)) return [...problems, { path: 'Bundle.entry', message: 'is missing' }];

  const fullUrls = new Set<string>();
  bundle.entry.forEach((e, i) => {
    const fullUrl = isObject(e) ? e.fullUrl : undefined;
    if (typeof fullUrl !== 'string' || !UUID_URN.test(fullUrl))
      add(`entry[${i}].fullUrl`, 'must be urn:uuid:<uuid>');
    else if (fullUrls.has(fullUrl)) add(`entry[${i}].fullUrl`, `duplicate ${fullUrl}`);
    else fullUrls.add(fullUrl);
  });

  bundle.entry.forEach((e, i) => {
    const r = isObject(e) ? e.resource : undefined;
    const at = `entry[${i}].resource`;
    if (!isObject(r) || typeof r.resourceType !== 'string') return add(at, 'has no resource');
    const type = r.resourceType;
    const rules = REQUIRED[type];
    if (rules === undefined)
      return add(`${at}.resourceType`, `${type} is not a type this export uses`);
    if (
      r.id !== undefined &&
      (typeof r.id !== 'string' ||
        !FHIR_ID.test(r.id) ||
        (isObject(e) && e.fullUrl !== `urn:uuid:${r.id}`))
    ) {
      add(`${at}.id`, 'must be a FHIR id matching the fullUrl');
    }
    const statuses = STATUS[type];
    if (statuses !== undefined && !statuses.includes(r.status as string))
      add(`${at}.status`, `is required (${statuses.join(' | ')})`);
    for (const [field, check] of rules)
      if (!check(r)) add(`${at}.${field}`, `is required for ${type}`);
    walk(r, at, (o, path) => {
      if ('reference' in o && !(typeof o.reference === 'string' && fullUrls.has(o.reference))) {
        add(`${path}.reference`, `${String(o.reference)} does not resolve inside the bundle`);
      }
      if ('code' in o && 'system' in o && !(nonEmptyString(o.code) && nonEmptyString(o.system)))
        add(path, 'a coding needs system and code');
      if (isArray(o.coding)) {
        o.coding.forEach((c, j) => {
          if (!isObject(c) || !nonEmptyString(c.system) || !nonEmptyString(c.code))
            add(`${path}.coding[${j}]`, 'a coding needs system and code');
        });
      }
      if ('value' in o && 'unit' in o && !(typeof o.value === 'number' && Number.isFinite(o.value)))
        add(`${path}.value`, 'must be a finite number');
    });
  });
  return problems;
}
