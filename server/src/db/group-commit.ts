/**
 * Group commit: write work from several requests runs in one serialized write transaction
 * (write-lock.ts), each piece inside its own SAVEPOINT, and is answered after the one COMMIT.
 *
 * Why: every commit waits for the disk (SQLite synchronous = FULL, PostgreSQL's WAL flush),
 * about 2 ms here, and pushes are serialized. When 50 tablets push at once, 50 commits in a
 * row made the last tablet wait for all of them (bench/server/tablets.ts); grouped, the
 * pushes that arrive together share one flush.
 *
 * What joins a group: a group opens with its first piece of work and stays open until it
 * gets the write lock; everything submitted in the meantime (the other pushes of this
 * event-loop turn, and all that arrive while an earlier group writes) joins it. A lone push
 * waits one turn of the event loop, nothing more.
 *
 * Isolation: a piece that throws is rolled back to its savepoint and only its caller gets the
 * error; the others still commit (a group of one runs without a savepoint: its whole
 * transaction is rolled back instead). If the transaction itself fails (BEGIN or COMMIT), every
 * caller of the group gets that error and nothing of the group is stored, so a tablet's retry
 * is always safe. Nobody is answered before the COMMIT has returned.
 */
import { sql } from 'kysely';
import type { CenterDb } from './types.ts';
import type { WriteSerializer, WriteTransaction } from './write-lock.ts';

type Job = {
  readonly work: (trx: WriteTransaction) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
};

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export type GroupWriter = <T>(work: (trx: WriteTransaction) => Promise<T>) => Promise<T>;

async function runInSavepoint(trx: WriteTransaction, name: string, job: Job): Promise<Outcome> {
  await sql.raw(`savepoint ${name}`).execute(trx);
  try {
    const value = await job.work(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    return { ok: false, error };
  }
}

export function createGroupWriter(db: CenterDb, serializeWrite: WriteSerializer): GroupWriter {
  let open: Job[] | null = null;

  const commitGroup = (group: Job[]) => {
    serializeWrite(db, async (trx) => {
      // From here on, new work starts the next group.
      if (open === group) open = null;
      // A lone piece needs no savepoint: if it throws, the whole transaction is rolled back
      // and its caller gets the error (below), which is what its savepoint would have given.
      // A push arriving on its own is the common case, and two statements fewer per push.
      const [only] = group;
      if (group.length === 1 && only !== undefined)
        return [{ ok: true, value: await only.work(trx) } satisfies Outcome];
      const outcomes: Outcome[] = [];
      for (const [i, job] of group.entries())
        outcomes.push(await runInSavepoint(trx, `work_${i}`, job));
      return outcomes;
    }).then(
      (outcomes) =>
        outcomes.forEach((outcome, i) => {
          const job = group[i];
          if (job === undefined) return;
          if (outcome.ok) job.resolve(outcome.value);
          else job.reject(outcome.error);
        }),
      (error: unknown) => {
        if (open === group) open = null;
        for (const job of group) job.reject(error);
      },
    );
  };

  return <T>(work: (trx: WriteTransaction) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject };
      if (open !== null) {
        open.push(job);
        return;
      }
      const group = [job];
      open = group;
      // One turn of the event loop: the other requests read in this turn can join.
      setImmediate(() => commitGroup(group));
    });
}
