/** Flagged findings of one observation, plainly: icon, level word and the reason. */
import type { AlertLevel } from '../../domain/monitoring.ts';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';
import type { AssessedFinding, StoredFinding } from '../../domain/observation-findings.ts';

export const LEVEL_ICON: { readonly [L in AlertLevel]: string } = {
  normal: '✓',
  warning: '⚠',
  urgent: '‼',
};

/**
 * Findings just made carry Dutch words (AssessedFinding); stored ones show the words they were
 * recorded with.
 */
export function FindingsView({
  findings,
}: {
  readonly findings: readonly (StoredFinding | AssessedFinding)[];
}) {
  const t = useMessages(messages);
  const text = useErrorText();
  const levelWord = { normal: t.levelNormal, warning: t.levelWarning, urgent: t.levelUrgent };
  if (findings.length === 0) {
    return (
      <p className="notice notice--ok">
        <span aria-hidden="true">{LEVEL_ICON.normal} </span>
        {t.noAlerts}
      </p>
    );
  }
  return (
    <ul
      className="stack"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t.alertsLabel}
    >
      {findings.map((f, i) => (
        <li
          key={`${f.code ?? ''}-${f.vital ?? ''}-${i}`}
          className={`notice notice--${f.level === 'urgent' ? 'urgent' : f.level === 'warning' ? 'warning' : 'ok'}`}
        >
          <strong>
            <span aria-hidden="true">{LEVEL_ICON[f.level]} </span>
            {levelWord[f.level]}:
          </strong>{' '}
          {text(f)}
        </li>
      ))}
    </ul>
  );
}
