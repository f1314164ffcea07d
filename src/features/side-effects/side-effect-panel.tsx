/**
 * Side effects during the session (protocol.md section 4): one big button opens the catalog,
 * a tile opens the capture form with the catalog's suggestions, and this session's side
 * effects are listed below (the session timeline reads the same records). The form is kept
 * as a draft, so a reload returns to the side effect being captured with everything typed.
 * Pump events are not written from here (see pending-action.ts): a reminder points to the
 * infusion controls until the decided pause, rate change or stop is recorded there.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatTime } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { useSessionWrite } from '../../ui/use-session-write.ts';
import { emptyCapture, type CaptureForm } from './capture.ts';
import { CatalogTiles } from './catalog-tiles.tsx';
import { messages } from './messages.ts';
import { pendingInfusionAction } from './pending-action.ts';
import { SideEffectForm } from './side-effect-form.tsx';
import { SideEffectList } from './side-effect-list.tsx';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  /** Changes each time the nurse asks for the panel from elsewhere (portrait button). */
  readonly openRequest?: number;
};

export function SideEffectPanel({ patientId, sessionId, openRequest = 0 }: Props) {
  const t = useMessages(messages);
  const view = usePatientView(patientId, sessionId);
  const state = view?.session ?? null;
  if (view === undefined) return <p role="status">{t.loading}</p>;
  if (state?.session == null) {
    return (
      <p className="notice notice--urgent" role="alert">
        {t.sessionMissing}
      </p>
    );
  }
  const sessionStart =
    view?.records.find((r: ClinicalRecord) => r.id === sessionId)?.clinicalTime ??
    state.session.clinicalTime;
  return (
    <Panel
      sessionId={sessionId}
      state={state}
      session={state.session}
      sessionStart={sessionStart}
      openRequest={openRequest}
    />
  );
}

type PanelProps = {
  readonly sessionId: string;
  readonly state: SessionState;
  readonly session: RecordOfKind<'session'>;
  readonly sessionStart: string;
  readonly openRequest: number;
};

function Panel({ sessionId, state, session, sessionStart, openRequest }: PanelProps) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor } = useBedside();
  const write = useSessionWrite(session, sessionId);
  const draft = useFormDraft<CaptureForm>(
    'side-effect',
    sessionId,
    emptyCapture(actor?.staffId ?? ''),
  );
  const [catalogOpen, setCatalogOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const patch = (p: Partial<CaptureForm>) => draft.set((old) => ({ ...old, ...p }));
  const pending = pendingInfusionAction(
    state.sideEffects,
    state.infusionEvents,
    state.infusion.status,
  );
  const reminder = { paused: t.remindPause, stopped: t.remindStop, 'rate-changed': t.remindRate };
  const capturing = draft.value.effect !== '';
  const heading = useRef<HTMLHeadingElement>(null);

  // Asked for from elsewhere: show the panel with its catalog open (or the side effect being
  // captured) and move the focus to it, so the next tap picks the side effect.
  useEffect(() => {
    if (openRequest === 0) return;
    setSaved(false);
    setCatalogOpen(true);
    heading.current?.scrollIntoView({ block: 'start', behavior: 'auto' });
    heading.current?.focus();
  }, [openRequest]);

  return (
    <section className="card stack" aria-labelledby="se-title">
      <h2 id="se-title" ref={heading} tabIndex={-1}>
        {t.title}
      </h2>
      {write === null ? (
        <p className="notice notice--warning" role="alert">
          {t.noActor}
        </p>
      ) : null}
      {pending ? (
        <p className="notice notice--warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {reminder[pending.action]}
        </p>
      ) : null}
      {!capturing && !catalogOpen ? (
        <button
          type="button"
          className="btn btn--primary btn--large"
          disabled={write === null}
          onClick={() => {
            setSaved(false);
            setCatalogOpen(true);
          }}
        >
          {t.open}
        </button>
      ) : null}
      {!capturing && catalogOpen ? (
        <CatalogTiles
          onPick={(id) => {
            setCatalogOpen(false);
            patch({ effect: id });
          }}
          onCancel={() => setCatalogOpen(false)}
        />
      ) : null}
      {capturing ? (
        <SideEffectForm
          form={draft.value}
          patch={patch}
          sessionStart={sessionStart}
          sessionStartLabel={formatTime(sessionStart, locale)}
          write={write}
          onSaved={() => {
            draft.clear();
            setSaved(true);
          }}
          onCancel={() => draft.clear()}
        />
      ) : null}
      {saved ? (
        <p className="badge badge--ok" role="status">
          ✓ {t.savedSideEffect}
        </p>
      ) : null}
      <h3>{t.listTitle}</h3>
      <SideEffectList sideEffects={state.sideEffects} drugs={state.drugs} />
    </section>
  );
}
