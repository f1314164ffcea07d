/**
 * Public API of the research and interchange exports (issue 5 "Exports"; protocol.md
 * sections 8-9). Pure: time comes in (`asOf`, `generatedAt`); the same records always give
 * the same files. Works on the tablet's records and on the server's synced records alike.
 */
export {
  CRLF,
  UTF8_BOM,
  csvField,
  guardFormula,
  plainNumber,
  toCsv,
  withBom,
  type CellValue,
} from './csv.ts';
export { COLUMN_TYPES, LIST_SEPARATOR, type ColumnType, type ExportColumn } from './columns.ts';
export { PATIENT_COLUMNS, type PatientExportRow } from './patient-columns.ts';
export { SESSION_COLUMNS, type SessionExportRow } from './session-columns.ts';
export {
  patientExportRows,
  patientsCsv,
  type CsvExportOptions,
  type ExportPopulation,
} from './patients-csv.ts';
export { sessionExportRows, sessionsCsv } from './sessions-csv.ts';
export {
  CODEBOOK_FILE,
  PATIENTS_FILE,
  SESSIONS_FILE,
  codebookCsv,
  codebookRows,
} from './codebook.ts';
export {
  centerBundle,
  patientBundle,
  type ExportBundle,
  type FhirExportOptions,
} from './fhir-bundle.ts';
export { validateBundleStructure, type BundleProblem } from './fhir-validate.ts';
export {
  LOCAL_CODE,
  LOINC,
  SNOMED_FINDING,
  SNOMED_ROUTE,
  SNOMED_SUBSTANCE,
  SYSTEM,
} from './fhir-codes.ts';
export { EXTENSION } from './fhir-session.ts';
