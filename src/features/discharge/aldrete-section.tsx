/**
 * Modified Aldrete score (Aldrete 1995), five items as one-tap choices with the exact wording
 * scored (ALDRETE_ITEMS). Circulation and SpO2 are suggested from the last observation vs this
 * session's baseline by the domain (aldreteCirculation, aldreteOxygenSaturation); the nurse
 * still taps the score: a suggestion is never entered for them.
 */
import {
  ALDRETE_ITEMS,
  ALDRETE_SOURCE,
  aldreteCirculation,
  aldreteOxygenSaturation,
  computeAldrete,
  type AldreteItemId,
  type AldretePoints,
} from '../../domain/aldrete.ts';
import type { Vitals } from '../../domain/vitals.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DischargeMessages } from './messages.ts';

export type PointsText = '0' | '1' | '2';
export type AldreteDraft = { readonly [K in AldreteItemId]?: PointsText };
export type YesNo = 'yes' | 'no';

type Props = {
  readonly value: AldreteDraft;
  readonly onChange: (id: AldreteItemId, points: PointsText) => void;
  readonly onOxygen: YesNo | null;
  readonly setOnOxygen: (value: YesNo) => void;
  readonly last: Vitals | null;
  readonly baseline: Vitals | null;
  readonly minAldrete: number;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

type Suggestion = { readonly points: AldretePoints; readonly why: string };

export function AldreteSection(props: Props) {
  const { value, onChange, onOxygen, setOnOxygen, last, baseline, minAldrete, t, locale } = props;
  const nl = locale === 'nl-BE';
  const suggestions: Partial<Record<AldreteItemId, Suggestion>> = {};
  if (last !== null && baseline !== null) {
    const c = aldreteCirculation(last.systolicMmHg, baseline.systolicMmHg);
    if (c.ok) {
      suggestions.circulation = {
        points: c.value,
        why: fill(t.suggestedCirculation, { sbp: last.systolicMmHg, base: baseline.systolicMmHg }),
      };
    }
  }
  if (last !== null && onOxygen !== null) {
    const s = aldreteOxygenSaturation(last.spo2Percent, onOxygen === 'yes');
    if (s.ok) {
      suggestions.oxygenSaturation = {
        points: s.value,
        why: fill(t.suggestedSpo2, {
          spo2: last.spo2Percent,
          air: onOxygen === 'yes' ? t.onOxygen : t.roomAir,
        }),
      };
    }
  }
  const score = computeAldrete(value);
  const scored = ALDRETE_ITEMS.filter((i) => value[i.id] !== undefined).length;

  return (
    <section className="card stack" aria-labelledby="aldrete-title">
      <h2 id="aldrete-title">{t.aldreteTitle}</h2>
      <p className="field__hint">{fill(t.aldreteHint, { source: ALDRETE_SOURCE })}</p>
      {ALDRETE_ITEMS.map((item) => {
        const suggestion = suggestions[item.id];
        return (
          <div key={item.id} className="stack">
            {item.id === 'oxygenSaturation' ? (
              <ChoiceGroup<YesNo>
                legend={t.oxygenLegend}
                value={onOxygen}
                onChange={setOnOxygen}
                choices={[
                  { value: 'no', label: t.no },
                  { value: 'yes', label: t.yes },
                ]}
              />
            ) : null}
            <ChoiceGroup<PointsText>
              legend={nl ? item.labelNl : item.label}
              value={value[item.id] ?? null}
              onChange={(p) => onChange(item.id, p)}
              choices={item.options.map((o) => ({
                value: String(o.points) as PointsText,
                label: `${o.points} — ${nl ? o.textNl : o.text}`,
                ...(suggestion?.points === o.points
                  ? { hint: `(${t.suggested}: ${suggestion.why})` }
                  : {}),
              }))}
            />
          </div>
        );
      })}
      <p
        className={`notice ${score.ok && score.value.total < minAldrete ? 'notice--warning' : ''}`}
        aria-live="polite"
      >
        {score.ok
          ? fill(t.aldreteTotal, { total: score.value.total, min: minAldrete })
          : fill(t.aldreteIncomplete, { count: scored })}
      </p>
    </section>
  );
}
