/**
 * Admin-only: load the synthetic demo center into this tablet (demo-load.ts), with progress.
 * Refuses to mix the demo in beside real patients unless the admin confirms it.
 */
import { useState } from 'react';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatNumber } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import type { PopulationCounts } from '../../ui/use-center-records.ts';
import { demoMessages } from './demo-messages.ts';
import { loadDemoCenter, type DemoLoadOutcome, type DemoProgress } from './demo-load.ts';

type Props = {
  readonly counts: PopulationCounts;
  /** Told while loading, so the figures wait instead of recomputing after every chunk. */
  readonly onBusyChange: (busy: boolean) => void;
};

export function DemoSection({ counts, onBusyChange }: Props) {
  const t = useMessages(demoMessages);
  const locale = usePreferences((s) => s.locale);
  const { db, actor, clock } = useBedside();
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const [outcome, setOutcome] = useState<DemoLoadOutcome | null>(null);
  const n = (v: number) => formatNumber(v, locale, 0);

  if (actor?.role !== 'admin') {
    return counts.synthetic > 0 ? null : <p className="field__hint">{t.adminOnly}</p>;
  }
  const busy = progress !== null;
  const blocked = counts.real > 0 && !confirmed;

  const load = async () => {
    setOutcome(null);
    onBusyChange(true);
    const result = await loadDemoCenter(db, { onProgress: setProgress, nowMs: clock.nowMs });
    setProgress(null);
    setOutcome(result);
    onBusyChange(false);
  };

  return (
    <section className="card stack registry-demo" aria-labelledby="registry-demo-title">
      <h2 id="registry-demo-title">{t.title}</h2>
      <p>{t.intro}</p>
      {counts.synthetic > 0 ? <p>{fill(t.loaded, { n: counts.synthetic })}</p> : null}
      {counts.real > 0 ? (
        <div className="notice notice--warning stack">
          <p>{fill(t.realPatients, { n: counts.real })}</p>
          <label className="row">
            <input
              type="checkbox"
              className="registry-checkbox"
              checked={confirmed}
              disabled={busy}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            {t.confirmReal}
          </label>
        </div>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy || blocked}
          onClick={() => void load()}
        >
          {counts.synthetic > 0 ? t.loadAgain : t.load}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {progress === null
          ? null
          : progress.phase === 'generating'
            ? t.generating
            : fill(t.writing, {
                done: n(progress.done),
                total: n(progress.total),
                percent: Math.floor((100 * progress.done) / Math.max(progress.total, 1)),
              })}
      </p>
      {outcome === null ? null : outcome.ok ? (
        <p className="notice notice--ok" role="status">
          {fill(t.done, {
            patients: outcome.patients,
            written: n(outcome.written),
            already: n(outcome.alreadyThere),
            seconds: formatNumber(outcome.ms / 1000, locale, 1, 1),
          })}
        </p>
      ) : (
        <p className="notice notice--urgent" role="alert">
          {fill(t.failed, { message: errorText(outcome.error, locale) })}
        </p>
      )}
    </section>
  );
}
