// @vitest-environment node
import Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { shapedQuery } from './query-shapes.ts';
import type { CenterDatabase } from './types.ts';

/** Compiles PostgreSQL text without a server. */
const postgres = new Kysely<CenterDatabase>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const sqlite = new Kysely<CenterDatabase>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
});

const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);

const knownIds = (db: Kysely<CenterDatabase>, values: readonly string[]) =>
  shapedQuery(db, `test.known.${values.length}`, values, (slot) =>
    db
      .selectFrom('records')
      .select(['id', 'server_seq'])
      .where(
        'id',
        'in',
        values.map((_, i) => slot(i)),
      ),
  );

describe('query shapes', () => {
  for (const [dialect, db] of [
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ] as const) {
    it(`${dialect}: gives the text and parameters Kysely compiles for the same values`, () => {
      for (const n of [1, 3, 100]) {
        for (const tag of ['a', 'b']) {
          const values = ids(n, tag);
          const expected = db
            .selectFrom('records')
            .select(['id', 'server_seq'])
            .where('id', 'in', values)
            .compile();
          const shaped = knownIds(db, values);
          expect(shaped.sql).toBe(expected.sql);
          expect(shaped.parameters).toEqual(expected.parameters);
        }
      }
    });
  }

  it('keeps one text per database: the SQLite and PostgreSQL texts of a shape differ', () => {
    expect(knownIds(sqlite, ids(2, 'x')).sql).toContain('?');
    expect(knownIds(postgres, ids(2, 'x')).sql).toContain('$2');
  });

  it('refuses a query whose parameters are not the slots in order, instead of binding them to the wrong places', () => {
    const values = ids(2, 'z');
    const swapped = () =>
      shapedQuery(sqlite, 'test.swapped', values, (slot) =>
        sqlite
          .selectFrom('records')
          .select('id')
          .where('id', '=', slot(1))
          .where('kind', '=', slot(0)),
      );
    expect(swapped).toThrow(/not the 2 slots in order/);
    const missing = () =>
      shapedQuery(sqlite, 'test.missing', values, (slot) =>
        sqlite.selectFrom('records').select('id').where('id', '=', slot(0)),
      );
    expect(missing).toThrow(/1 compiled parameters are not the 2 slots/);
  });
});
