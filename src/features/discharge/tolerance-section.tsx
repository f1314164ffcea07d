/**
 * "Was this session well tolerated?" (protocol.md section 3: 150 mg from session 2 "only if
 * session 1 was well tolerated"). The screen says plainly that the answer decides the next
 * dose (session-dose.ts reads it from the discharge record).
 */
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill } from '../../ui/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import type { YesNo } from './aldrete-section.tsx';
import type { DischargeMessages } from './messages.ts';

type Props = {
  readonly tolerated: YesNo | null;
  readonly onTolerated: (value: YesNo) => void;
  readonly note: string;
  readonly onNote: (text: string) => void;
  readonly sessionNumber: number;
  /** The protocol's full dose (mg) from the session's protocol snapshot; null if unset. */
  readonly fullDoseMg: number | null;
  readonly t: DischargeMessages;
};

export function ToleranceSection(props: Props) {
  const { tolerated, onTolerated, note, onNote, sessionNumber, fullDoseMg, t } = props;
  const full = fullDoseMg === null ? '—' : String(fullDoseMg);
  return (
    <section className="card stack" aria-labelledby="tolerance-title">
      <h2 id="tolerance-title">{t.toleranceTitle}</h2>
      <p className="notice notice--warning">
        {fill(sessionNumber === 1 ? t.toleranceDecides : t.toleranceDecidesLater, { full })}
      </p>
      <ChoiceGroup<YesNo>
        legend={t.toleranceLegend}
        value={tolerated}
        onChange={onTolerated}
        choices={[
          { value: 'yes', label: t.toleranceYes },
          { value: 'no', label: t.toleranceNo },
        ]}
      />
      <TextField
        label={t.toleranceNote}
        hint={t.toleranceNoteHint}
        value={note}
        onChange={onNote}
        multiline
        maxLength={2000}
      />
    </section>
  );
}
