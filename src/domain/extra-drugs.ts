/**
 * The extra drugs a nurse records as given during a session (protocol.md section 4, step 4:
 * "extra drugs recorded"; records/infusion.ts EXTRA_DRUGS), linked to the drug names of the
 * side-effect catalog's suggestions (side-effect-catalog.ts), so a suggestion picks the right
 * record value and a recorded dose can be compared with the suggested one.
 */
import { EXTRA_DRUGS } from './records/infusion.ts';

export type ExtraDrug = (typeof EXTRA_DRUGS)[number];

/**
 * Generic (INN) name stored as `drugName` when the nurse does not type the product as on the
 * ampoule; null for "other", whose name must be typed.
 */
export const EXTRA_DRUG_GENERIC_NAME: { readonly [D in ExtraDrug]: string | null } = Object.freeze({
  ondansetron: 'Ondansetron',
  midazolam: 'Midazolam',
  'propofol-bolus': 'Propofol',
  glycopyrrolate: 'Glycopyrrolate',
  clonidine: 'Clonidine',
  other: null,
});

/** The catalog's lower-case drug name of each extra drug (propofol bolus = "propofol"). */
const CATALOG_NAME: { readonly [D in ExtraDrug]: string | null } = Object.freeze({
  ondansetron: 'ondansetron',
  midazolam: 'midazolam',
  'propofol-bolus': 'propofol',
  glycopyrrolate: 'glycopyrrolate',
  clonidine: 'clonidine',
  other: null,
});

/**
 * The name to compare with the catalog's suggestions (validateSideEffectCapture matches it,
 * case-insensitively, to a suggested drug and its dose): the catalog name, or for "other" the
 * name the nurse typed (trimmed).
 */
export function catalogDrugName(drug: ExtraDrug, typedName: string): string {
  return CATALOG_NAME[drug] ?? typedName.trim();
}

/** The extra drug recorded for a catalog suggestion's drug name; "other" when none matches. */
export function extraDrugForCatalogName(name: string): ExtraDrug {
  const lower = name.trim().toLowerCase();
  const found = EXTRA_DRUGS.find((d) => CATALOG_NAME[d] === lower);
  return found ?? 'other';
}
