import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogDrugName,
  EXTRA_DRUG_GENERIC_NAME,
  extraDrugForCatalogName,
} from './extra-drugs.ts';
import { EXTRA_DRUGS } from './records/infusion.ts';
import { SIDE_EFFECT_CATALOG } from './side-effect-catalog.ts';

describe('extra drugs', () => {
  it('every drug the side-effect catalog suggests is a recordable extra drug, not "other"', () => {
    const suggested = SIDE_EFFECT_CATALOG.flatMap((d) =>
      d.suggestions.flatMap((s) => (s.drug ? [s.drug.name] : [])),
    );
    expect(suggested.length).toBeGreaterThan(0);
    for (const name of suggested) expect(extraDrugForCatalogName(name)).not.toBe('other');
    expect(extraDrugForCatalogName('propofol')).toBe('propofol-bolus');
    expect(extraDrugForCatalogName(' Ondansetron ')).toBe('ondansetron');
  });

  it('round-trips: the catalog name of an extra drug maps back to it', () => {
    for (const d of EXTRA_DRUGS.filter((x) => x !== 'other')) {
      expect(extraDrugForCatalogName(catalogDrugName(d, 'ignored'))).toBe(d);
      expect(EXTRA_DRUG_GENERIC_NAME[d]).toMatch(/^[A-Z][a-z]+$/);
    }
  });

  it('"other" uses the typed name and has no generic name', () => {
    expect(catalogDrugName('other', '  Paracetamol ')).toBe('Paracetamol');
    expect(EXTRA_DRUG_GENERIC_NAME.other).toBeNull();
  });

  it('any unknown name is "other", never a guessed drug', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = extraDrugForCatalogName(s);
        if (d !== 'other') expect(catalogDrugName(d, '')).toBe(s.trim().toLowerCase());
      }),
    );
  });
});
