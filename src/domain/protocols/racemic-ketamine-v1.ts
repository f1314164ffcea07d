/**
 * The source study's protocol, frozen. Never edit: publish a new version file instead.
 *
 * Source: Vallé ALG, Swinnen W, Bruyndonckx RBMC, Pauwels J, Callewaert ALM. Ketamine Infusion
 * Therapy in chronic pain. Acta Anaesth Belg 2024 (doi.org/10.56126/75.S1.22), "Therapy
 * protocol": session 1 75 mg racemic ketamine (Ketalar 50 mg/mL) IV over 4 h; if well
 * tolerated, 150 mg from session 2; about every four weeks; propofol 1 mg/kg/h (Propolipid 1 %)
 * for the whole infusion; six-monthly liver blood tests.
 * The 2 % propofol form (20 mg/mL) is listed so a pharmacy substitution is picked, not typed.
 */
import { hours, mg, mgPerKgPerH, mgPerMl } from '../units.ts';
import type { ProtocolDefinition } from './types.ts';

export const RACEMIC_KETAMINE_V1: ProtocolDefinition = Object.freeze({
  id: 'kit-racemic',
  version: '1.0.0',
  title: 'KIT racemic ketamine 75 mg then 150 mg over 4 h with propofol 1 mg/kg/h',
  source:
    'Vallé et al., Ketamine Infusion Therapy in chronic pain, AZ Sint-Blasius Dendermonde (doi.org/10.56126/75.S1.22), Therapy protocol',
  ketamine: Object.freeze({
    substance: 'ketamine-racemic',
    products: Object.freeze([
      Object.freeze({
        id: 'ketalar-50',
        substance: 'ketamine-racemic',
        name: 'Ketalar 50 mg/mL',
        concentrationMgPerMl: mgPerMl(50),
      }),
    ]),
    sessionDoses: Object.freeze({ testDoseMg: mg(75), fullDoseMg: mg(150) }),
    infusionDurationH: hours(4),
  }),
  propofol: Object.freeze({
    products: Object.freeze([
      Object.freeze({
        id: 'propolipid-1',
        substance: 'propofol',
        name: 'Propolipid 1 % (10 mg/mL)',
        concentrationMgPerMl: mgPerMl(10),
      }),
      Object.freeze({
        id: 'propolipid-2',
        substance: 'propofol',
        name: 'Propolipid 2 % (20 mg/mL)',
        concentrationMgPerMl: mgPerMl(20),
      }),
    ]),
    rateMgPerKgPerH: mgPerKgPerH(1),
  }),
  liverTestIntervalMonths: 6,
});
