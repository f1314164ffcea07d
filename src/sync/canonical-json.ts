/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit) at every level, no whitespace,
 * undefined members left out. It is what "same content" means for a record, on the server
 * (content hash, server/src/sync/canonical.ts) and on the tablet (a pulled copy of a record it
 * already holds), so both tell "same record" from "same id, different content" the same way.
 * Pure: the server adds the hash, with node:crypto.
 */

/**
 * Written as loops appending to one string: it runs on every pushed record, and a
 * map/filter/join version spent more time allocating than formatting (bench/server/push.ts).
 * Not JSON.stringify with a key-sorting replacer: an object's integer-like keys ("9", "10")
 * always come out in numeric order whatever order they were inserted in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      text += canonicalJson(value[i]);
    }
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const child = object[key];
    if (child === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(child)}`;
  }
  return `${text}}`;
}

/**
 * True when JSON.stringify(value) already is its canonical JSON: every object's keys come in
 * sorted order and no member is undefined. Tablets push records in that order (withSortedKeys),
 * so the server checks instead of rebuilding the text.
 */
export function isCanonicallyOrdered(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined;
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonicallyOrdered(item)) return false;
    return true;
  }
  const object = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in object) {
    if (previous !== null && !(previous < key)) return false;
    if (!isCanonicallyOrdered(object[key])) return false;
    previous = key;
  }
  return true;
}

/** canonicalJson, taking the native JSON.stringify when the value is already in order. */
export function canonicalText(value: unknown): string {
  return isCanonicallyOrdered(value) ? JSON.stringify(value) : canonicalJson(value);
}

/**
 * A copy of a JSON value with object keys inserted in sorted order (undefined members left
 * out), for sending: its JSON text is then canonical except where keys look like integers
 * (which JavaScript always enumerates first), and the server's check sees that.
 */
export function withSortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withSortedKeys);
  const object = value as Record<string, unknown>;
  // Null prototype: a "__proto__" key stays a plain member.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(object).sort()) {
    if (object[key] !== undefined) sorted[key] = withSortedKeys(object[key]);
  }
  return sorted;
}

export const sameContent = (a: unknown, b: unknown): boolean =>
  canonicalText(a) === canonicalText(b);
