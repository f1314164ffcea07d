/**
 * How a record kind is declared: its schema (base fields + its own payload), its current
 * schema version, where it may live (center, patient or session level), and the migrations
 * that upgrade older stored versions to the current one. Kept together, per kind, so that a
 * schema change and its migration are reviewed side by side (the tldraw pattern).
 */
import { z } from 'zod';
import { recordBaseShape, type RecordBase } from './base.ts';

/**
 * Where a kind belongs:
 * - center: settings and staff; `patientId` and `sessionId` are null.
 * - patient: belongs to a patient, not to one session.
 * - patient-or-session: belongs to a patient, and may be tied to a session (e.g. an outcome
 *   answer asked during a session, or by phone).
 * - session: bedside records; both ids set.
 * - any: follows its target (entered-in-error).
 */
export type RecordScope = 'center' | 'patient' | 'patient-or-session' | 'session' | 'any';

/** A stored record before validation, as it came from storage or the wire. */
export type RawRecord = { readonly [key: string]: unknown };

/**
 * Upgrades a raw record of version n (the key) to n + 1. Must not mutate its input; the
 * caller sets `schemaVersion` to n + 1 afterwards, so a migration only reshapes fields.
 */
export type RecordMigration = (raw: RawRecord) => RawRecord;
export type RecordMigrations = { readonly [fromVersion: number]: RecordMigration };

type WithPayload<P extends z.ZodType> = RecordBase & { readonly payload: z.output<P> };

export type RecordKindDefinition<K extends string, V extends number, P extends z.ZodObject> = {
  readonly kind: K;
  /** What the record means, for the data dictionary and exports. */
  readonly description: string;
  readonly schemaVersion: V;
  readonly scope: RecordScope;
  readonly payload: P;
  readonly migrations?: RecordMigrations;
  /** Checks that need both base fields and payload (e.g. snapshot version = settingsVersion). */
  readonly refine?: (record: WithPayload<P>, ctx: z.RefinementCtx) => void;
};

const scopeIssue = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message });

// Runs for every record validated (every pushed one): no function is made per call (under
// tsx, which runs the server, each would also get its name set with a property write).
function checkScope(scope: RecordScope, r: RecordBase, ctx: z.RefinementCtx): void {
  if (scope === 'center') {
    if (r.patientId !== null)
      scopeIssue(ctx, 'patientId', 'must be null: this is a center-level record');
    if (r.sessionId !== null)
      scopeIssue(ctx, 'sessionId', 'must be null: this is a center-level record');
    return;
  }
  if (scope === 'any') return;
  if (r.patientId === null)
    scopeIssue(ctx, 'patientId', 'is required: this record belongs to a patient');
  if (scope === 'patient' && r.sessionId !== null)
    scopeIssue(
      ctx,
      'sessionId',
      'must be null: this record belongs to the patient, not to a session',
    );
  if (scope === 'session' && r.sessionId === null)
    scopeIssue(ctx, 'sessionId', 'is required: this record belongs to a session');
}

/**
 * Builds the kind's record schema: the base fields of every record (base.ts) with
 * `kind` and `schemaVersion` fixed to this kind's, a strict payload, and the scope and
 * correction checks. Unknown fields are refused at every level (strict objects).
 */
export function defineRecordKind<K extends string, V extends number, P extends z.ZodObject>(
  def: RecordKindDefinition<K, V, P>,
) {
  const schema = z
    .strictObject({
      ...recordBaseShape,
      kind: z.literal(def.kind),
      schemaVersion: z.literal(def.schemaVersion, {
        error: `must be ${def.schemaVersion} for ${def.kind} records`,
      }),
      payload: def.payload,
    })
    .superRefine((record, ctx) => {
      checkScope(def.scope, record, ctx);
      if (record.supersedes?.recordId === record.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['supersedes', 'recordId'],
          message: 'a record cannot correct itself',
        });
      }
      def.refine?.(record as WithPayload<P>, ctx);
    });
  return { ...def, migrations: def.migrations ?? {}, schema } as const;
}

/** Adds a custom issue at `path` (relative to the record). */
export const addIssue = (
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  message: string,
) => ctx.addIssue({ code: 'custom', path: [...path], message });
