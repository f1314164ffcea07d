import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedSessionDose, type PreviousSession } from './session-dose.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from './protocols/s-ketamine-template.ts';
import { expectOk } from './result.ts';

const expected = (sessionNumber: unknown, previousSessions: PreviousSession[] = []) =>
  expectedSessionDose({ protocol: RACEMIC_KETAMINE_V1, sessionNumber, previousSessions });
const s = (
  sessionNumber: number,
  tolerated: boolean | null,
  completed = true,
): PreviousSession => ({
  sessionNumber,
  tolerated,
  completed,
});

describe('expectedSessionDose (protocol.md section 3)', () => {
  it('session 1 is the 75 mg test dose', () => {
    expect(expectOk(expected(1))).toMatchObject({ doseMg: 75, kind: 'test-dose', flags: [] });
  });

  it('session 2 is 150 mg when session 1 was well tolerated', () => {
    expect(expectOk(expected(2, [s(1, true)]))).toMatchObject({ doseMg: 150, kind: 'full-dose' });
  });

  it('session 5 stays 150 mg after tolerated sessions', () => {
    const r = expectOk(expected(5, [s(1, true), s(2, true), s(3, true), s(4, true)]));
    expect(r).toMatchObject({ doseMg: 150, kind: 'full-dose', flags: [] });
  });

  it('needs a decision when tolerance of session 1 is not recorded (never assumes 150 mg)', () => {
    const r = expectOk(expected(2, [s(1, null)]));
    expect(r.kind).toBe('needs-decision');
    expect(r.doseMg).toBe(75);
    expect(r.reason).toContain('Tolerance of session 1 not recorded');
    expect(r.reason).toContain('anesthesiologist');
  });

  it('needs a decision, suggesting 75 mg, when session 1 was not tolerated, and says why', () => {
    const r = expectOk(expected(2, [s(1, false)]));
    expect(r.kind).toBe('needs-decision');
    expect(r.doseMg).toBe(75);
    expect(r.reason).toContain('not well tolerated');
    expect(r.reason).toContain('150 mg only after a well-tolerated test dose');
    expect(r.flags.map((f) => f.code)).toEqual(['most-recent-not-tolerated']);
  });

  it('needs a decision when there is no record of session 1', () => {
    const r = expectOk(expected(2));
    expect(r.kind).toBe('needs-decision');
    expect(r.reason).toContain('no record of session 1');
  });

  it('needs a decision when session 1 was stopped early (test dose not fully given)', () => {
    const r = expectOk(expected(2, [s(1, true, false)]));
    expect(r.kind).toBe('needs-decision');
    expect(r.reason).toContain('not completed');
  });

  it('needs a decision when records of session 1 disagree', () => {
    expect(expectOk(expected(2, [s(1, true), s(1, false)])).kind).toBe('needs-decision');
  });

  it('flags a most recent session that was not tolerated, and asks for a decision', () => {
    const r = expectOk(expected(4, [s(1, true), s(2, true), s(3, false)]));
    expect(r.kind).toBe('needs-decision');
    expect(r.doseMg).toBe(150);
    expect(r.flags).toEqual([expect.objectContaining({ code: 'most-recent-not-tolerated' })]);
    expect(r.reason).toContain('most recent session was not well tolerated');
  });

  it('flags a most recent session whose tolerance is not recorded', () => {
    const r = expectOk(expected(4, [s(1, true), s(2, true), s(3, null)]));
    expect(r.kind).toBe('full-dose');
    expect(r.flags.map((f) => f.code)).toEqual(['most-recent-tolerance-not-recorded']);
  });

  it('refuses a session number already completed', () => {
    const r = expected(2, [s(1, true), s(2, true)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('implausible');
    // An interrupted, uncompleted session 2 may be planned again.
    expect(expected(2, [s(1, true), s(2, null, false)]).ok).toBe(true);
  });

  it('refuses an unconfigured protocol', () => {
    const r = expectedSessionDose({
      protocol: S_KETAMINE_TEMPLATE,
      sessionNumber: 1,
      previousSessions: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('protocol-not-configured');
  });

  it.each([[0], [-1], [1.5], [Number.NaN], ['two'], [null], [{}]])(
    'refuses session number %s',
    (n) => {
      expect(expected(n).ok).toBe(false);
    },
  );

  it('property: 150 mg is never the plain answer unless session 1 is recorded tolerated and completed', () => {
    const prev = fc.array(
      fc.record({
        sessionNumber: fc.integer({ min: 1, max: 10 }),
        tolerated: fc.constantFrom(true, false, null),
        completed: fc.boolean(),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), prev, (n, previous) => {
        const r = expected(n, previous);
        if (!r.ok || r.value.kind !== 'full-dose') return true;
        const firsts = previous.filter((p) => p.sessionNumber === 1);
        return (
          n >= 2 &&
          r.value.doseMg === 150 &&
          firsts.length > 0 &&
          firsts.every((p) => p.tolerated === true) &&
          firsts.some((p) => p.completed)
        );
      }),
      { numRuns: 5000 },
    );
  });
});

describe('Dutch words of the expected dose', () => {
  const cases: readonly (readonly PreviousSession[])[] = [
    [],
    [{ sessionNumber: 1, tolerated: true, completed: true }],
    [{ sessionNumber: 1, tolerated: false, completed: true }],
    [{ sessionNumber: 1, tolerated: null, completed: true }],
    [{ sessionNumber: 1, tolerated: true, completed: false }],
    [
      { sessionNumber: 1, tolerated: true, completed: true },
      { sessionNumber: 1, tolerated: false, completed: true },
    ],
    [
      { sessionNumber: 1, tolerated: true, completed: true },
      { sessionNumber: 2, tolerated: false, completed: true },
    ],
    [
      { sessionNumber: 1, tolerated: true, completed: true },
      { sessionNumber: 2, tolerated: null, completed: true },
    ],
  ];
  it.each(cases.map((previous, i) => [i, previous] as const))(
    'case %i: the reason and every flag carry Dutch text with the same numbers',
    (_, previousSessions) => {
      const numbers = (text: string) => text.match(/\d+/g) ?? [];
      const sessionNumber = previousSessions.length === 0 ? 1 : 3;
      const r = expectedSessionDose({
        protocol: RACEMIC_KETAMINE_V1,
        sessionNumber,
        previousSessions,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.reasonNl).not.toBe(r.value.reason);
      expect(numbers(r.value.reasonNl)).toEqual(numbers(r.value.reason));
      for (const f of r.value.flags) {
        expect(f.messageNl).not.toBe(f.message);
        expect(numbers(f.messageNl)).toEqual(numbers(f.message));
      }
    },
  );
});
