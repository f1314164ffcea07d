/**
 * What a FHIR file holds before it is downloaded: resources by type, size, and the result of
 * the structural check. A bundle that fails the check is not offered for download.
 */
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { downloadBlob } from './download.ts';
import type { FhirFile } from './export-files.ts';
import { messages } from './messages.ts';

export function sizeText(bytes: number, locale: Locale): string {
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 1)}\u00a0kB`;
  return `${formatNumber(bytes / (1024 * 1024), locale, 1)}\u00a0MB`;
}

type Props = { readonly file: FhirFile; readonly fileName: string };

export function FhirSummary({ file, fileName }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const valid = file.problemCount === 0;
  return (
    <div className="stack">
      <p>
        {fill(t.resources, {
          n: formatNumber(file.total, locale, 0),
          size: sizeText(file.bytes, locale),
        })}{' '}
        {fill(t.madeAt, { at: formatDateTime(file.generatedAt, locale) })}
      </p>
      <table className="data exports-resources">
        <thead>
          <tr>
            <th scope="col">{t.resourceType}</th>
            <th scope="col" className="num">
              {t.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {file.resources.map(([type, n]) => (
            <tr key={type}>
              <th scope="row">{type}</th>
              <td className="num">{formatNumber(n, locale, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {valid ? (
        <p className="notice notice--ok" role="status">
          {t.valid}
        </p>
      ) : (
        <div className="notice notice--urgent" role="alert">
          <p>{fill(t.invalid, { n: file.problemCount })}</p>
          <ul lang="en">
            {file.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {valid ? (
        <div className="row">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => downloadBlob(file.blob, fileName)}
          >
            {fill(t.download, { file: fileName })}
          </button>
        </div>
      ) : null}
    </div>
  );
}
