/**
 * Record builders for tests, fixtures, seeding and benchmarks (UI, server and stats tests use
 * them too). Each call returns a valid record (validated with parseClinicalRecord unless
 * `validate: false`) with a deterministic UUIDv7 id and a clinical time that advances by
 * `stepMs` per record, so the same calls always give the same records.
 *
 *   const f = createRecordFactory();
 *   const patient = f.patient({ centerPatientNumber: 'KIT-001' });
 *   const course = f.course(patient);
 *   const { session, records } = f.completedSession(course, { sessionNumber: 1 });
 */
import { expectOk } from '../result.ts';
import { createRecordIdGenerator, seededRandomBytes } from '../ids.ts';
import { RACEMIC_KETAMINE_V1 } from '../protocols/racemic-ketamine-v1.ts';
import { protocolKey, type ProtocolDefinition } from '../protocols/types.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from '../settings.ts';
import type { RecordBase } from './base.ts';
import { parseClinicalRecord } from './parse.ts';
import {
  RECORD_KIND_INFO,
  type ClinicalRecord,
  type PayloadOf,
  type RecordKind,
  type RecordOfKind,
} from './registry.ts';
import { CONTRAINDICATIONS, type Contraindication } from './patient.ts';
import { PRE_INFUSION_CHECKLIST, type ChecklistItem } from './session.ts';

export type RecordFactoryOptions = {
  /** Clinical time of the first record, ISO instant. */
  readonly startAt?: string;
  /** Clinical time added per record, in ms (default 1 min). */
  readonly stepMs?: number;
  readonly seed?: number;
  readonly deviceId?: string;
  readonly authorStaffId?: string;
  readonly settings?: CenterSettings;
  readonly protocol?: ProtocolDefinition;
  /** Validate every built record (default true; false for very large benchmark fixtures). */
  readonly validate?: boolean;
};

export type BaseOverrides = Partial<Omit<RecordBase, 'schemaVersion'>>;
type Owner = { readonly patientId: string | null; readonly sessionId: string | null };
type Patch<K extends RecordKind> = Partial<PayloadOf<K>>;

export type SessionOptions = {
  readonly sessionNumber?: number;
  readonly weightKg?: number;
  readonly doseMg?: number;
  /** Discharge tolerance; null = no discharge record (e.g. an abandoned session). */
  readonly tolerated?: boolean | null;
  /** false: the session stops before the infusion starts. */
  readonly started?: boolean;
};

/** A deterministic record factory; see the file header. */
export function createRecordFactory(options: RecordFactoryOptions = {}) {
  const stepMs = options.stepMs ?? 60_000;
  const settings = options.settings ?? DEFAULT_CENTER_SETTINGS;
  const protocol = options.protocol ?? RACEMIC_KETAMINE_V1;
  const nextId = createRecordIdGenerator(seededRandomBytes(options.seed ?? 1));
  let ms = Date.parse(options.startAt ?? '2026-01-05T08:00:00.000Z');

  function make<K extends RecordKind>(
    kind: K,
    owner: Owner,
    payload: PayloadOf<K>,
    base: BaseOverrides = {},
  ): RecordOfKind<K> {
    const t = ms;
    ms += stepMs;
    const at = new Date(t).toISOString();
    const id = base.id ?? nextId(t);
    const record = {
      id,
      schemaVersion: RECORD_KIND_INFO[kind].schemaVersion,
      kind,
      patientId: owner.patientId,
      sessionId: owner.sessionId,
      authorStaffId: options.authorStaffId ?? 'nurse-1',
      deviceId: options.deviceId ?? 'tablet-1',
      clinicalTime: at,
      deviceTime: at,
      protocolKey: protocolKey(protocol),
      settingsVersion: settings.version,
      supersedes: null,
      ...base,
      payload,
    };
    return options.validate === false
      ? (record as unknown as RecordOfKind<K>)
      : (expectOk(parseClinicalRecord(record)) as RecordOfKind<K>);
  }
  const ownedBy = (r: Owner): Owner => ({ patientId: r.patientId, sessionId: r.sessionId });
  const patientOf = (r: Owner): Owner => ({ patientId: r.patientId, sessionId: null });

  const f = {
    /** Moves the factory's clock to an ISO instant (the next record gets this time). */
    at(iso: string) {
      ms = Date.parse(iso);
      return f;
    },
    patient(p: Patch<'patient'> = {}, base: BaseOverrides = {}) {
      const id = base.id ?? nextId(ms);
      return make(
        'patient',
        { patientId: id, sessionId: null },
        {
          centerPatientNumber: 'KIT-0001',
          sex: 'female',
          birthYear: 1970,
          painTypeOpinions: {
            physician1: { staffId: 'dr-a', painType: 'neuropathic' },
            physician2: { staffId: 'dr-b', painType: 'neuropathic' },
          },
          baselineNrs: 7,
          baselineNrsRecordedAt: new Date(ms).toISOString(),
          isSynthetic: true,
          ...p,
        },
        { ...base, id },
      );
    },
    eligibility(patient: Owner, p: Patch<'eligibility-screening'> = {}, base: BaseOverrides = {}) {
      const contraindications = Object.fromEntries(
        CONTRAINDICATIONS.map((c) => [c, false]),
      ) as Record<Contraindication, boolean>;
      return make(
        'eligibility-screening',
        patientOf(patient),
        {
          adult: true,
          nonOncologic: true,
          psychologistCleared: true,
          firstSecondLineFailed: true,
          contraindications,
          ...p,
        },
        base,
      );
    },
    course(patient: Owner, p: Patch<'course'> = {}, base: BaseOverrides = {}) {
      return make(
        'course',
        patientOf(patient),
        { startedOn: new Date(ms).toISOString().slice(0, 10), startedHere: true, ...p },
        base,
      );
    },
    courseStatus(
      course: RecordOfKind<'course'>,
      p: Patch<'course-status'> = {},
      base: BaseOverrides = {},
    ) {
      return make(
        'course-status',
        patientOf(course),
        { courseId: course.id, status: 'active', ...p },
        base,
      );
    },
    session(course: RecordOfKind<'course'>, p: Patch<'session'> = {}, base: BaseOverrides = {}) {
      const id = base.id ?? nextId(ms);
      const payload = {
        courseId: course.id,
        sessionNumber: 1,
        settingsSnapshot: settings,
        protocolSnapshot: protocol,
        ...p,
      };
      return make('session', { patientId: course.patientId, sessionId: id }, payload, {
        protocolKey: protocolKey(payload.protocolSnapshot),
        settingsVersion: payload.settingsSnapshot.version,
        ...base,
        id,
      });
    },
    weight(session: Owner, p: Patch<'weight'> = {}, base: BaseOverrides = {}) {
      return make(
        'weight',
        ownedBy(session),
        { weightKg: 70, measuredAt: new Date(ms).toISOString(), ...p },
        base,
      );
    },
    baselineVitals(session: Owner, p: Patch<'baseline-vitals'> = {}, base: BaseOverrides = {}) {
      return make(
        'baseline-vitals',
        ownedBy(session),
        {
          systolicMmHg: 130,
          diastolicMmHg: 80,
          heartRatePerMin: 72,
          spo2Percent: 98,
          respiratoryRatePerMin: 14,
          ...p,
        },
        base,
      );
    },
    checklistItem(session: Owner, item: ChecklistItem, checked = true, base: BaseOverrides = {}) {
      return make('checklist-item', ownedBy(session), { item, checked }, base);
    },
    /** Every pre-infusion checklist item, ticked. */
    preChecks(session: Owner) {
      return PRE_INFUSION_CHECKLIST.map((item) => f.checklistItem(session, item, true));
    },
    /**
     * A dose plan computed the way dosing.ts does (protocol.md worked examples): dose / 4 h,
     * stock at the first product's concentration, diluted to the settings' final volume,
     * propofol at the protocol rate of the first propofol product; pump entry to 0.1 mL/h.
     */
    dosePlan(
      session: RecordOfKind<'session'>,
      weight: RecordOfKind<'weight'>,
      p: Patch<'dose-plan'> = {},
      base: BaseOverrides = {},
    ) {
      const proto = session.payload.protocolSnapshot;
      const doses = proto.ketamine.sessionDoses;
      const n = session.payload.sessionNumber;
      const expected = doses === null ? 1 : n === 1 ? doses.testDoseMg : doses.fullDoseMg;
      const dose = p.ketamineDoseMg ?? expected;
      const h = proto.ketamine.infusionDurationH;
      const w = weight.payload.weightKg;
      const ket = proto.ketamine.products[0];
      const prop = proto.propofol.products[0];
      const finalMl = session.payload.settingsSnapshot.ketaminePreparationFinalVolumeMl;
      const ketConc = ket?.concentrationMgPerMl ?? 50;
      const propConc = prop?.concentrationMgPerMl ?? 10;
      const propRate = proto.propofol.rateMgPerKgPerH;
      const ketPump = finalMl / h;
      const propMgPerH = propRate * w;
      const propPump = propMgPerH / propConc;
      const tenth = (x: number) => Math.round(x * 10) / 10;
      const deviation = dose !== expected;
      return make(
        'dose-plan',
        ownedBy(session),
        {
          sessionNumber: n,
          expectedDoseMg: expected,
          ketamineDoseMg: dose,
          ketamineRateMgPerH: dose / h,
          ketamineRateMgPerKgPerH: dose / h / w,
          ketamineStockVolumeMl: dose / ketConc,
          ketaminePreparedConcentrationMgPerMl: dose / finalMl,
          ketaminePumpRateMlPerH: ketPump,
          preparationFinalVolumeMl: finalMl,
          ketamineProductId: ket?.id ?? 'ketalar-50',
          ketamineProductConcentrationMgPerMl: ketConc,
          propofolProductId: prop?.id ?? 'propolipid-1',
          propofolConcentrationMgPerMl: propConc,
          propofolRateMgPerKgPerH: propRate,
          propofolRateMgPerH: propMgPerH,
          propofolPumpRateMlPerH: propPump,
          propofolTotalMg: propMgPerH * h,
          propofolTotalMl: (propMgPerH * h) / propConc,
          infusionDurationH: h,
          weightKg: w,
          weightRecordId: weight.id,
          pumpEntry: { ketamineMlPerH: tenth(ketPump), propofolMlPerH: tenth(propPump) },
          findings: deviation
            ? [
                {
                  severity: 'deviation',
                  code: 'ketamine-dose-deviation',
                  message: `Ketamine ${dose} mg is not the protocol dose.`,
                },
              ]
            : [],
          overrides: [],
          deviation: deviation
            ? {
                isDeviation: true,
                reasons: [
                  {
                    findingCode: 'ketamine-dose-deviation',
                    byStaffId: 'dr-anesth',
                    reason: 'Decided by the anesthesiologist.',
                  },
                ],
              }
            : { isDeviation: false, reasons: [] },
          ...p,
        },
        base,
      );
    },
    /** A matching independent double check by a second nurse. */
    doubleCheck(
      plan: RecordOfKind<'dose-plan'>,
      p: Patch<'double-check'> = {},
      base: BaseOverrides = {},
    ) {
      return make(
        'double-check',
        ownedBy(plan),
        {
          dosePlanId: plan.id,
          checkerStaffId: 'nurse-2',
          enteredKetamineMlPerH: plan.payload.pumpEntry.ketamineMlPerH,
          enteredPropofolMlPerH: plan.payload.pumpEntry.propofolMlPerH,
          enteredKetamineProductId: plan.payload.ketamineProductId,
          enteredPropofolProductId: plan.payload.propofolProductId,
          matches: true,
          mismatches: [],
          ...p,
        },
        { authorStaffId: 'nurse-2', ...base },
      );
    },
    signOff(plan: RecordOfKind<'dose-plan'>, p: Patch<'sign-off'> = {}, base: BaseOverrides = {}) {
      return make(
        'sign-off',
        ownedBy(plan),
        {
          covers: { kind: 'dose-plan', recordId: plan.id },
          role: 'anesthesiologist',
          signedByStaffId: 'dr-anesth',
          statement: 'I checked this dose plan and agree with it.',
          ...p,
        },
        { authorStaffId: 'dr-anesth', ...base },
      );
    },
    infusionEvent(
      session: Owner,
      event: PayloadOf<'infusion-event'>['event'],
      p: Patch<'infusion-event'> = {},
      base: BaseOverrides = {},
    ) {
      const rates = event === 'start' ? { ketamineRateMlPerH: 12.5, propofolRateMlPerH: 7 } : {};
      return make('infusion-event', ownedBy(session), { event, ...rates, ...p }, base);
    },
    observation(session: Owner, p: Patch<'observation'> = {}, base: BaseOverrides = {}) {
      return make(
        'observation',
        ownedBy(session),
        {
          systolicMmHg: 135,
          diastolicMmHg: 82,
          heartRatePerMin: 76,
          spo2Percent: 97,
          respiratoryRatePerMin: 14,
          rass: 0,
          phase: 'infusion',
          findings: [],
          ...p,
        },
        base,
      );
    },
    sideEffect(session: Owner, p: Patch<'side-effect'> = {}, base: BaseOverrides = {}) {
      return make(
        'side-effect',
        ownedBy(session),
        {
          effect: 'nausea',
          severity: 'mild',
          responseTaken: 'Ondansetron 4 mg IV',
          decidedByStaffId: 'dr-anesth',
          infusionAction: 'continued',
          ...p,
        },
        base,
      );
    },
    drugGiven(session: Owner, p: Patch<'drug-given'> = {}, base: BaseOverrides = {}) {
      return make(
        'drug-given',
        ownedBy(session),
        {
          drug: 'ondansetron',
          drugName: 'Ondansetron 4 mg/2 mL',
          doseMg: 4,
          route: 'IV',
          orderedByStaffId: 'dr-anesth',
          givenByStaffId: 'nurse-1',
          ...p,
        },
        base,
      );
    },
    discharge(session: Owner, p: Patch<'discharge'> = {}, base: BaseOverrides = {}) {
      return make(
        'discharge',
        ownedBy(session),
        {
          aldreteScore: 10,
          aldreteItems: {
            activity: 2,
            respiration: 2,
            circulation: 2,
            consciousness: 2,
            oxygenSaturation: 2,
          },
          vitalsWithinBaseline: true,
          escortPresent: true,
          noDrivingAdviceGiven: true,
          tolerated: true,
          totalsDelivered: { ketamineMg: 75, ketamineMl: 50, propofolMg: 280, propofolMl: 28 },
          dischargedAt: new Date(ms).toISOString(),
          ...p,
        },
        base,
      );
    },
    outcomeAnswer(owner: Owner, p: Patch<'outcome-answer'> = {}, base: BaseOverrides = {}) {
      return make(
        'outcome-answer',
        ownedBy(owner),
        { painImprovementPercent: 50, decision: 'continue', ...p },
        base,
      );
    },
    liverTest(patient: Owner, p: Patch<'liver-test'> = {}, base: BaseOverrides = {}) {
      return make(
        'liver-test',
        patientOf(patient),
        {
          sampledOn: new Date(ms).toISOString().slice(0, 10),
          altUPerL: 25,
          altUlnUPerL: 45,
          astUPerL: 22,
          astUlnUPerL: 35,
          ggtUPerL: 30,
          ggtUlnUPerL: 55,
          alpUPerL: 80,
          alpUlnUPerL: 120,
          ...p,
        },
        base,
      );
    },
    enteredInError(
      target: RecordBase,
      reason = 'Entered for the wrong patient.',
      base: BaseOverrides = {},
    ) {
      return make('entered-in-error', ownedBy(target), { targetRecordId: target.id, reason }, base);
    },
    /** A correction: same kind and owner, the payload patched, superseding `target`. */
    correction<K extends RecordKind>(
      target: RecordOfKind<K>,
      p: Patch<K>,
      reason = 'Corrected a typing error.',
      base: BaseOverrides = {},
    ): RecordOfKind<K> {
      return make(
        target.kind,
        ownedBy(target),
        { ...target.payload, ...p } as unknown as PayloadOf<K>,
        {
          protocolKey: target.protocolKey,
          settingsVersion: target.settingsVersion,
          supersedes: { recordId: target.id, reason },
          ...base,
        },
      );
    },
    settingsVersion(
      s: CenterSettings = settings,
      protocols?: readonly ProtocolDefinition[],
      base: BaseOverrides = {},
    ) {
      return make(
        'settings-version',
        { patientId: null, sessionId: null },
        { settings: s, ...(protocols ? { protocols: [...protocols] } : {}) },
        { authorStaffId: 'admin-1', ...base },
      );
    },
    staffMember(p: Patch<'staff-member'> = {}, base: BaseOverrides = {}) {
      return make(
        'staff-member',
        { patientId: null, sessionId: null },
        { staffId: 'nurse-1', displayName: 'Nurse One', role: 'nurse', active: true, ...p },
        { authorStaffId: 'admin-1', ...base },
      );
    },
    /**
     * A whole session as the bedside would record it: pre-checks, weight, baseline, plan,
     * double check, sign-off, start, two observations, stop, discharge checks and discharge.
     */
    completedSession(course: RecordOfKind<'course'>, o: SessionOptions = {}) {
      const session = f.session(course, { sessionNumber: o.sessionNumber ?? 1 });
      const weight = f.weight(session, { weightKg: o.weightKg ?? 70 });
      const records: ClinicalRecord[] = [
        session,
        ...f.preChecks(session),
        weight,
        f.baselineVitals(session),
      ];
      const plan = f.dosePlan(
        session,
        weight,
        o.doseMg === undefined ? {} : { ketamineDoseMg: o.doseMg },
      );
      records.push(plan, f.doubleCheck(plan), f.signOff(plan));
      if (o.started !== false) {
        records.push(
          f.infusionEvent(session, 'start'),
          f.observation(session),
          f.observation(session),
        );
        f.at(new Date(ms + 4 * 3_600_000).toISOString());
        records.push(
          f.infusionEvent(session, 'stop'),
          f.observation(session, { phase: 'recovery' }),
        );
        records.push(
          f.checklistItem(session, 'no-driving-advice'),
          f.checklistItem(session, 'escort-present'),
        );
        if (o.tolerated !== null) {
          const dose = plan.payload.ketamineDoseMg;
          records.push(
            f.discharge(session, {
              tolerated: o.tolerated ?? true,
              totalsDelivered: {
                ketamineMg: dose,
                ketamineMl: plan.payload.preparationFinalVolumeMl,
                propofolMg: plan.payload.propofolTotalMg,
                propofolMl: plan.payload.propofolTotalMl,
              },
            }),
          );
        }
      }
      return { session, plan, records };
    },
  };
  return f;
}

export type RecordFactory = ReturnType<typeof createRecordFactory>;
