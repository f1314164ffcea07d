/**
 * Name-based UUIDs (UUIDv5, RFC 9562 section 5.5: SHA-1 of namespace + name) for FHIR
 * resources that are not one record but derived from one: the four liver Observations of one
 * liver-test record, the propofol MedicationAdministration of a session, a Provenance. The
 * same record always gives the same UUID, so a re-export replaces rather than duplicates a
 * resource at the receiver, and a derived UUID cannot collide with a record id (those are
 * UUIDv7). SHA-1 is used here only as RFC 9562 prescribes for v5, not for security.
 *
 * A center export derives ~100,000 ids: the name is written as UTF-8 straight into the hash's
 * scratch buffer (sha1.ts) and the UUID string is made in one piece, so nothing is allocated
 * per id but the id itself.
 */

import { digest, hashBuffer, hashByte, paddedLength } from './sha1.ts';

export { sha1 } from './sha1.ts';

/**
 * Writes the UTF-8 bytes of `s` into `buf` from `at`; returns the end. A lone surrogate is
 * written as the 3 bytes of its code point (as this module always has: the ids it derives
 * must not change). `buf` needs room for 3 bytes per UTF-16 code unit.
 */
function writeUtf8(s: string, buf: Uint8Array, at: number): number {
  let o = at;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[o++] = c;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      buf[o++] = 0xc0 | (c >> 6);
      buf[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      buf[o++] = 0xe0 | (c >> 12);
      buf[o++] = 0x80 | ((c >> 6) & 0x3f);
      buf[o++] = 0x80 | (c & 0x3f);
    } else {
      buf[o++] = 0xf0 | (c >> 18);
      buf[o++] = 0x80 | ((c >> 12) & 0x3f);
      buf[o++] = 0x80 | ((c >> 6) & 0x3f);
      buf[o++] = 0x80 | (c & 0x3f);
    }
  }
  return o;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Namespace bytes, parsed once per namespace (exports derive many ids in one namespace).
const namespaces = new Map<string, Uint8Array>();
function namespaceBytes(namespace: string): Uint8Array {
  let bytes = namespaces.get(namespace);
  if (bytes === undefined) {
    if (!UUID.test(namespace))
      throw new RangeError(`namespace must be a lower-case UUID, got ${namespace}`);
    bytes = Uint8Array.from(namespace.replaceAll('-', '').match(/../g) ?? [], (b) =>
      parseInt(b, 16),
    );
    namespaces.set(namespace, bytes);
  }
  return bytes;
}

// The UUID's characters as char codes, turned into one flat string at once: concatenating 36
// characters piece by piece would keep a tree of ~20 partial strings per id alive.
const CHARS: number[] = Array.from({ length: 36 }, () => 0x2d); // '-' at 8, 13, 18, 23 stay
const hexCode = (nibble: number) => nibble + (nibble < 10 ? 0x30 : 0x57);

/** The digest in H as a version 5, RFC variant UUID string (RFC 9562 section 5.5). */
function formatUuid(): string {
  for (let i = 0, at = 0; i < 16; i++, at++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) at++;
    let byte = hashByte(i);
    if (i === 6) byte = (byte & 0x0f) | 0x50; // version 5
    if (i === 8) byte = (byte & 0x3f) | 0x80; // variant 0b10
    CHARS[at++] = hexCode(byte >> 4);
    CHARS[at] = hexCode(byte & 0x0f);
  }
  return String.fromCharCode(...CHARS);
}

/** UUIDv5 of the name `name`, or `name/purpose` (written without building that string). */
function v5(ns: Uint8Array, name: string, purpose: string | null): string {
  const buf = hashBuffer(paddedLength(17 + 3 * (name.length + (purpose?.length ?? 0))));
  buf.set(ns);
  let end = writeUtf8(name, buf, 16);
  if (purpose !== null) {
    buf[end++] = 0x2f; // '/'
    end = writeUtf8(purpose, buf, end);
  }
  digest(buf, end);
  return formatUuid();
}

/** UUIDv5 of `name` in `namespace` (a lower-case UUID). Throws on a malformed namespace (a programming error). */
export const uuidV5 = (namespace: string, name: string): string =>
  v5(namespaceBytes(namespace), name, null);

/**
 * This app's namespace for derived export ids: itself the UUIDv5 of "urn:kit:fhir-export" in
 * the RFC 9562 URL namespace (6ba7b811-...), so anyone can recompute it.
 */
export const KIT_EXPORT_NAMESPACE = uuidV5(
  '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  'urn:kit:fhir-export',
);

const KIT_NAMESPACE_BYTES = namespaceBytes(KIT_EXPORT_NAMESPACE);

/** Deterministic id of the resource `purpose` derived from record `recordId` (e.g. "alt"). */
export const derivedId = (recordId: string, purpose: string) =>
  v5(KIT_NAMESPACE_BYTES, recordId, purpose);
