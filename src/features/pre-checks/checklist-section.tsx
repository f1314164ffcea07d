/**
 * The pre-infusion checklist (protocol.md section 4 step 2, section 3 monitoring and room) as
 * large toggles. Each tap writes one `checklist-item` record at once (ticked or unticked; the
 * latest counts); what the toggle shows is what is stored, read back from IndexedDB.
 */
import { useState, type ReactNode } from 'react';
import type { RecordOfKind } from '../../domain/records.ts';
import { PRE_INFUSION_CHECKLIST, type ChecklistItem } from '../../domain/records/session.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { LiverStatus } from './liver-status.tsx';
import type { PreChecksMessages } from './messages.ts';
import {
  ContraindicationList,
  EligibilityCriteria,
  screeningProblems,
  type Screening,
} from './screening-details.tsx';
import { ownerOf, writeContextOf, type SessionRecord } from './session-write.ts';

type PreInfusionItem = (typeof PRE_INFUSION_CHECKLIST)[number];

type Props = {
  readonly state: SessionState;
  readonly session: SessionRecord;
  readonly patientNumber: string;
  readonly screening: Screening | null;
  readonly liverTests: readonly RecordOfKind<'liver-test'>[];
  readonly courseStartDate: string | null;
  readonly now: Date;
  readonly t: PreChecksMessages;
  readonly locale: Locale;
};

export function ChecklistSection(props: Props) {
  const { state, session, screening, t, locale } = props;
  const { writer, actor, staff } = useBedside();
  const save = useSave();
  const [busy, setBusy] = useState<ChecklistItem | null>(null);
  const problems = screeningProblems(screening, staff);

  // Ticking (never unticking) is refused while the screening does not allow the session.
  const blocked: Partial<Record<PreInfusionItem, boolean>> = {
    'eligibility-reconfirmed': problems.missing || problems.criteriaNotMet,
    'contraindications-checked':
      problems.missing || problems.needsDecision || problems.decidedNotToProceed,
  };

  const details: Partial<Record<PreInfusionItem, ReactNode>> = {
    'identity-confirmed': (
      <p className="field__hint">
        {fill(t['hint.identity-confirmed'], { number: props.patientNumber })}
      </p>
    ),
    'eligibility-reconfirmed': (
      <EligibilityCriteria screening={screening} t={t} locale={locale} staff={staff} />
    ),
    'contraindications-checked': (
      <ContraindicationList screening={screening} t={t} locale={locale} staff={staff} />
    ),
    'escort-arranged': <p className="field__hint">{t['hint.escort-arranged']}</p>,
    'liver-tests-checked': (
      <LiverStatus
        liverTests={props.liverTests}
        courseStartDate={props.courseStartDate}
        intervalMonths={session.payload.protocolSnapshot.liverTestIntervalMonths}
        now={props.now}
        t={t}
        locale={locale}
      />
    ),
    'urinary-symptoms-asked': <p className="field__hint">{t['hint.urinary-symptoms-asked']}</p>,
    'dedicated-line': <p className="field__hint">{t['hint.dedicated-line']}</p>,
  };

  const toggle = async (item: ChecklistItem, checked: boolean) => {
    if (!actor) return;
    setBusy(item);
    await save.run(() =>
      writer.write(
        'checklist-item',
        ownerOf(session),
        { item, checked },
        writeContextOf(actor, session),
      ),
    );
    setBusy(null);
  };

  return (
    <section className="card stack" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t.checklistTitle}</h2>
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {PRE_INFUSION_CHECKLIST.map((item) => {
          const checked = state.checklist.items[item]?.payload.checked === true;
          const disabled = !actor || busy !== null || (!checked && blocked[item] === true);
          return (
            <li key={item} className="stack" style={{ gap: '0.4rem' }}>
              <label
                className="choice choice--block btn--large"
                data-checked={checked || undefined}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={disabled}
                  onChange={() => void toggle(item, !checked)}
                />
                <span>{t[`item.${item}`]}</span>
                <span className={`badge${checked ? ' badge--ok' : ''}`} aria-hidden="true">
                  {checked ? `✓ ${t.done}` : t.notDone}
                </span>
              </label>
              {details[item] ?? null}
            </li>
          );
        })}
      </ul>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </section>
  );
}
