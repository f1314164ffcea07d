// @vitest-environment node
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS, type TestDatabase } from '../test-support/databases.ts';
import { createGroupWriter } from './group-commit.ts';
import {
  createWriteSerializer,
  type WriteSerializer,
  type WriteTransaction,
} from './write-lock.ts';

const insert = (trx: WriteTransaction, n: number) =>
  sql`insert into group_commit_probe (n) values (${n})`.execute(trx);

describe.each(TEST_DIALECTS)('group commit ($name)', (dialect) => {
  let test: TestDatabase;
  let transactions: number;
  let serializer: WriteSerializer;

  const stored = async () =>
    (
      await sql<{ n: number }>`select n from group_commit_probe order by n`.execute(test.db.reader)
    ).rows.map((r) => Number(r.n));

  beforeEach(async () => {
    test = await dialect.open();
    await sql`create table group_commit_probe (n integer not null)`.execute(test.db.kysely);
    transactions = 0;
    const serialize = createWriteSerializer();
    serializer = (db, work) => {
      transactions += 1;
      return serialize(db, work);
    };
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('writes what is submitted together in one transaction and answers each caller', async () => {
    const write = createGroupWriter(test.db, serializer);
    const answers = await Promise.all(
      [1, 2, 3].map((n) => write(async (trx) => (await insert(trx, n), `stored ${n}`))),
    );
    expect(answers).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(transactions).toBe(1);
    expect(await stored()).toEqual([1, 2, 3]);
  });

  it('rolls back only the piece that failed; the others commit', async () => {
    const write = createGroupWriter(test.db, serializer);
    const results = await Promise.allSettled([
      write((trx) => insert(trx, 1)),
      write(async (trx) => {
        await insert(trx, 2);
        throw new Error('disk full while storing 2');
      }),
      write((trx) => insert(trx, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]?.status === 'rejected' && String(results[1].reason)).toMatch(/storing 2/);
    expect(transactions).toBe(1);
    expect(await stored()).toEqual([1, 3]);
  });

  it('a lone piece that fails (run without a savepoint) stores nothing and only it gets the error', async () => {
    const write = createGroupWriter(test.db, serializer);
    const failed = await write(async (trx) => {
      await insert(trx, 1);
      throw new Error('disk full while storing 1');
    }).catch((error: unknown) => String(error));
    expect(failed).toMatch(/storing 1/);
    expect(await stored()).toEqual([]);
    await write((trx) => insert(trx, 2));
    expect(transactions).toBe(2);
    expect(await stored()).toEqual([2]);
  });

  it('answers nobody before the commit: a failed commit fails the whole group, storing nothing', async () => {
    const failingCommit: WriteSerializer = (db, work) =>
      createWriteSerializer()(db, async (trx) => {
        await work(trx);
        throw new Error('commit failed');
      });
    const write = createGroupWriter(test.db, failingCommit);
    const results = await Promise.allSettled([
      write((trx) => insert(trx, 1)),
      write((trx) => insert(trx, 2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await stored()).toEqual([]);
  });

  it('work submitted while a group holds the write lock forms the next group, together', async () => {
    const write = createGroupWriter(test.db, serializer);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow = write(async (trx) => {
      await insert(trx, 1);
      started();
      await held;
    });
    await running;
    const later = [write((trx) => insert(trx, 2)), write((trx) => insert(trx, 3))];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stored()).toEqual([]); // nothing visible before the first group commits
    release();
    await Promise.all([slow, ...later]);
    expect(transactions).toBe(2);
    expect(await stored()).toEqual([1, 2, 3]);
  });
});
