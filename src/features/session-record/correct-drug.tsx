/**
 * Correction of an extra drug given: dose (mg, decimal comma or point, never rounded), route
 * and the time it was given. The time is a time of day on the day it was given (the tablet's
 * local day), checked by back-dated-time.ts: not before the session started, not in the future.
 */
import { endOfDay, format } from 'date-fns';
import { useState } from 'react';
import { parseBackDatedTime } from '../../domain/back-dated-time.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { DomainError } from '../../domain/result.ts';
import { ROUTES } from '../../domain/records/infusion.ts';
import { parseQuantity } from '../../domain/units.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useErrorText } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { CorrectionMessages } from './correction-messages.ts';
import { CorrectionShell } from './correction-shell.tsx';

type Route = (typeof ROUTES)[number];
/** The domain's refusals, put in words at render so they follow a language switch. */
type Errors = { dose?: DomainError; time?: DomainError };

type Props = {
  readonly record: RecordOfKind<'drug-given'>;
  /** Clinical time of the session record: nothing of the session happened before it. */
  readonly sessionStart: string;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function CorrectDrug({ record, sessionStart, onDone, t }: Props) {
  const { clock } = useBedside();
  const errText = useErrorText();
  const [dose, setDose] = useState(() => String(record.payload.doseMg));
  const [route, setRoute] = useState<Route>(record.payload.route);
  const originalTime = format(new Date(record.clinicalTime), 'HH:mm');
  const [time, setTime] = useState(originalTime);
  const [errors, setErrors] = useState<Errors>({});

  const build = () => {
    const d = parseQuantity(dose, { field: 'doseMg', label: t.dose, unit: 'mg', maxDecimals: 2 });
    // "Now" for the time typed is the end of the day it was given (or now, if that is today).
    const dayEnd = endOfDay(new Date(record.clinicalTime));
    const now = clock.now();
    // An unchanged time keeps the original instant (to the second).
    const at =
      time.trim() === '' || time.trim() === originalTime
        ? ({ ok: true, value: record.clinicalTime } as const)
        : parseBackDatedTime(time, {
            earliest: sessionStart,
            now: now < dayEnd ? now : dayEnd,
            field: 'time',
            label: t.timeGiven,
          });
    setErrors({
      ...(d.ok ? {} : { dose: d.error }),
      ...(at.ok ? {} : { time: at.error }),
    });
    if (!d.ok || !at.ok) return null;
    return {
      payload: { ...record.payload, doseMg: d.value, route },
      clinicalTime: at.value,
    };
  };

  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <NumberField
        label={t.dose}
        unit="mg"
        value={dose}
        onChange={setDose}
        error={errors.dose && errText(errors.dose)}
      />
      <ChoiceGroup<Route>
        legend={t.route}
        value={route}
        onChange={setRoute}
        choices={ROUTES.map((r) => ({ value: r, label: r }))}
      />
      <TextField
        label={t.timeGiven}
        hint={t.timeHint}
        value={time}
        onChange={setTime}
        error={errors.time && errText(errors.time)}
      />
    </CorrectionShell>
  );
}
