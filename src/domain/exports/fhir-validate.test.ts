import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../result.ts';
import { centerBundle } from './fhir-bundle.ts';
import { validateBundleStructure } from './fhir-validate.ts';
import { GENERATED_AT, buildCenter } from './test-support.ts';

const { records } = buildCenter();
const valid = expectOk(centerBundle(records, { generatedAt: GENERATED_AT }));
type Json = Record<string, unknown>;
const clone = () =>
  structuredClone(valid) as unknown as { entry: { fullUrl: string; resource: Json }[] } & Json;
const first = (b: ReturnType<typeof clone>, type: string) => {
  const e = b.entry.find((x) => x.resource.resourceType === type);
  if (e === undefined) throw new Error(`no ${type}`);
  return e;
};
const problems = (b: unknown) =>
  validateBundleStructure(b)
    .map((p) => `${p.path}: ${p.message}`)
    .join('\n');

describe('validateBundleStructure', () => {
  it('accepts the exported center bundle', () => {
    expect(validateBundleStructure(valid)).toEqual([]);
  });

  it.each<[string, (b: ReturnType<typeof clone>) => void, RegExp]>([
    [
      'a reference to a resource not in the bundle',
      (b) =>
        ((first(b, 'Observation').resource.subject as Json).reference =
          'urn:uuid:00000000-0000-4000-8000-000000000000'),
      /does not resolve/,
    ],
    [
      'a relative reference',
      (b) => ((first(b, 'Encounter').resource.subject as Json).reference = 'Patient/123'),
      /does not resolve/,
    ],
    [
      'an Observation without status',
      (b) => delete first(b, 'Observation').resource.status,
      /status: is required/,
    ],
    [
      'an Observation with an unknown status',
      (b) => (first(b, 'Observation').resource.status = 'done'),
      /status: is required/,
    ],
    [
      'an Observation without code',
      (b) => delete first(b, 'Observation').resource.code,
      /code: is required/,
    ],
    [
      'an Observation without subject',
      (b) => delete first(b, 'Observation').resource.subject,
      /subject: is required/,
    ],
    [
      'an Encounter without class',
      (b) => delete first(b, 'Encounter').resource.class,
      /class: is required/,
    ],
    [
      'an EpisodeOfCare without patient',
      (b) => delete first(b, 'EpisodeOfCare').resource.patient,
      /patient: is required/,
    ],
    [
      'a MedicationAdministration without effective[x]',
      (b) => delete first(b, 'MedicationAdministration').resource.effectivePeriod,
      /effective\[x\]: is required/,
    ],
    [
      'an AdverseEvent without actuality',
      (b) => delete first(b, 'AdverseEvent').resource.actuality,
      /actuality: is required/,
    ],
    [
      'a Provenance without agent',
      (b) => (first(b, 'Provenance').resource.agent = []),
      /agent: is required/,
    ],
    [
      'a Provenance without recorded',
      (b) => delete first(b, 'Provenance').resource.recorded,
      /recorded: is required/,
    ],
    [
      'a Patient without identifier',
      (b) => delete first(b, 'Patient').resource.identifier,
      /identifier: is required/,
    ],
    [
      'a coding without system',
      (b) =>
        delete (((first(b, 'Observation').resource.code as Json).coding as Json[])[0] as Json)
          .system,
      /coding needs system and code/,
    ],
    [
      'a quantity whose value is not a number',
      (b) =>
        ((first(b, 'MedicationAdministration').resource.dosage as Json).rateQuantity = {
          value: 'NaN',
          unit: 'mL/h',
          system: 'http://unitsofmeasure.org',
          code: 'mL/h',
        }),
      /finite number/,
    ],
    [
      'a duplicate fullUrl',
      (b) =>
        ((b.entry[1] as { fullUrl: string }).fullUrl = (b.entry[0] as { fullUrl: string }).fullUrl),
      /duplicate/,
    ],
    [
      'a fullUrl that is not urn:uuid',
      (b) => ((b.entry[0] as { fullUrl: string }).fullUrl = 'http://example.org/Patient/1'),
      /urn:uuid/,
    ],
    [
      'an id that does not match the fullUrl',
      (b) => (first(b, 'Encounter').resource.id = 'other'),
      /matching the fullUrl/,
    ],
    [
      'an unknown resource type',
      (b) => (first(b, 'AdverseEvent').resource.resourceType = 'Flag'),
      /not a type this export uses/,
    ],
    ['a bundle that is not a collection', (b) => (b.type = 'transaction'), /collection/],
  ])('finds %s', (_, mutate, expected) => {
    const b = clone();
    mutate(b);
    expect(problems(b)).toMatch(expected);
  });

  it('finds a dangling reference whichever referenced resource is removed', () => {
    const referenced = new Set(
      JSON.stringify(valid)
        .match(/"reference":"urn:uuid:[0-9a-f-]+"/g)
        ?.map((s) => s.slice(13, -1)) ?? [],
    );
    const removable = (valid.entry ?? []).filter((e) => referenced.has(e.fullUrl as string));
    expect(removable.length).toBeGreaterThan(10);
    for (const e of removable.slice(0, 25)) {
      const b = { ...valid, entry: (valid.entry ?? []).filter((x) => x !== e) } as fhir4.Bundle;
      expect(problems(b)).toContain(`${e.fullUrl as string} does not resolve`);
    }
  });

  it('refuses what is not a bundle', () => {
    expect(validateBundleStructure(null)).toHaveLength(1);
    expect(validateBundleStructure({ resourceType: 'Patient' })).toHaveLength(1);
    expect(problems({ resourceType: 'Bundle', type: 'collection' })).toMatch(/entry/);
  });
});
