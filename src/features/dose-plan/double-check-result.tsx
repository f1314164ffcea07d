/**
 * The stored result of the latest double check of the current plan, read back from its record
 * (so a reload shows the same): a match, or each mismatch precisely (plan vs second check, and
 * the suspected known error: 10x decimal, wrong concentration, mg taken as mL). A mismatch means
 * the pumps are not started: check again or make a new plan.
 */
import type { Suspicion } from '../../domain/double-check.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { Checked } from '../../domain/state/dose-plan-checks.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DosePlanMessages } from './messages.ts';
import { productName } from './plan-calculation.tsx';

type Props = {
  readonly check: Checked<RecordOfKind<'double-check'>>;
  readonly protocol: ProtocolDefinition;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

const SUSPICIONS: readonly Suspicion[] = [
  'decimal-10x',
  'wrong-concentration',
  'mg-as-ml',
  'stock-not-diluted',
  'wrong-product',
];
const isSuspicion = (s: string): s is Suspicion => (SUSPICIONS as readonly string[]).includes(s);

export function DoubleCheckResult({ check, protocol, t, locale }: Props) {
  const { staff } = useBedside();
  const c = check.record.payload;
  const who = {
    name: staffName(staff, c.checkerStaffId),
    time: formatTime(check.record.clinicalTime, locale),
  };
  if (c.matches && check.valid) {
    return (
      <p className="notice notice--ok" role="status">
        ✓ {fill(t.checkMatches, who)}
      </p>
    );
  }
  const show = (field: string, value: number | string | null) => {
    if (value === null) return '—';
    if (typeof value === 'number') return `${formatNumber(value, locale, 1, 1)}\u00a0mL/h`;
    return field.endsWith('ProductId') ? productName(protocol, value) : value;
  };
  const label = (field: string) =>
    (t as Readonly<Record<string, string>>)[`field.${field}`] ?? field;
  return (
    <div className="notice notice--urgent stack" role="alert">
      {!c.matches ? (
        <p style={{ margin: 0 }}>
          <strong>{t.checkMismatch}</strong>
        </p>
      ) : null}
      <ul>
        {c.mismatches.map((m) => {
          const suspected = (m.suspectedError ?? '')
            .split(',')
            .filter(isSuspicion)
            .map((s) => t[`suspect.${s}`]);
          return (
            <li key={m.field}>
              {fill(t.mismatchLine, {
                label: label(m.field),
                expected: show(m.field, m.expected),
                entered: show(m.field, m.entered),
              })}
              {suspected.length > 0 ? <strong>: {suspected.join('; ')}</strong> : null}
            </li>
          );
        })}
      </ul>
      {c.matches && !check.valid ? (
        <p style={{ margin: 0 }}>{fill(t.checkInvalid, { problems: check.problems.join(' ') })}</p>
      ) : null}
      <p className="field__hint" style={{ margin: 0 }}>
        {fill(t.checkedByAt, who)}
      </p>
    </div>
  );
}
