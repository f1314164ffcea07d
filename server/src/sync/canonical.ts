/**
 * Content hashes: "same content" for idempotent pushes must not depend on key order or
 * whitespace, which differ between JSON encoders (and between tablet versions). The canonical
 * text itself is shared with the tablet (src/sync/canonical-json.ts).
 */
import { canonicalText } from '../../../src/sync/canonical-json.ts';
import { sha256Hex } from '../auth/tokens.ts';

/** SHA-256 of the canonical JSON: two records with equal hashes are the same record. */
export function contentHash(value: unknown): { readonly canonical: string; readonly hash: string } {
  const canonical = canonicalText(value);
  return { canonical, hash: sha256Hex(canonical) };
}
