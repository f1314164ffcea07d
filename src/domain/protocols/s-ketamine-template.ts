/**
 * S-ketamine: the center switched to it after the study period, but the paper gives no doses
 * or concentration. This template therefore has no doses and no product; the center enters
 * both in settings (a new, center-authored protocol version) before it can be used. Nothing
 * here is guessed. Duration and propofol co-infusion follow the published protocol until the
 * center says otherwise.
 */
import { hours, mgPerKgPerH } from '../units.ts';
import { RACEMIC_KETAMINE_V1 } from './racemic-ketamine-v1.ts';
import type { ProtocolDefinition } from './types.ts';

export const S_KETAMINE_TEMPLATE: ProtocolDefinition = Object.freeze({
  id: 'kit-s-ketamine',
  version: '0.0.0-unconfigured',
  title: 'KIT S-ketamine (doses and concentration to be entered by the center)',
  source:
    'Vallé et al. (doi.org/10.56126/75.S1.22), Discussion: the center switched to S-ketamine; doses not published',
  ketamine: Object.freeze({
    substance: 's-ketamine',
    products: Object.freeze([]),
    sessionDoses: null,
    infusionDurationH: hours(4),
  }),
  propofol: Object.freeze({
    products: RACEMIC_KETAMINE_V1.propofol.products,
    rateMgPerKgPerH: mgPerKgPerH(1),
  }),
  liverTestIntervalMonths: 6,
});
