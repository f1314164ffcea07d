/**
 * The protocol dose for this session number and why (session-dose.ts expectedSessionDose:
 * session 1 the 75 mg test dose; 150 mg from session 2 only after a well-tolerated, completed
 * test dose; otherwise the anesthesiologist decides).
 */
import type { ExpectedSessionDose } from '../../domain/session-dose.ts';
import type { Result } from '../../domain/result.ts';
import { formatQuantity } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DosePlanMessages } from './messages.ts';

type Props = {
  readonly expected: Result<ExpectedSessionDose>;
  readonly sessionNumber: number;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

export function ExpectedDose({ expected, sessionNumber, t, locale }: Props) {
  if (!expected.ok) {
    return (
      <p className="notice notice--urgent" role="alert">
        {fill(t.expectedError, { message: errorText(expected.error, locale) })}
      </p>
    );
  }
  const e = expected.value;
  const dose = formatQuantity(e.doseMg, 'mg', locale);
  // The domain's own words when the anesthesiologist must decide: they carry the specific why.
  const reason =
    e.kind === 'needs-decision'
      ? errorText({ message: e.reason, messageNl: e.reasonNl }, locale)
      : fill(t[`expected.${e.kind}`], { dose, session: sessionNumber });
  return (
    <section className="card stack" aria-labelledby="expected-title">
      <h2 id="expected-title">{fill(t.expectedTitle, { session: sessionNumber })}</h2>
      <p style={{ fontSize: '1.6rem', fontWeight: 700, margin: 0 }}>{dose}</p>
      {e.kind === 'needs-decision' ? (
        <p className="badge badge--warning">{t.expectedNeedsDecision}</p>
      ) : null}
      <p style={{ margin: 0 }}>{reason}</p>
      {e.flags.map((f) => (
        <p key={f.code} className="notice notice--warning">
          {errorText(f, locale)}
        </p>
      ))}
    </section>
  );
}
