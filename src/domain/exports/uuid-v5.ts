/**
 * Name-based UUIDs (UUIDv5, RFC 9562 section 5.5: SHA-1 of namespace + name) for FHIR
 * resources that are not one record but derived from one: the four liver Observations of one
 * liver-test record, the propofol MedicationAdministration of a session, a Provenance. The
 * same record always gives the same UUID, so a re-export replaces rather than duplicates a
 * resource at the receiver, and a derived UUID cannot collide with a record id (those are
 * UUIDv7). SHA-1 is used here only as RFC 9562 prescribes for v5, not for security.
 *
 * Written out (about 40 lines) because the domain is synchronous and dependency-free: Web
 * Crypto's digest is async and node:crypto does not exist in the browser.
 */

/** UTF-8 bytes of `s` (written out: TextEncoder is slow in some test environments). */
function utf8(s: string): Uint8Array {
  const ascii = new Uint8Array(s.length);
  let i = 0;
  for (; i < s.length && s.charCodeAt(i) < 0x80; i++) ascii[i] = s.charCodeAt(i);
  if (i === s.length) return ascii; // the usual case: ids and purposes are ASCII
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else
      out.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f),
      );
  }
  return Uint8Array.from(out);
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

// Message schedule, reused between calls (sha1 is synchronous, so this is never shared).
const W = new Uint32Array(80);

/** SHA-1 (FIPS 180-4) of `data`: 20 bytes. */
export function sha1(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array((((data.length + 8) >> 6) + 1) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = W;
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++)
      w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20
          ? (b & c) | (~b & d)
          : i < 40
            ? b ^ c ^ d
            : i < 60
              ? (b & c) | (b & d) | (c & d)
              : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h[0] = ((h[0] ?? 0) + a) >>> 0;
    h[1] = ((h[1] ?? 0) + b) >>> 0;
    h[2] = ((h[2] ?? 0) + c) >>> 0;
    h[3] = ((h[3] ?? 0) + d) >>> 0;
    h[4] = ((h[4] ?? 0) + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((x, i) => outView.setUint32(i * 4, x));
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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

/** UUIDv5 of `name` in `namespace` (a lower-case UUID). Throws on a malformed namespace (a programming error). */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespaceBytes(namespace);
  const n = utf8(name);
  const input = new Uint8Array(ns.length + n.length);
  input.set(ns);
  input.set(n, ns.length);
  const h = sha1(input);
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50; // version 5
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80; // variant 0b10
  let hex = '';
  for (let i = 0; i < 16; i++)
    hex += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[h[i] ?? 0];
  return hex;
}

/**
 * This app's namespace for derived export ids: itself the UUIDv5 of "urn:kit:fhir-export" in
 * the RFC 9562 URL namespace (6ba7b811-...), so anyone can recompute it.
 */
export const KIT_EXPORT_NAMESPACE = uuidV5(
  '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  'urn:kit:fhir-export',
);

/** Deterministic id of the resource `purpose` derived from record `recordId` (e.g. "alt"). */
export const derivedId = (recordId: string, purpose: string) =>
  uuidV5(KIT_EXPORT_NAMESPACE, `${recordId}/${purpose}`);
