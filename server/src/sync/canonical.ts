/**
 * Canonical JSON and content hashes: "same content" for idempotent pushes must not depend on
 * key order or whitespace, which differ between JSON encoders (and between tablet versions).
 */
import { createHash } from 'node:crypto';

/**
 * JSON text with object keys sorted (by UTF-16 code unit) at every level and no whitespace.
 * Input is a value produced by JSON.parse (already validated for depth), so only plain objects,
 * arrays, strings, finite numbers, booleans and null occur.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
  return `{${entries.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the canonical JSON: two records with equal hashes are the same record. */
export function contentHash(value: unknown): { readonly canonical: string; readonly hash: string } {
  const canonical = canonicalJson(value);
  return { canonical, hash: sha256Hex(canonical) };
}
