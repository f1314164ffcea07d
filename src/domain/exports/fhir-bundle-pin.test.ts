/**
 * Pins the exact JSON of the FHIR export (SHA-256 of JSON.stringify) on the export fixture and
 * on a small generated center, so that performance work on the export cannot change a single
 * byte unnoticed: a receiver replaces resources by id and compares them, and a silent change
 * of an id or a field order would be a new export format. A deliberate change of the export
 * must update these hashes (and say why in the commit).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCenter } from '../demo/index.ts';
import { expectOk } from '../result.ts';
import { centerBundle, patientBundle } from './fhir-bundle.ts';
import { GENERATED_AT, buildCenter } from './test-support.ts';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('FHIR export output is pinned byte for byte', () => {
  const { f, records, ids } = buildCenter();
  const all = [...records, f.staffMember({ staffId: 'nurse-1', displayName: 'Nurse Ann' })];

  it('on the export fixture: center bundle, without synthetic patients, one patient', () => {
    const options = { generatedAt: GENERATED_AT };
    expect({
      center: sha256(expectOk(centerBundle(all, options))),
      real: sha256(expectOk(centerBundle(all, { ...options, includeSynthetic: false }))),
      patient: sha256(expectOk(patientBundle(all, ids.a.id, options))),
    }).toEqual({
      center: '17a5795849be40e50491796f05b8aab025fd6a8d657b8ab3f3f21c30921aedb6',
      real: '2992988bed20edcd0de2a6f7f24b0a6d66c2a66be0e2431b756daa416e6e50ea',
      patient: 'f495d1c2853cb60fc1c919ad7c78b8a6e4f56314161f3457a120720a6bef7d4c',
    });
  });

  it('on a generated center (12 patients, 2 years)', () => {
    const center = expectOk(generateCenter({ patients: 12, years: 2, seed: 5 }));
    const bundle = expectOk(centerBundle(center.records, { generatedAt: GENERATED_AT }));
    expect(bundle.entry?.length).toBe(9961);
    expect(sha256(bundle)).toBe('917f9348c787fa259bcefe4b84eda40b72d96aafaafe2b8d9c5539a1046998f8');
  });
});
