/**
 * The session on one A4 page for the paper chart (print CSS in session-record.css: hidden on
 * screen, the only thing printed). Shows the values that count now (effective records) and
 * lists every correction and "entered in error" with its reason, so the paper tells the same
 * story as the tablet. Signatures are the names of the people who recorded, checked and signed.
 */
import {
  PRE_INFUSION_CHECKLIST,
  type ClinicalRecord,
  type RecordOfKind,
} from '../../domain/records.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { formatDateTime, formatDurationMin, formatTime } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { printMessages } from './print-messages.ts';
import { kindLabel, summarize, type SummaryContext } from './summary.ts';
import type { TimelineEntry } from './timeline.ts';

type Props = {
  readonly state: SessionState;
  readonly patientNumber: string;
  readonly sessionDate: string;
  readonly entries: readonly TimelineEntry[];
  readonly ctx: SummaryContext;
  readonly deviceId: string;
  readonly printedAt: Date;
};

export function PrintRecord(props: Props) {
  const { state, patientNumber, sessionDate, entries, ctx, deviceId, printedAt } = props;
  const p = useMessages(printMessages);
  const { t, locale, name } = ctx;
  const session = state.session;
  if (session === null) return null;
  const at = (iso: string) => formatTime(iso, locale);
  const line = (r: ClinicalRecord) =>
    `${at(r.clinicalTime)} ${summarize(r, ctx)} (${name(r.authorStaffId)})`;
  const list = (items: readonly ClinicalRecord[]) =>
    items.length === 0 ? (
      <p>{p.none}</p>
    ) : (
      <ul>
        {items.map((r) => (
          <li key={r.id}>{line(r)}</li>
        ))}
      </ul>
    );
  const allPre = PRE_INFUSION_CHECKLIST.length;
  const done = allPre - state.checklist.missingPreInfusion.length;
  const signOff = state.signOff?.record ?? null;
  const inf = state.infusion;
  const corrections = entries.filter((e) => e.status !== 'current');
  const authors = [...new Set(entries.map((e) => name(e.record.authorStaffId)))];
  const notes = (e: TimelineEntry) => [
    ...e.markers.map((m) =>
      fill(t.enteredInErrorBy, {
        name: name(m.marker.authorStaffId),
        time: at(m.marker.deviceTime),
        reason: m.marker.payload.reason,
      }),
    ),
    ...e.correctedBy.map((c) =>
      fill(t.correctedBy, {
        name: name(c.authorStaffId),
        time: at(c.deviceTime),
        reason: c.supersedes?.reason ?? '',
      }),
    ),
    ...(e.status === 'voided-with-target' ? [t.voidedWithTarget] : []),
  ];

  return (
    <article className="print-record" aria-hidden="true">
      <header className="print-record__header">
        <h1>{p.title}</h1>
        <p>
          {[
            fill(p.patient, { number: patientNumber }),
            fill(p.session, { n: session.payload.sessionNumber }),
            fill(p.date, { date: sessionDate }),
            fill(p.protocol, {
              title: session.payload.protocolSnapshot.title,
              key: session.protocolKey,
            }),
            fill(p.settings, { version: session.settingsVersion }),
          ].join(' · ')}
        </p>
        {state.needsReview ? (
          <p>
            <strong>{fill(p.needsReview, { reasons: state.reviewReasons.join(' ') })}</strong>
          </p>
        ) : null}
      </header>
      <div className="print-record__columns">
        <section>
          <h2>{p.preChecks}</h2>
          <p>{fill(p.checklistDone, { done, total: allPre })}</p>
          <p>
            {p.weight}: {state.weight ? summarize(state.weight, ctx) : p.none} · {p.baseline}:{' '}
            {state.baseline ? summarize(state.baseline, ctx) : p.none}
          </p>
          <h2>{p.dosePlan}</h2>
          <p>{state.currentDosePlan ? summarize(state.currentDosePlan, ctx) : p.none}</p>
          <p>
            {p.doubleCheck}: {state.doubleCheck ? summarize(state.doubleCheck.record, ctx) : p.none}
          </p>
          <p>
            {p.signOff}:{' '}
            {signOff
              ? fill(p.signedAt, {
                  name: name(signOff.payload.signedByStaffId),
                  time: at(signOff.clinicalTime),
                  statement: signOff.payload.statement,
                })
              : p.notSigned}
          </p>
        </section>
        <section>
          <h2>{p.infusion}</h2>
          <p>
            {inf.startedAt === null
              ? p.notStarted
              : fill(p.infusionLine, {
                  start: at(inf.startedAt),
                  stop: inf.stoppedAt ? at(inf.stoppedAt) : p.running,
                  running: inf.runningMin === null ? '—' : formatDurationMin(inf.runningMin),
                })}
          </p>
          {list(state.infusionEvents)}
          <h2>{p.sideEffects}</h2>
          {list(state.sideEffects)}
          <h2>{p.drugs}</h2>
          {list(state.drugs)}
        </section>
      </div>
      <h2>{p.observations}</h2>
      <ObservationsTable observations={state.observations} ctx={ctx} />
      <div className="print-record__columns">
        <section>
          <h2>{p.discharge}</h2>
          <p>{state.discharge ? line(state.discharge) : p.none}</p>
          {state.outcome ? (
            <>
              <h2>{p.outcome}</h2>
              <p>{line(state.outcome)}</p>
            </>
          ) : null}
          <h2>{p.corrections}</h2>
          {corrections.length === 0 ? (
            <p>{p.none}</p>
          ) : (
            <ul>
              {corrections.map((e) => (
                <li key={e.record.id}>
                  {at(e.record.clinicalTime)} {kindLabel(e.record.kind, t)}:{' '}
                  <s>{summarize(e.record, ctx)}</s> — {notes(e).join(' ')}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>{p.signatures}</h2>
          <dl>
            <dt>{p.recordedBy}</dt>
            <dd>{authors.join(', ')}</dd>
            <dt>{p.checkedBy}</dt>
            <dd>
              {state.doubleCheck ? name(state.doubleCheck.record.payload.checkerStaffId) : '—'}
            </dd>
            <dt>{p.signedBy}</dt>
            <dd>{signOff ? name(signOff.payload.signedByStaffId) : '—'}</dd>
            <dt>{p.dischargedBy}</dt>
            <dd>{state.discharge ? name(state.discharge.authorStaffId) : '—'}</dd>
          </dl>
        </section>
      </div>
      <footer>
        {fill(p.printed, {
          time: formatDateTime(printedAt.toISOString(), locale),
          device: deviceId,
        })}
      </footer>
    </article>
  );
}

function ObservationsTable(props: {
  readonly observations: readonly RecordOfKind<'observation'>[];
  readonly ctx: SummaryContext;
}) {
  const p = useMessages(printMessages);
  const { locale, name } = props.ctx;
  if (props.observations.length === 0) return <p>{p.none}</p>;
  return (
    <table className="print-record__table">
      <thead>
        <tr>
          {[
            p.colTime,
            p.colBp,
            p.colHr,
            p.colSpo2,
            p.colRr,
            p.colRass,
            p.colPhase,
            p.colFlags,
            p.colBy,
          ].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.observations.map((o) => {
          const v = o.payload;
          return (
            <tr key={o.id}>
              <td>{formatTime(o.clinicalTime, locale)}</td>
              <td>{`${v.systolicMmHg}/${v.diastolicMmHg}`}</td>
              <td>{v.heartRatePerMin}</td>
              <td>{v.spo2Percent}</td>
              <td>{v.respiratoryRatePerMin ?? '—'}</td>
              <td>{v.rass > 0 ? `+${v.rass}` : v.rass}</td>
              <td>{v.phase === 'infusion' ? p.infusionPhase : p.recoveryPhase}</td>
              <td>{v.findings.map((f) => `${f.level}: ${f.message}`).join(' ')}</td>
              <td>{name(o.authorStaffId)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
