/**
 * The patient list: newest activity first, search by center patient number prefix
 * (case-insensitive, pseudonymous), read live from the patient index so a save anywhere shows
 * here at once. Shows PAGE_SIZE rows and more on request, so opening it stays fast with
 * hundreds of patients.
 */
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listPatients, type PatientListItem } from '../../db/patient-index.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useErrorText, useMessages, type ErrorTexts } from '../../ui/i18n.ts';
import { useNow } from '../../ui/use-now.ts';
import { messages } from './messages.ts';
import { PatientRow } from './patient-row.tsx';
import { TextField } from '../../ui/text-field.tsx';
import './patients.css';

export const PAGE_SIZE = 50;

type Props = {
  readonly onOpenPatient: (patientId: string) => void;
  readonly onRegister: () => void;
};

type ListResult =
  | { readonly ok: true; readonly items: readonly PatientListItem[] }
  | { readonly ok: false; readonly error: ErrorTexts };

export function PatientListScreen({ onOpenPatient, onRegister }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { db } = useBedside();
  const today = format(useNow(60_000), 'yyyy-MM-dd');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const query = search.trim();
  const result = useLiveQuery(
    // One more than shown, to know whether "show more" is needed.
    () =>
      listPatients(db, { search: query, limit: limit + 1 }).then(
        (items): ListResult => ({ ok: true, items }),
        (error: unknown): ListResult => ({
          ok: false,
          error: error instanceof Error ? error : { message: String(error) },
        }),
      ),
    [db, query, limit],
  );
  const items = result?.ok ? result.items.slice(0, limit) : [];
  const more = result?.ok === true && result.items.length > limit;

  return (
    <section className="stack" aria-labelledby="patients-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1 id="patients-title">{t.listTitle}</h1>
        <button type="button" className="btn btn--primary btn--large" onClick={onRegister}>
          {t.register}
        </button>
      </div>
      <TextField
        type="search"
        identifier
        label={t.search}
        hint={t.searchHint}
        value={search}
        maxLength={40}
        onChange={(s) => {
          setSearch(s);
          setLimit(PAGE_SIZE);
        }}
      />
      {result === undefined ? <p role="status">{t.loading}</p> : null}
      {result?.ok === false ? (
        <p className="notice notice--urgent" role="alert">
          {fill(t.listError, { message: errText(result.error) })}
        </p>
      ) : null}
      {result?.ok && items.length === 0 ? (
        <p className="notice" role="status">
          {query === '' ? t.emptyList : fill(t.emptySearch, { search: query })}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="patient-list" aria-labelledby="patients-title">
          {items.map((item) => (
            <PatientRow key={item.patientId} item={item} today={today} onOpen={onOpenPatient} />
          ))}
        </ul>
      ) : null}
      {more ? (
        <button
          type="button"
          className="btn btn--large"
          onClick={() => setLimit((l) => l + PAGE_SIZE)}
        >
          {t.showMore}
        </button>
      ) : null}
    </section>
  );
}
