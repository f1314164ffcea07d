/** What the report could not use, so a reader knows how complete the figures are. */
import type { RegistryReport } from '../../domain/registry/index.ts';
import { useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';

export function DataQualitySection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  const q = report.dataQuality;
  return (
    <section className="card stack" aria-labelledby="registry-data-quality">
      <h2 id="registry-data-quality">{t.dataTitle}</h2>
      <dl className="facts">
        <dt>{t.needReview}</dt>
        <dd>{q.patientsNeedingReview}</dd>
        <dt>{t.withoutPatient}</dt>
        <dd>{q.patientIdsWithoutPatientRecord.length}</dd>
        <dt>{t.afterAsOf}</dt>
        <dd>{q.recordsAfterAsOf}</dd>
      </dl>
    </section>
  );
}
