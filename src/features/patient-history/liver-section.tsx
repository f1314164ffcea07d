/**
 * Liver follow-up of one patient (protocol.md section 7): the flags of the latest panel (new
 * elevation, >= the center's urgent multiple of the ULN), every result in a table with its
 * flags, the trend as multiples of each lab's ULN, and the entry form. Flags come from
 * domain/liver-entry.ts liverTrend (liver.ts rules), never from the screen.
 */
import { format } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import { useMemo } from 'react';
import { liverTrend, type LiverTrendPoint } from '../../domain/liver-entry.ts';
import { LIVER_ENZYME_INFO, type LiverEnzymeFlag } from '../../domain/liver.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatDay, formatNumber, formatQuantity } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { ChartFigure } from './chart-figure.tsx';
import { referenceLine, type ChartColor, type ChartSpec } from './chart-model.ts';
import { LiverForm } from './liver-form.tsx';
import { LiverTable } from './liver-table.tsx';
import { messages } from './messages.ts';

type Test = RecordOfKind<'liver-test'>;
type Props = {
  readonly patientId: string;
  readonly tests: readonly Test[];
  /** The course's protocol key; null when no course (then no entry). */
  readonly protocolKey: string | null;
};

const COLORS: readonly ChartColor[] = ['--accent', '--chart-violet', '--ok', '--chart-sand'];

export const enzymeName = (f: LiverEnzymeFlag, locale: Locale) =>
  locale === 'nl-BE' ? LIVER_ENZYME_INFO[f.enzyme].labelNl : LIVER_ENZYME_INFO[f.enzyme].label;

/** "GGT 39 U/L (ULN 36 U/L)" for each flag matching `pick`. */
const enzymesText = (
  flags: readonly LiverEnzymeFlag[],
  pick: (f: LiverEnzymeFlag) => boolean,
  locale: Locale,
) =>
  flags
    .filter(pick)
    .map(
      (f) =>
        `${enzymeName(f, locale)} ${formatQuantity(f.valueUPerL, 'U/L', locale)} (ULN ${formatQuantity(f.ulnUPerL, 'U/L', locale)})`,
    )
    .join(', ');

/** Sample day at local noon, in seconds (uPlot's time unit). */
const daySeconds = (isoDate: string) => new Date(`${isoDate}T12:00:00`).getTime() / 1000;

export function LiverSection({ patientId, tests, protocolKey }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { settings } = useBedside();
  const multiple = settings.liverUrgentUlnMultiple;
  const trend = useMemo(() => liverTrend(tests, (r) => r.payload, multiple), [tests, multiple]);

  const spec = useMemo<ChartSpec | null>(() => {
    if (!trend.ok || trend.value.length === 0) return null;
    const points = trend.value;
    const n = points.length;
    const first = points[0] as LiverTrendPoint<Test>;
    return {
      xKind: 'time',
      // Same-day panels are kept apart by one minute each, never merged.
      x: points.map((p, i) => daySeconds(p.sampledOn) + 60 * i),
      xLabel: t.liverX,
      yLabel: t.liverY,
      formatX: (x) =>
        format(new Date(x * 1000), 'd MMM yy', { locale: locale === 'nl-BE' ? nlBE : enGB }),
      formatY: (y) => `${formatNumber(y, locale, 1)}×`,
      series: [
        ...first.flags.map((f, i) => ({
          label: enzymeName(f, locale),
          values: points.map((p) => p.flags[i]?.multipleOfUln ?? null),
          color: COLORS[i] ?? '--accent',
        })),
        referenceLine(t.liverUln, 1, '--text-muted', n),
        referenceLine(fill(t.liverUrgentLine, { multiple }), multiple, '--urgent', n),
      ],
    };
  }, [trend, t, locale, multiple]);

  const latest = trend.ok ? trend.value.at(-1) : undefined;
  const date = latest ? formatDay(latest.sampledOn, locale) : '';
  return (
    <section className="card stack" aria-labelledby="history-liver">
      <h2 id="history-liver">{t.liverTitle}</h2>
      {!trend.ok ? (
        <p className="notice notice--warning" role="alert">
          {fill(t.liverCannotAssess, { message: errorText(trend.error, locale) })}
        </p>
      ) : null}
      {latest?.anyUrgent ? (
        <p className="notice notice--urgent" role="alert">
          <strong>
            ⚠{' '}
            {fill(t.liverUrgent, {
              date,
              multiple: formatNumber(multiple, locale),
              enzymes: enzymesText(latest.flags, (f) => f.urgent, locale),
            })}
          </strong>
        </p>
      ) : null}
      {latest?.anyNewElevation ? (
        <p className="notice notice--warning" role="alert">
          ⚠{' '}
          {fill(t.liverNew, {
            date,
            enzymes: enzymesText(latest.flags, (f) => f.newElevation, locale),
          })}
        </p>
      ) : latest?.anyElevated ? (
        <p className="notice notice--warning" role="status">
          {fill(t.liverStillElevated, {
            date,
            enzymes: enzymesText(latest.flags, (f) => f.elevated, locale),
          })}
        </p>
      ) : null}
      {tests.length === 0 ? <p>{t.liverEmpty}</p> : null}
      {trend.ok && trend.value.length > 0 ? (
        <ChartFigure
          title={t.liverChart}
          spec={spec}
          empty={t.liverEmpty}
          table={(id) => <LiverTable id={id} points={trend.value} multiple={multiple} />}
        />
      ) : null}
      {protocolKey === null ? (
        <p className="notice">{t.noCourseForLiver}</p>
      ) : (
        <LiverForm patientId={patientId} protocolKey={protocolKey} />
      )}
    </section>
  );
}
