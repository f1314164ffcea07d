import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRLF, UTF8_BOM, csvField, guardFormula, plainNumber, toCsv, withBom } from './csv.ts';
import { parseCsv } from './test-support.ts';

describe('plainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [37.5, '37.5'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.30000000000000004'], // exactly what is stored, never rounded
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-1.5e-7, '-0.00000015'],
    [1e-7, '0.0000001'],
    [2.5e22, '25000000000000000000000'],
  ])('%s -> %s (no exponent, "." decimal)', (n, expected) => {
    expect(plainNumber(n)).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity])('%s -> empty cell, never "NaN" or "Infinity"', (n) => {
    expect(plainNumber(n)).toBe('');
  });

  it('reads back to the same number for any finite double, never with an exponent or a comma', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = plainNumber(x);
        expect(s).not.toMatch(/[eE,]/);
        expect(Number(s)).toBe(Object.is(x, -0) ? 0 : x);
      }),
    );
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes missing values as an empty cell, never "null" or "undefined"', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes booleans as 1 / 0 and numbers unguarded (a negative number stays a number)', () => {
    expect(csvField(true)).toBe('1');
    expect(csvField(false)).toBe('0');
    expect(csvField(-12.5)).toBe('-12.5');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])(
    'prefixes text %j that a spreadsheet would run as a formula with a single quote',
    (text) => {
      const cell = csvField(text);
      const [[parsed]] = parseCsv(`${cell}${CRLF}`) as [[string]];
      expect(parsed).toBe(`'${text}`);
    },
  );

  it('leaves text that merely contains those characters alone', () => {
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula('lack-of-effect')).toBe('lack-of-effect');
  });
});

describe('toCsv', () => {
  it('uses CRLF line ends, including after the last record', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n,1\r\n');
  });

  it('round-trips any cells through an RFC 4180 reader (formula cells come back guarded)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom('"', ',', '\r', '\n', ' ', '=', '+', '-', '@', 'a', 'é', '\t'),
        maxLength: 8,
      }),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) =>
            fc.tuple(
              fc.array(cell, { minLength: w, maxLength: w }),
              fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 5 }),
            ),
          ),
        ([header, rows]) => {
          const parsed = parseCsv(toCsv(header, rows));
          expect(parsed).toEqual([header, ...rows].map((r) => r.map(guardFormula)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('withBom', () => {
  it('adds the UTF-8 byte order mark once', () => {
    const once = withBom('a\r\n');
    expect(once.startsWith(UTF8_BOM)).toBe(true);
    expect(withBom(once)).toBe(once);
    expect(Array.from(new TextEncoder().encode(once).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});
