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
