/**
 * Builds and checks the center's FHIR bundle off the main thread: for a five-year center it is
 * ~100,000 resources and ~100 MB of JSON, seconds of work the screen must not freeze for.
 * The Blob comes back to the page by reference (structured clone), not copied as text.
 */
import type { ClinicalRecord } from '../../domain/records.ts';
import { centerFhirFile } from './export-files.ts';

export type FhirWorkerRequest = {
  readonly records: readonly ClinicalRecord[];
  readonly generatedAt: string;
};

self.onmessage = (event: MessageEvent<FhirWorkerRequest>) => {
  const { records, generatedAt } = event.data;
  self.postMessage(centerFhirFile(records, generatedAt));
};
