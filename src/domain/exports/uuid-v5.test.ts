import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIT_EXPORT_NAMESPACE, derivedId, sha1, uuidV5 } from './uuid-v5.ts';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (s: string) => Uint8Array.from(new TextEncoder().encode(s));
const uuidBytes = (u: string) =>
  Uint8Array.from(u.replaceAll('-', '').match(/../g) ?? [], (b) => parseInt(b, 16));

describe('sha1', () => {
  // FIPS 180-4 / RFC 3174 test vectors.
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    ],
    ['The quick brown fox jumps over the lazy dog', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
    ['a'.repeat(1_000_000), '34aa973cd4c4daa4f61eeb2bdbad27316534016f'],
  ])('sha1 of %#', (input, expected) => {
    expect(hex(sha1(bytes(input)))).toBe(expected);
  });
});

describe('uuidV5', () => {
  it('gives the RFC 9562 appendix A.4 example (DNS namespace, "www.example.com")', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is a version 5, RFC variant UUID, deterministic, different per name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = derivedId(a, 'p');
        expect(x).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(derivedId(a, 'p')).toBe(x);
        if (a !== b) expect(derivedId(b, 'p')).not.toBe(x);
      }),
    );
  });

  it('encodes names as UTF-8 (RFC 9562), also outside ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const ns = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
        const input = new Uint8Array([...Array.from(uuidBytes(ns)), ...Array.from(bytes(name))]);
        const h = Array.from(sha1(input).slice(0, 16));
        h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
        h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
        expect(uuidV5(ns, name).replaceAll('-', '')).toBe(
          h.map((x) => x.toString(16).padStart(2, '0')).join(''),
        );
      }),
    );
  });

  it('has a namespace anyone can recompute', () => {
    expect(KIT_EXPORT_NAMESPACE).toBe(
      uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:kit:fhir-export'),
    );
  });

  it('refuses a malformed namespace (programming error)', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(RangeError);
  });
});

/**
 * The ids of earlier exports must not change (a receiver replaces resources by id): the
 * optimized code is compared with the plain first version of this module, kept here as the
 * reference, on any string, including lone surrogates (which the first version wrote as the 3
 * bytes of their code point, not as U+FFFD like TextEncoder).
 */
describe('uuidV5 and derivedId give the same ids as the reference implementation', () => {
  const referenceUtf8 = (s: string) => {
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      else
        out.push(
          0xf0 | (c >> 18),
          0x80 | ((c >> 12) & 0x3f),
          0x80 | ((c >> 6) & 0x3f),
          0x80 | (c & 0x3f),
        );
    }
    return out;
  };
  const reference = (ns: string, name: string) => {
    const h = Array.from(
      sha1(Uint8Array.from([...Array.from(uuidBytes(ns)), ...referenceUtf8(name)])).slice(0, 16),
    );
    h[6] = (h[6]! & 0x0f) | 0x50;
    h[8] = (h[8]! & 0x3f) | 0x80;
    const x = h.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  };
  const names = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }), // lone surrogates, astral characters
    fc.string({ unit: 'grapheme-composite' }),
    fc.uuid(),
  );

  it('on any name, long ones too (several SHA-1 blocks)', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(uuidV5(KIT_EXPORT_NAMESPACE, name)).toBe(reference(KIT_EXPORT_NAMESPACE, name));
      }),
      { numRuns: 500 },
    );
  });

  it('derivedId is the UUIDv5 of "recordId/purpose" in the export namespace', () => {
    fc.assert(
      fc.property(names, names, (recordId, purpose) => {
        expect(derivedId(recordId, purpose)).toBe(
          reference(KIT_EXPORT_NAMESPACE, `${recordId}/${purpose}`),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('pinned: ids computed with the first version of this module', () => {
    expect(KIT_EXPORT_NAMESPACE).toBe(
      reference('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:kit:fhir-export'),
    );
    expect([
      KIT_EXPORT_NAMESPACE,
      derivedId('019a0000-0000-7000-8000-000000000001', 'provenance'),
      derivedId('019a0000-0000-7000-8000-000000000001', 'bp'),
      derivedId('\ud800x', 'é'),
    ]).toEqual([
      '355d422e-f78b-5b1d-8762-e51f848249fd',
      'ec1b5b02-1683-5d40-92f7-e08ffcd99eb1',
      '41d061e2-fd59-5cfe-bc34-baf257c93bac',
      'bd78bb75-e767-575d-b3d4-f9c6a7712bdd',
    ]);
  });
});
