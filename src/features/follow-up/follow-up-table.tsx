/**
 * One follow-up list as a titled card with a table: the patient number, what is due and since
 * when, and a large button that opens the patient. Empty lists say so in words.
 */
import { useId, type ReactNode } from 'react';
import { fill, useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';
import './follow-up.css';

export type FollowUpTableRow = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  /** One cell per column header, in order. */
  readonly cells: readonly ReactNode[];
  readonly urgent?: boolean;
};

type Props = {
  readonly title: string;
  readonly hint?: string;
  readonly columns: readonly string[];
  readonly rows: readonly FollowUpTableRow[];
  readonly onOpenPatient: (patientId: string) => void;
};

export function FollowUpTable({ title, hint, columns, rows, onOpenPatient }: Props) {
  const t = useMessages(messages);
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="badge">{rows.length}</span>
      </h2>
      {hint ? <p className="field__hint follow-up-hint">{hint}</p> : null}
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="data follow-up-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t.colPatient}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t.colOpen}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.patientId}>
                <th scope="row">
                  {r.urgent ? <span aria-hidden="true">⚠ </span> : null}
                  {r.centerPatientNumber}
                </th>
                {r.cells.map((c, i) => (
                  <td key={columns[i] ?? i}>{c}</td>
                ))}
                <td>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onOpenPatient(r.patientId)}
                    aria-label={fill(t.openPatient, { number: r.centerPatientNumber })}
                  >
                    {t.colOpen} →
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
