/**
 * Effectiveness among per-protocol patients: favorable share, course categories, mean pain
 * reduction with its 95 % CI, baseline NRS, and the logistic regression on baseline NRS (with
 * the domain's message when it cannot be estimated, e.g. separation).
 */
import {
  COURSE_CATEGORIES,
  type CourseCategories,
  type NrsOddsRatio,
  type RegistryReport,
} from '../../domain/registry/index.ts';
import type { MeanConfidenceInterval, Summary } from '../../domain/stats/index.ts';
import { fill, useMessages, useShownText } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { FigureView } from './figure-view.tsx';
import { fixed, percentText, plain, pValueText } from './format-stats.ts';
import { CountTable } from './count-table.tsx';
import { messages } from './messages.ts';

export function EffectivenessSection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const e = report.effectiveness;
  return (
    <section className="card stack" aria-labelledby="registry-effectiveness">
      <h2 id="registry-effectiveness">{t.effectivenessTitle}</h2>
      <div className="grid-2">
        <FigureView title={t.favorable} figure={e.favorable}>
          {(f) => (
            <p className="registry-headline">
              {fill(t.favorableValue, {
                count: f.count,
                total: f.total,
                percent: percentText(f.percent, locale),
              })}
            </p>
          )}
        </FigureView>
        <FigureView title={t.painReductionTitle} figure={e.painReductionPercent}>
          {(ci) => <PainReduction ci={ci} />}
        </FigureView>
      </div>
      <FigureView title={t.categoriesTitle} figure={e.courseCategories}>
        {(c) => <CategoryTable categories={c} />}
      </FigureView>
      <div className="grid-2">
        <FigureView title={t.baselineTitle} figure={e.baselineNrs}>
          {(s) => <NrsFacts summary={s} />}
        </FigureView>
        <FigureView title={t.logisticTitle} figure={e.nrsLogisticRegression}>
          {(or) => <OddsRatio or={or} />}
        </FigureView>
      </div>
    </section>
  );
}

function PainReduction({ ci }: { readonly ci: MeanConfidenceInterval }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const pct = (v: number) => `${fixed(v, 2, locale)}\u00a0%`;
  return (
    <dl className="facts">
      <dt>{t.mean}</dt>
      <dd className="registry-headline">{pct(ci.mean)}</dd>
      <dt>{t.ci95}</dt>
      <dd>{fill(t.ciValue, { lower: pct(ci.lower), upper: pct(ci.upper) })}</dd>
    </dl>
  );
}

function CategoryTable({ categories }: { readonly categories: CourseCategories }) {
  const t = useMessages(messages);
  const rows = COURSE_CATEGORIES.map((c) => ({ key: c, label: t[c], ...categories[c] }));
  return <CountTable heading={t.category} countHeading={t.patients} rows={rows} />;
}

function NrsFacts({ summary }: { readonly summary: Summary }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <dl className="facts">
      <dt>{t.median}</dt>
      <dd>{plain(summary.median, locale)}</dd>
      <dt>{t.iqr}</dt>
      <dd>
        {fill(t.ciValue, { lower: plain(summary.q1, locale), upper: plain(summary.q3, locale) })}
      </dd>
    </dl>
  );
}

function OddsRatio({ or }: { readonly or: NrsOddsRatio }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const shown = useShownText();
  return (
    <>
      <dl className="facts">
        <dt>{t.oddsRatio}</dt>
        <dd>{fixed(or.oddsRatio, 3, locale)}</dd>
        <dt>{t.ci95}</dt>
        <dd>
          {fill(t.ciValue, {
            lower: fixed(or.lower, 3, locale),
            upper: fixed(or.upper, 3, locale),
          })}
        </dd>
        <dt>{t.waldP}</dt>
        <dd>{pValueText(or.pValue, locale)}</dd>
        <dt>{t.events}</dt>
        <dd>{or.events}</dd>
      </dl>
      {or.warnings.map((w) => {
        const { text, lang } = shown(w);
        return (
          <p key={w.message} className="notice notice--warning" lang={lang}>
            {text}
          </p>
        );
      })}
    </>
  );
}
