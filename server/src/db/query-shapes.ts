/**
 * SQL text of a query whose text depends only on its shape (how many rows, how many ids),
 * compiled by Kysely once per shape and database and then run with new parameters.
 *
 * Why: Kysely builds and compiles an operation tree for every query. For the 100-row INSERT of
 * each push that was about a tenth of the server's CPU during a push (bench/server/push.ts),
 * for a text that is the same every time. The query is still written with Kysely's builder,
 * once, so its SQL stays dialect-correct (`?` for SQLite, `$1` for PostgreSQL, quoting).
 *
 * Safety: a shape is compiled with a distinct marker value in each parameter slot, and its
 * text is kept only if the compiled parameters are exactly those markers in slot order. So a
 * query whose parameters do not map one to one, in order, onto the caller's values (a builder
 * that inlines a value, merges or reorders them) throws on first use instead of binding a value
 * to the wrong column.
 */
import { CompiledQuery } from 'kysely';
import type { Compilable, Kysely } from 'kysely';
import type { CenterDatabase } from './types.ts';

/** Per database (its dialect adapter, shared by the database and its transactions), per shape key. */
const shapes = new WeakMap<object, Map<string, string>>();

/** The value standing in the `slot`th parameter while a shape is compiled. */
const marker = (slot: number) => `\u0000query-shape-parameter-${slot}`;

/**
 * The query of shape `key` with `parameters` bound in slot order. `build` writes the query
 * with `slot(i)` as the i-th parameter value (i from 0 to parameters.length - 1); it runs once
 * per shape and database.
 */
export function shapedQuery<Row>(
  db: Kysely<CenterDatabase>,
  key: string,
  parameters: readonly unknown[],
  build: (slot: (i: number) => string) => Compilable<Row>,
): CompiledQuery<Row> {
  const adapter = db.getExecutor().adapter;
  let byKey = shapes.get(adapter);
  if (byKey === undefined) {
    byKey = new Map();
    shapes.set(adapter, byKey);
  }
  let sql = byKey.get(key);
  if (sql === undefined) {
    const compiled = build(marker).compile();
    const inOrder =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((value, i) => value === marker(i));
    if (!inOrder) {
      throw new Error(
        `query shape ${key}: its ${compiled.parameters.length} compiled parameters are not the ${parameters.length} slots in order`,
      );
    }
    sql = compiled.sql;
    byKey.set(key, sql);
  }
  return CompiledQuery.raw(sql, [...parameters]);
}
