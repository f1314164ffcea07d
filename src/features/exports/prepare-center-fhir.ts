/**
 * Runs the center bundle in a Web Worker (fhir-worker.ts); where there are no workers (the
 * component tests' jsdom) it runs the same function on the page.
 */
import type { ClinicalRecord } from '../../domain/records.ts';
import { centerFhirFile, type FhirOutcome } from './export-files.ts';
import type { FhirWorkerRequest } from './fhir-worker.ts';

export function prepareCenterFhir(
  records: readonly ClinicalRecord[],
  generatedAt: string,
): Promise<FhirOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(centerFhirFile(records, generatedAt));
  return new Promise<FhirOutcome>((resolve) => {
    const worker = new Worker(new URL('./fhir-worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: FhirOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<FhirOutcome>) => finish(event.data);
    worker.onerror = (event) =>
      finish({
        ok: false,
        error: {
          message: `${event.message || 'The background task stopped'}. Nothing was downloaded; try again, and if it keeps failing, call support.`,
          messageNl: `${event.message || 'De achtergrondtaak stopte'}. Er werd niets gedownload; probeer opnieuw, en als het blijft mislukken, bel dan support.`,
        },
      });
    const request: FhirWorkerRequest = { records, generatedAt };
    worker.postMessage(request);
  });
}
