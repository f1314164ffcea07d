/**
 * The codebook of the two CSV files: one row per variable with its file, name, label, type,
 * UCUM unit and allowed values. Generated from the same column definitions that write the
 * files (patient-columns.ts, session-columns.ts), so it always matches them.
 */
import { COLUMN_TYPES, codes, renderTable, type ExportColumn } from './columns.ts';
import { PATIENT_COLUMNS } from './patient-columns.ts';
import { SESSION_COLUMNS } from './session-columns.ts';

export const PATIENTS_FILE = 'patients.csv';
export const SESSIONS_FILE = 'sessions.csv';
export const CODEBOOK_FILE = 'codebook.csv';

type CodebookRow = { readonly file: string; readonly column: ExportColumn<never> };

const CODEBOOK_COLUMNS: readonly ExportColumn<CodebookRow>[] = [
  {
    name: 'file',
    label: 'Data file the variable is in',
    type: 'code',
    unit: '',
    allowed: `${PATIENTS_FILE}; ${SESSIONS_FILE}`,
    value: (r) => r.file,
  },
  {
    name: 'variable',
    label: 'Variable (column) name',
    type: 'text',
    unit: '',
    allowed: 'letters, digits and _',
    value: (r) => r.column.name,
  },
  {
    name: 'label',
    label: 'What the variable means',
    type: 'text',
    unit: '',
    allowed: 'text',
    value: (r) => r.column.label,
  },
  {
    name: 'type',
    label: 'Type',
    type: 'code',
    unit: '',
    allowed: codes(COLUMN_TYPES),
    value: (r) => r.column.type,
  },
  {
    name: 'unit',
    label: 'UCUM unit (empty = none)',
    type: 'code',
    unit: '',
    allowed: 'UCUM code',
    value: (r) => r.column.unit,
  },
  {
    name: 'allowed_values',
    label: 'Allowed values and the meaning of an empty cell',
    type: 'text',
    unit: '',
    allowed: 'text',
    value: (r) => r.column.allowed,
  },
];

/** Every variable of both files, in file column order. */
export const codebookRows = (): readonly CodebookRow[] => [
  ...PATIENT_COLUMNS.map((column) => ({ file: PATIENTS_FILE, column })),
  ...SESSION_COLUMNS.map((column) => ({ file: SESSIONS_FILE, column })),
];

/** The codebook as CSV (same format as the data files). */
export function codebookCsv(): string {
  return renderTable(CODEBOOK_COLUMNS, codebookRows());
}
