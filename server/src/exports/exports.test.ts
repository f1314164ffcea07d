// @vitest-environment node
/**
 * The server-side pieces around the domain exports: the streamed JSON is byte-for-byte
 * JSON.stringify, a patient's population follows the tablet's patient list rule, and
 * Accept-Encoding is read as RFC 9110 says.
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../src/domain/exports/index.ts';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import { acceptsGzip, safeFileNamePart } from './http.ts';
import { bundleStream } from './json-stream.ts';
import { isSyntheticPatient, recordsOfPopulation } from './population.ts';

async function text(bundle: ExportBundle): Promise<{ text: string; chunks: number }> {
  let out = '';
  let chunks = 0;
  for await (const chunk of bundleStream(bundle)) {
    out += (chunk as Buffer).toString('utf8');
    chunks += 1;
  }
  return { text: out, chunks };
}

describe('bundleStream', () => {
  const head = {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2026-11-25T10:45:00.000Z',
  } as const;

  it('writes exactly JSON.stringify, with or without entries', async () => {
    const one = { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient', id: '1' } } as const;
    for (const bundle of [
      { ...head },
      { ...head, entry: [] },
      { ...head, entry: [one] },
      { ...head, entry: [one, { ...one, fullUrl: 'urn:uuid:2 "é" \u2028' }] },
    ] as ExportBundle[]) {
      expect((await text(bundle)).text).toBe(JSON.stringify(bundle));
    }
  });

  it('hands a large bundle on in several chunks, still the same text', async () => {
    const entry = Array.from({ length: 5000 }, (_, i) => ({
      fullUrl: `urn:uuid:${i}`,
      resource: { resourceType: 'Basic', id: String(i), code: { text: 'x'.repeat(100) } },
    }));
    const bundle = { ...head, entry } as unknown as ExportBundle;
    const out = await text(bundle);
    expect(out.chunks).toBeGreaterThan(1);
    expect(out.text).toBe(JSON.stringify(bundle));
  });
});

describe('patient population', () => {
  const f = createRecordFactory({ seed: 5, startAt: '2025-01-06T08:00:00.000Z' });
  const demo = f.patient({ centerPatientNumber: 'DEMO-1', isSynthetic: true });
  const real = f.patient({ centerPatientNumber: 'KIT-1', isSynthetic: false });
  const realCourse = f.course(real);

  it('is the latest effective patient record, corrections and markers applied', () => {
    expect(isSyntheticPatient([demo])).toBe(true);
    expect(isSyntheticPatient([real, realCourse])).toBe(false);
    const fixed = f.correction(demo, { isSynthetic: false }, 'A real patient, not a demo one.');
    expect(isSyntheticPatient([demo, fixed])).toBe(false);
    const voided = f.enteredInError(fixed, 'Correction made by mistake.');
    expect(isSyntheticPatient([voided, fixed, demo])).toBe(true);
  });

  it('counts a patient without a valid patient record as real, like the tablet', () => {
    expect(isSyntheticPatient([f.enteredInError(demo), demo])).toBe(false);
    expect(isSyntheticPatient([])).toBe(false);
  });

  it('selects the records of one population, never center-level records', () => {
    const staff = f.staffMember();
    const records = [staff, demo, real, realCourse];
    expect(recordsOfPopulation(records, 'real')).toEqual([real, realCourse]);
    expect(recordsOfPopulation(records, 'synthetic')).toEqual([demo]);
  });
});

describe('acceptsGzip', () => {
  const request = (value?: string) =>
    ({ headers: value === undefined ? {} : { 'accept-encoding': value } }) as FastifyRequest;
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['deflate, gzip;q=0.5', true],
    ['GZIP', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip; q=0.0, identity', false],
    ['br, deflate', false],
    ['x-gzip', false],
  ])('%j -> %s', (value, expected) => {
    expect(acceptsGzip(request(value))).toBe(expected);
  });
});

describe('safeFileNamePart', () => {
  it('keeps letters, digits, dot, dash and underscore only', () => {
    expect(safeFileNamePart('KIT-0001')).toBe('KIT-0001');
    expect(safeFileNamePart('a"b\r\nc/d é')).toBe('a_b__c_d__');
    expect(safeFileNamePart('x'.repeat(100))).toHaveLength(64);
  });
});
