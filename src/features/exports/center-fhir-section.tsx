/** The center's FHIR bundle: prepared on request in the background, checked, then offered. */
import { useState } from 'react';
import type { ClinicalRecord } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import type { FhirOutcome } from './export-files.ts';
import { FhirSummary } from './fhir-summary.tsx';
import { messages } from './messages.ts';
import { prepareCenterFhir } from './prepare-center-fhir.ts';

type Props = {
  /** The records of the selected patients only. */
  readonly records: readonly ClinicalRecord[];
  readonly fileName: string;
};

export function CenterFhirSection({ records, fileName }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { clock } = useBedside();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FhirOutcome | null>(null);
  const prepare = async () => {
    setBusy(true);
    setOutcome(null);
    setOutcome(await prepareCenterFhir(records, clock.nowIso()));
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
