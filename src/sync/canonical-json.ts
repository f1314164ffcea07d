/**
 * Canonical JSON (object keys sorted at every level, no whitespace, undefined members left
 * out): the same rule as the server's content hash (server/src/sync/canonical.ts), so the
 * tablet can tell "same record" from "same id, different content" exactly as the server does.
 * Kept separate from the server file on purpose: that one imports node:crypto.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const members = Object.keys(object)
    .sort()
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${members.join(',')}}`;
}

export const sameContent = (a: unknown, b: unknown): boolean =>
  canonicalJson(a) === canonicalJson(b);
