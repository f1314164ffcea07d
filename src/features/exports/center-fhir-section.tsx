/** The center's FHIR bundle: prepared on request in the background, checked, then offered. */
import { useState } from 'react';
import { useBedside } from '../../ui/bedside-context.tsx';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { failedTask, type FhirOutcome } from './export-files.ts';
import { FhirSummary } from './fhir-summary.tsx';
import { messages } from './messages.ts';
import type { ReadySnapshot } from './use-exports-snapshot.ts';

type Props = {
  readonly snapshot: ReadySnapshot;
  /** The selected patients: the bundle holds their records only. */
  readonly patientIds: readonly string[];
  readonly fileName: string;
};

export function CenterFhirSection({ snapshot, patientIds, fileName }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { clock } = useBedside();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FhirOutcome | null>(null);
  const prepare = async () => {
    setBusy(true);
    setOutcome(null);
    setOutcome(await snapshot.client.centerFhir(patientIds, clock.nowIso()).catch(failedTask));
    setBusy(false);
  };
  return (
    <section className="card stack" aria-labelledby="exports-center-fhir">
      <h2 id="exports-center-fhir">{t.centerTitle}</h2>
      <p className="field__hint">{t.centerHint}</p>
      <div className="row">
        <button type="button" className="btn" disabled={busy} onClick={() => void prepare()}>
          {outcome === null ? t.prepare : t.prepareAgain}
        </button>
      </div>
      <p role="status">{busy ? t.preparing : null}</p>
      {outcome === null ? null : outcome.ok ? (
        <FhirSummary file={outcome.file} fileName={fileName} />
      ) : (
        <p className="notice notice--urgent" role="alert">
          {t.fhirFailed} {errText(outcome.error)}
        </p>
      )}
    </section>
  );
}
