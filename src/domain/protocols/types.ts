import type { Hours, Mg, MgPerKgPerH, MgPerMl } from '../units.ts';

export type Substance = 'ketamine-racemic' | 's-ketamine' | 'propofol';

/** A product on the shelf. Concentrations are picked from this list, never typed free. */
export type DrugProduct = {
  readonly id: string;
  readonly substance: Substance;
  /** Brand or product name as printed on the vial, e.g. "Ketalar 50 mg/mL". */
  readonly name: string;
  readonly concentrationMgPerMl: MgPerMl;
};

export type SessionDoses = {
  /** Session 1: test dose for tolerance, not efficacy. */
  readonly testDoseMg: Mg;
  /** Session 2 onward, only if session 1 was well tolerated. */
  readonly fullDoseMg: Mg;
};

/**
 * A protocol is versioned data. A published version is frozen and never edited: a change is a
 * new version. `sessionDoses` is null for a definition whose doses the center must enter
 * itself (S-ketamine: the paper gives none) and such a protocol cannot be used until it is.
 */
export type ProtocolDefinition = {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** Where every value comes from. */
  readonly source: string;
  readonly ketamine: {
    readonly substance: 'ketamine-racemic' | 's-ketamine';
    readonly products: readonly DrugProduct[];
    readonly sessionDoses: SessionDoses | null;
    readonly infusionDurationH: Hours;
  };
  readonly propofol: {
    readonly products: readonly DrugProduct[];
    readonly rateMgPerKgPerH: MgPerKgPerH;
  };
  /** Months between liver blood tests [protocol]. */
  readonly liverTestIntervalMonths: number;
};

/** Key by which records refer to the exact protocol version they ran under. */
export const protocolKey = (p: Pick<ProtocolDefinition, 'id' | 'version'>) =>
  `${p.id}@${p.version}`;
