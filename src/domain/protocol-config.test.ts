import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assertProtocolUsable,
  configureProtocol,
  type ProtocolConfigInput,
} from './protocol-config.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from './protocols/s-ketamine-template.ts';
import type { ProtocolDefinition } from './protocols/types.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import { expectOk } from './result.ts';
import { hours, mg, mgPerMl } from './units.ts';

const limits = DEFAULT_CENTER_SETTINGS.limits;
// Test values only: the paper gives no S-ketamine doses and this code never suggests any.
const input: ProtocolConfigInput = {
  version: '1.0.0',
  testDoseMg: 40,
  fullDoseMg: 80,
  product: { id: 's-ket-25', name: 'S-ketamine 25 mg/mL (test)', concentrationMgPerMl: 25 },
};
const configure = (over: Partial<ProtocolConfigInput> = {}) =>
  configureProtocol(S_KETAMINE_TEMPLATE, { ...input, ...over }, limits);
const codeOf = (over: Partial<ProtocolConfigInput>) => {
  const r = configure(over);
  return r.ok ? 'ok' : `${r.error.code}:${r.error.field}`;
};
const product = (concentrationMgPerMl: unknown) => ({ ...input.product, concentrationMgPerMl });

describe('configureProtocol (S-ketamine doses entered by the center)', () => {
  it('returns a new frozen, usable version and leaves the template untouched', () => {
    const p = expectOk(configure());
    expect(p.version).toBe('1.0.0');
    expect(p.id).toBe('kit-s-ketamine');
    expect(p.ketamine.sessionDoses).toEqual({ testDoseMg: 40, fullDoseMg: 80 });
    expect(p.ketamine.products).toEqual([
      {
        id: 's-ket-25',
        substance: 's-ketamine',
        name: 'S-ketamine 25 mg/mL (test)',
        concentrationMgPerMl: 25,
      },
    ]);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.ketamine)).toBe(true);
    expect(Object.isFrozen(p.ketamine.sessionDoses)).toBe(true);
    expect(Object.isFrozen(p.ketamine.products[0])).toBe(true);
    expect(p.source).toContain('entered by the center as version 1.0.0');
    expect(S_KETAMINE_TEMPLATE.ketamine.sessionDoses).toBeNull();
    expect(S_KETAMINE_TEMPLATE.ketamine.products).toHaveLength(0);
    expect(assertProtocolUsable(p).ok).toBe(true);
  });

  it('accepts decimal comma input and test dose equal to full dose', () => {
    const p = expectOk(configure({ testDoseMg: '50,5', fullDoseMg: '50,5' }));
    expect(p.ketamine.sessionDoses?.testDoseMg).toBe(50.5);
  });

  it.each([
    [{ fullDoseMg: 150 }, 'ok'],
    [{ fullDoseMg: 150.1 }, 'above-hard-limit:fullDoseMg'],
    [{ fullDoseMg: 149.9 }, 'ok'],
    [{ testDoseMg: 80.1 }, 'implausible:testDoseMg'],
    [{ testDoseMg: 80 }, 'ok'],
    [{ testDoseMg: 0 }, 'not-positive:testDoseMg'],
    [{ testDoseMg: -40 }, 'negative:testDoseMg'],
    [{ fullDoseMg: Number.NaN }, 'not-a-number:fullDoseMg'],
    [{ fullDoseMg: Infinity }, 'not-finite:fullDoseMg'],
    [{ fullDoseMg: '80 mg' }, 'not-a-number:fullDoseMg'],
    [{ testDoseMg: null }, 'required:testDoseMg'],
    [{ version: '0.0.0-unconfigured' }, 'invalid-choice:version'],
    [{ version: '1.0' }, 'invalid-choice:version'],
    [{ version: '' }, 'invalid-choice:version'],
    [{ product: product(0) }, 'not-positive:product.concentrationMgPerMl'],
    [{ product: product('abc') }, 'not-a-number:product.concentrationMgPerMl'],
    [{ product: product(undefined) }, 'required:product.concentrationMgPerMl'],
    [{ product: { ...input.product, id: 'propolipid-1' } }, 'invalid-choice:product.id'],
    [{ product: { ...input.product, id: 'Has Space' } }, 'invalid-choice:product.id'],
    [{ product: { ...input.product, name: '  ' } }, 'required:product.name'],
  ])('%s -> %s', (over, expected) => {
    expect(codeOf(over as Partial<ProtocolConfigInput>)).toBe(expected);
  });

  it('refuses a template version reused as the new version', () => {
    const p = expectOk(configure());
    const again = configureProtocol(p, { ...input, version: '1.0.0' }, limits);
    expect(again.ok).toBe(false);
    expect(expectOk(configureProtocol(p, { ...input, version: '1.1.0' }, limits)).version).toBe(
      '1.1.0',
    );
  });

  it('property: no bad dose or concentration ever yields a protocol', () => {
    const bad = fc.oneof(
      fc.anything().filter((v) => typeof v !== 'number' && typeof v !== 'string'),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 0),
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.double({ min: 150.000001, noNaN: true }),
    );
    fc.assert(
      fc.property(
        bad,
        fc.constantFrom('testDoseMg', 'fullDoseMg', 'concentration'),
        (value, key) => {
          const over =
            key === 'concentration'
              ? { product: product(typeof value === 'number' && value > 150 ? -value : value) }
              : { [key]: value };
          return !configure(over).ok;
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('assertProtocolUsable', () => {
  it('accepts the published racemic protocol', () => {
    expect(assertProtocolUsable(RACEMIC_KETAMINE_V1)).toEqual({
      ok: true,
      value: RACEMIC_KETAMINE_V1,
    });
  });

  it('refuses the unconfigured S-ketamine template with protocol-not-configured', () => {
    const r = assertProtocolUsable(S_KETAMINE_TEMPLATE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('protocol-not-configured');
      expect(r.error.message).toContain('an administrator must enter it in settings');
    }
  });

  const broken = (patch: (p: ProtocolDefinition) => ProtocolDefinition) =>
    assertProtocolUsable(patch(RACEMIC_KETAMINE_V1));

  it.each([
    [
      'no ketamine product',
      (p: ProtocolDefinition) => ({ ...p, ketamine: { ...p.ketamine, products: [] } }),
      'protocol-not-configured',
    ],
    [
      'no propofol product',
      (p: ProtocolDefinition) => ({ ...p, propofol: { ...p.propofol, products: [] } }),
      'protocol-not-configured',
    ],
    [
      'NaN test dose',
      (p: ProtocolDefinition) => ({
        ...p,
        ketamine: {
          ...p.ketamine,
          sessionDoses: { testDoseMg: mg(Number.NaN), fullDoseMg: mg(150) },
        },
      }),
      'implausible',
    ],
    [
      'test above full',
      (p: ProtocolDefinition) => ({
        ...p,
        ketamine: { ...p.ketamine, sessionDoses: { testDoseMg: mg(200), fullDoseMg: mg(150) } },
      }),
      'implausible',
    ],
    [
      'zero duration',
      (p: ProtocolDefinition) => ({
        ...p,
        ketamine: { ...p.ketamine, infusionDurationH: hours(0) },
      }),
      'implausible',
    ],
    [
      'zero concentration',
      (p: ProtocolDefinition) => ({
        ...p,
        ketamine: {
          ...p.ketamine,
          products: [{ ...p.ketamine.products[0]!, concentrationMgPerMl: mgPerMl(0) }],
        },
      }),
      'implausible',
    ],
  ])('refuses a protocol with %s', (_, patch, code) => {
    const r = broken(patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
