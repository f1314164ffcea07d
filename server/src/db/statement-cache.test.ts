// @vitest-environment node
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './open.ts';

describe('prepared statement cache (SQLite)', () => {
  const database = new Database(':memory:');
  database.exec('create table t (n integer)');
  database.exec('insert into t (n) values (1), (2), (3)');
  const cached = withStatementCache(database);

  it('hands out the same prepared statement for the same SQL', () => {
    const a = cached.prepare('select n from t where n > ?');
    const b = cached.prepare('select n from t where n > ?');
    expect(b).toBe(a);
    expect(b.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(cached.prepare('select n from t where n < ?')).not.toBe(a);
  });

  it('prepares a fresh statement while the kept one is still being iterated (a streamed read)', () => {
    const sql = 'select n from t order by n';
    const outer = cached.prepare(sql).iterate([]);
    const seen: [unknown, unknown[]][] = [];
    for (const row of outer) {
      // Reusing the busy statement here would throw "This statement is busy executing a query".
      seen.push([row, cached.prepare(sql).all([])]);
    }
    expect(seen.map(([row]) => row)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    for (const [, inner] of seen) expect(inner).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('keeps at most 256 statements, dropping the least recently used', () => {
    const first = cached.prepare('select 0 as k');
    const kept = cached.prepare('select 1 as k');
    for (let k = 2; k < 300; k++) {
      cached.prepare(`select ${k} as k`);
      if (k % 50 === 0) expect(cached.prepare('select 1 as k')).toBe(kept); // used again: stays
    }
    expect(cached.prepare('select 1 as k')).toBe(kept);
    expect(cached.prepare('select 0 as k')).not.toBe(first);
  });

  it('sees rows written after a statement was kept, and survives a schema change', () => {
    const count = () => cached.prepare('select count(*) as c from t').all([]);
    expect(count()).toEqual([{ c: 3 }]);
    cached.prepare('insert into t (n) values (?)').run([4]);
    expect(count()).toEqual([{ c: 4 }]);
    database.exec('alter table t add column note text');
    expect(count()).toEqual([{ c: 4 }]);
    expect(cached.prepare('select n, note from t where n = ?').all([4])).toEqual([
      { n: 4, note: null },
    ]);
  });
});
