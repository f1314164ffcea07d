/**
 * A FHIR Bundle as a stream of JSON text, entry by entry. The center bundle of the 74-patient
 * demo is about 110 MB of JSON and a 500-patient center would pass V8's largest string
 * (~512 MiB), so it is never built as one string. The bytes are exactly
 * `JSON.stringify(bundle)`'s: the bundle's own fields in their order, `entry` written last
 * (domain/exports/fhir-bundle.ts puts it last too; json-stream.test.ts checks equality).
 */
import { Readable } from 'node:stream';
import type { ExportBundle } from '../../../src/domain/exports/index.ts';

/** Text is handed on in pieces of about this many characters (fewer, larger writes). */
const CHUNK_CHARS = 256 * 1024;

function* bundleText(bundle: ExportBundle): Generator<string> {
  const { entry, ...head } = bundle;
  const headJson = JSON.stringify(head);
  if (entry === undefined) {
    yield headJson;
    return;
  }
  // `{...}` without its closing brace, then `"entry":[` (a comma only if head has fields).
  const open = headJson === '{}' ? '{' : `${headJson.slice(0, -1)},`;
  let buffer = `${open}"entry":[`;
  for (const [i, e] of entry.entries()) {
    buffer += (i === 0 ? '' : ',') + JSON.stringify(e);
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
}

/** A readable stream of the bundle's JSON text (UTF-8). */
export const bundleStream = (bundle: ExportBundle): Readable =>
  Readable.from(bundleText(bundle), { objectMode: false });
