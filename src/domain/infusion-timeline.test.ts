import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { infusionTimeline, type InfusionEvent, type PumpSetting } from './infusion-timeline.ts';

const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
const now = (hhmm: string) => new Date(at(hhmm));
const planned = { plannedDurationMin: 240 };
// Session 2: 150 mg diluted to 50 mL (3 mg/mL) at 12.5 mL/h; propofol 1 % for 70 kg at 7 mL/h.
const ket: PumpSetting = { rateMlPerH: 12.5, concentrationMgPerMl: 3 };
const prop: PumpSetting = { rateMlPerH: 7, concentrationMgPerMl: 10 };
const start: InfusionEvent = { kind: 'start', at: at('09:00'), ketamine: ket, propofol: prop };

function run(events: InfusionEvent[], t: string) {
  const r = infusionTimeline(events, { ...planned, now: now(t) });
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

describe('infusionTimeline: protocol.md worked examples', () => {
  it('4 h uninterrupted delivers 150 mg ketamine (50 mL) and 280 mg propofol (28 mL)', () => {
    const t = run([start, { kind: 'stop', at: at('13:00') }], '13:05');
    expect(t.state).toBe('stopped');
    expect(t.elapsedRunningMin).toBe(240);
    expect(t.remainingMin).toBe(0);
    expect(t.totals.ketamine).toEqual({ deliveredMl: 50, deliveredMg: 150 });
    expect(t.totals.propofol).toEqual({ deliveredMl: 28, deliveredMg: 280 });
    expect(t.expectedEndAt).toBe(null);
  });
  it('session 1 test dose: 75 mg in 50 mL (1.5 mg/mL) at 12.5 mL/h over 4 h is 75 mg', () => {
    const t = run(
      [
        { ...start, ketamine: { rateMlPerH: 12.5, concentrationMgPerMl: 1.5 } },
        { kind: 'stop', at: at('13:00') },
      ],
      '13:00',
    );
    expect(t.totals.ketamine.deliveredMg).toBe(75);
  });
});

describe('infusionTimeline: pauses and rate changes, checked by hand', () => {
  // 09:00 start; 10:00 pause; 10:30 resume; 11:00 rate change (ketamine 10 mL/h, propofol 8.4 mL/h); 13:30 stop.
  // Running: 60 + 30 + 150 = 240 min; paused 30 min.
  // Ketamine: 12.5 x 1 + 12.5 x 0.5 + 10 x 2.5 = 12.5 + 6.25 + 25 = 43.75 mL; x 3 mg/mL = 131.25 mg.
  // Propofol: 7 x 1 + 7 x 0.5 + 8.4 x 2.5 = 7 + 3.5 + 21 = 31.5 mL; x 10 mg/mL = 315 mg.
  const events: InfusionEvent[] = [
    start,
    { kind: 'pause', at: at('10:00') },
    { kind: 'resume', at: at('10:30') },
    {
      kind: 'rate-change',
      at: at('11:00'),
      ketamine: { ...ket, rateMlPerH: 10 },
      propofol: { ...prop, rateMlPerH: 8.4 },
    },
    { kind: 'stop', at: at('13:30') },
  ];
  it('integrates rate over running time only', () => {
    const t = run(events, '14:00');
    expect(t.elapsedRunningMin).toBe(240);
    expect(t.pausedMin).toBe(30);
    expect(t.remainingMin).toBe(0);
    expect(t.totals.ketamine.deliveredMl).toBeCloseTo(43.75, 10);
    expect(t.totals.ketamine.deliveredMg).toBeCloseTo(131.25, 10);
    expect(t.totals.propofol.deliveredMl).toBeCloseTo(31.5, 10);
    expect(t.totals.propofol.deliveredMg).toBeCloseTo(315, 10);
    expect(t.startedAt).toBe(at('09:00'));
    expect(t.stoppedAt).toBe(at('13:30'));
  });
  it('shows its work: one segment per running interval', () => {
    const t = run(events, '14:00');
    expect(
      t.segments.map((s) => [
        s.from,
        s.to,
        s.minutes,
        s.ketamine.rateMlPerH,
        s.ketamine.deliveredMl,
      ]),
    ).toEqual([
      [at('09:00'), at('10:00'), 60, 12.5, 12.5],
      [at('10:30'), at('11:00'), 30, 12.5, 6.25],
      [at('11:00'), at('13:30'), 150, 10, 25],
    ]);
    expect(t.segments[0]?.ketamine.rateMgPerH).toBe(37.5);
  });
  it('while paused: elapsed stands still, paused time grows, no expected end', () => {
    const a = run(events.slice(0, 2), '10:10');
    const b = run(events.slice(0, 2), '10:25');
    expect([a.state, a.elapsedRunningMin, a.pausedMin]).toEqual(['paused', 60, 10]);
    expect([b.elapsedRunningMin, b.pausedMin, b.remainingMin]).toEqual([60, 25, 180]);
    expect(b.expectedEndAt).toBe(null);
    expect(b.totals.ketamine.deliveredMl).toBe(12.5);
  });
  it('a rate change while paused applies from the resume', () => {
    const t = run(
      [
        start,
        { kind: 'pause', at: at('10:00') },
        {
          kind: 'rate-change',
          at: at('10:10'),
          ketamine: { ...ket, rateMlPerH: 6 },
          propofol: prop,
        },
        { kind: 'resume', at: at('10:30') },
        { kind: 'stop', at: at('11:30') },
      ],
      '12:00',
    );
    expect(t.totals.ketamine.deliveredMl).toBe(12.5 + 6);
    expect(t.pausedMin).toBe(30);
  });
  it('a rate change may give one pump only; the other keeps its setting', () => {
    const t = run(
      [
        start,
        { kind: 'rate-change', at: at('10:00'), ketamine: { ...ket, rateMlPerH: 6.25 } },
        { kind: 'rate-change', at: at('11:00'), propofol: { ...prop, rateMlPerH: 3.5 } },
        { kind: 'stop', at: at('12:00') },
      ],
      '12:00',
    );
    // Ketamine 12.5 + 6.25 + 6.25 mL; propofol 7 + 7 + 3.5 mL.
    expect(t.totals.ketamine.deliveredMl).toBe(25);
    expect(t.totals.propofol.deliveredMl).toBe(17.5);
  });
  it('stopping while paused counts the pause up to the stop', () => {
    const t = run(
      [start, { kind: 'pause', at: at('10:00') }, { kind: 'stop', at: at('10:20') }],
      '11:00',
    );
    expect([t.state, t.elapsedRunningMin, t.pausedMin, t.remainingMin]).toEqual([
      'stopped',
      60,
      20,
      180,
    ]);
  });
  it('a pump at 0 mL/h delivers nothing (propofol stopped, ketamine running)', () => {
    const t = run(
      [
        start,
        {
          kind: 'rate-change',
          at: at('10:00'),
          ketamine: ket,
          propofol: { ...prop, rateMlPerH: 0 },
        },
      ],
      '11:00',
    );
    expect(t.totals.propofol.deliveredMl).toBe(7);
    expect(t.totals.ketamine.deliveredMl).toBe(25);
  });
});

describe('infusionTimeline: time from stored timestamps only', () => {
  it('a sleeping tablet: now jumps one hour, elapsed and totals are right', () => {
    const before = run([start], '09:30');
    const after = run([start], '10:30');
    expect([before.state, before.elapsedRunningMin, before.remainingMin]).toEqual([
      'running',
      30,
      210,
    ]);
    expect([after.elapsedRunningMin, after.remainingMin]).toEqual([90, 150]);
    expect(after.totals.ketamine.deliveredMl).toBe(18.75);
    expect(after.expectedEndAt).toBe(at('13:00'));
    expect(after.segments.at(-1)).toMatchObject({ to: at('10:30'), endsAtNow: true });
  });
  it('remaining goes negative when it runs longer than planned', () => {
    const t = run([start], '13:10');
    expect(t.remainingMin).toBe(-10);
    expect(t.expectedEndAt).toBe(at('13:00'));
  });
  it('not started: nothing delivered', () => {
    const t = run([], '09:00');
    expect(t).toMatchObject({
      state: 'not-started',
      elapsedRunningMin: 0,
      remainingMin: 240,
      totals: { ketamine: { deliveredMl: 0, deliveredMg: 0 } },
    });
  });
});

describe('infusionTimeline refuses sequences that cannot be true', () => {
  const cases: [string, InfusionEvent[], string, string][] = [
    [
      'resume without pause',
      [start, { kind: 'resume', at: at('10:00') }],
      'events[1].kind',
      'invalid-choice',
    ],
    [
      'pause while paused',
      [start, { kind: 'pause', at: at('10:00') }, { kind: 'pause', at: at('10:05') }],
      'events[2].kind',
      'invalid-choice',
    ],
    [
      'events after stop',
      [start, { kind: 'stop', at: at('10:00') }, { kind: 'resume', at: at('10:05') }],
      'events[2].kind',
      'invalid-choice',
    ],
    ['a second start', [start, { ...start, at: at('10:00') }], 'events[1].kind', 'invalid-choice'],
    [
      'not starting with start',
      [{ kind: 'pause', at: at('09:00') }],
      'events[0].kind',
      'invalid-choice',
    ],
    [
      'time going backwards',
      [start, { kind: 'pause', at: at('08:59') }],
      'events[1].at',
      'invalid-date',
    ],
    [
      'an event later than now',
      [start, { kind: 'stop', at: at('13:01') }],
      'events[1].at',
      'invalid-date',
    ],
    ['a non-ISO time', [{ ...start, at: '2026-03-02 09:00' }], 'events[0].at', 'invalid-date'],
    [
      'an impossible date',
      [{ ...start, at: '2026-02-30T09:00:00.000Z' }],
      'events[0].at',
      'invalid-date',
    ],
    [
      'a negative rate',
      [{ ...start, ketamine: { ...ket, rateMlPerH: -12.5 } }],
      'events[0].ketamine.rateMlPerH',
      'negative',
    ],
    [
      'a NaN rate',
      [{ ...start, propofol: { ...prop, rateMlPerH: NaN } }],
      'events[0].propofol.rateMlPerH',
      'not-a-number',
    ],
    [
      'a zero concentration',
      [{ ...start, ketamine: { ...ket, concentrationMgPerMl: 0 } }],
      'events[0].ketamine.concentrationMgPerMl',
      'not-positive',
    ],
    [
      'a missing pump',
      [{ kind: 'start', at: at('09:00'), ketamine: ket } as unknown as InfusionEvent],
      'events[0].propofol.rateMlPerH',
      'required',
    ],
  ];
  it.each(cases)('%s', (_name, events, field, code) => {
    const r = infusionTimeline(events, { ...planned, now: now('13:00') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ field, code });
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });
  it('refuses a broken clock and a bad planned duration', () => {
    expect(infusionTimeline([start], { ...planned, now: new Date(NaN) }).ok).toBe(false);
    expect(infusionTimeline([start], { plannedDurationMin: 0, now: now('10:00') }).ok).toBe(false);
  });
});

describe('infusionTimeline properties', () => {
  const kinds = fc.constantFrom<InfusionEvent['kind']>(
    'start',
    'pause',
    'resume',
    'rate-change',
    'stop',
  );
  const rate = fc.oneof(
    fc.double({ min: -10, max: 100 }),
    fc.constantFrom(NaN, Infinity, 0, 12.5),
    fc.string(),
  );
  const T0 = Date.parse(at('09:00'));
  const seq = fc.array(
    fc.record({ kind: kinds, gapMin: fc.integer({ min: -5, max: 120 }), k: rate, p: rate }),
    { maxLength: 8 },
  );
  const build = (xs: { kind: InfusionEvent['kind']; gapMin: number; k: unknown; p: unknown }[]) => {
    let t = T0;
    return xs.map((x) => {
      t += x.gapMin * 60_000;
      const atIso = new Date(t).toISOString();
      return x.kind === 'start' || x.kind === 'rate-change'
        ? ({
            kind: x.kind,
            at: atIso,
            ketamine: { rateMlPerH: x.k, concentrationMgPerMl: 3 },
            propofol: { rateMlPerH: x.p, concentrationMgPerMl: 10 },
          } as InfusionEvent)
        : { kind: x.kind, at: atIso };
    });
  };
  it('either refuses, or gives finite non-negative totals and running + paused = span since start', () => {
    fc.assert(
      fc.property(seq, fc.integer({ min: 0, max: 24 * 60 }), (xs, nowMin) => {
        const events = build(xs);
        const nowDate = new Date(T0 + nowMin * 60_000);
        const r = infusionTimeline(events, { ...planned, now: nowDate });
        if (!r.ok) return r.error.message.length > 0;
        const t = r.value;
        const nums = [
          t.elapsedRunningMin,
          t.pausedMin,
          t.remainingMin,
          t.totals.ketamine.deliveredMl,
          t.totals.ketamine.deliveredMg,
          t.totals.propofol.deliveredMl,
          t.totals.propofol.deliveredMg,
        ];
        if (!nums.every(Number.isFinite)) return false;
        if (t.elapsedRunningMin < 0 || t.pausedMin < 0 || t.totals.ketamine.deliveredMl < 0)
          return false;
        if (t.startedAt === null) return t.elapsedRunningMin === 0;
        const endMs = t.stoppedAt === null ? nowDate.getTime() : Date.parse(t.stoppedAt);
        return (
          Math.abs(t.elapsedRunningMin + t.pausedMin - (endMs - Date.parse(t.startedAt)) / 60_000) <
          1e-9
        );
      }),
      { numRuns: 3000 },
    );
  });
  it('elapsed never decreases as now moves forward (monotonic, whatever the sleep)', () => {
    const events: InfusionEvent[] = [
      start,
      { kind: 'pause', at: at('10:00') },
      { kind: 'resume', at: at('10:30') },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 90, max: 600 }), fc.integer({ min: 0, max: 600 }), (a, d) => {
        const t1 = infusionTimeline(events, {
          ...planned,
          now: new Date(Date.parse(at('09:00')) + a * 60_000),
        });
        const t2 = infusionTimeline(events, {
          ...planned,
          now: new Date(Date.parse(at('09:00')) + (a + d) * 60_000),
        });
        return (
          t1.ok &&
          t2.ok &&
          t2.value.elapsedRunningMin >= t1.value.elapsedRunningMin &&
          Math.abs(t2.value.elapsedRunningMin - t1.value.elapsedRunningMin - d) < 1e-9
        );
      }),
    );
  });
});
