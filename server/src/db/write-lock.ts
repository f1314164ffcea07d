/**
 * Why every push goes through `withWriteTransaction`: a pull must never skip a record.
 *
 * Tablets pull with `WHERE server_seq > cursor ORDER BY server_seq LIMIT n` and then store the
 * last seq they saw as their cursor. That is only safe if records become visible in seq order.
 * Sequence numbers are handed out when a row is inserted, not when it commits: with two
 * concurrent writers, A can take seq 41, B seq 42, B commits first, a tablet pulls 42 and moves
 * its cursor to 42, then A commits 41 -- below the cursor, so that tablet never sees it. Nothing
 * reports an error; a record is just silently missing on one tablet.
 *
 * So writers are serialized, which makes "seq order" and "commit order" the same thing:
 * 1. An in-process mutex (below) lets one push transaction run at a time in this server. It
 *    also keeps waiting pushes from each holding a pooled PostgreSQL connection while they
 *    queue, which would starve pulls.
 * 2. PostgreSQL: the transaction first takes `pg_advisory_xact_lock` on a key derived from the
 *    schema, before anything draws a sequence number. This serializes writers across server
 *    processes sharing one database (two instances behind a proxy, an import script). The lock
 *    is released only after the commit is visible, so the next writer's seq is larger and
 *    commits later.
 * 3. SQLite has a single writer per database anyway, and Kysely's SQLite driver runs everything
 *    on one connection; the mutex keeps the guarantee explicit rather than incidental.
 *
 * Seq numbers may still have holes (a rolled-back insert burns a PostgreSQL sequence value);
 * that is harmless, because a hole is never filled later. What readers must never see is a
 * smaller seq appearing after a larger one, and that is what this prevents.
 * Tested in sync/no-gap.test.ts.
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { CenterDatabase, CenterDb } from './types.ts';

/** A FIFO async mutex: each caller runs after the previous one settles (fulfilled or not). */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return function runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

export type WriteTransaction = Transaction<CenterDatabase>;

export type WriteSerializer = <T>(
  db: CenterDb,
  work: (trx: WriteTransaction) => Promise<T>,
) => Promise<T>;

/**
 * Builds the serializer for one server instance. `serialize: false` exists only so a test can
 * show that the no-gap test catches the race without it; never turn it off in production.
 */
export function createWriteSerializer(options: { serialize?: boolean } = {}): WriteSerializer {
  const serialize = options.serialize ?? true;
  const runExclusive = createMutex();
  return (db, work) => {
    const transaction = () =>
      db.kysely.transaction().execute(async (trx) => {
        if (serialize && db.dialect === 'postgres') {
          await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.records'))`.execute(
            trx,
          );
        }
        return work(trx);
      });
    return serialize ? runExclusive(transaction) : transaction();
  };
}
