/**
 * The Exports screen's snapshot of the tablet's records (snapshot.ts): read when the screen
 * opens and again on request, in a Web Worker, with progress; closed when the screen is left.
 */
import { useCallback, useEffect, useState } from 'react';
import { useBedside } from '../../ui/bedside-context.tsx';
import { createSnapshotClient, type SnapshotClient } from './snapshot-client.ts';

export type ReadySnapshot = {
  readonly client: SnapshotClient;
  /** How many records the snapshot holds, and when it was read (ISO instant). */
  readonly count: number;
  readonly readAt: string;
};

export type SnapshotState =
  | { readonly phase: 'reading'; readonly read: number; readonly total: number | null }
  | ({ readonly phase: 'ready' } & ReadySnapshot)
  | { readonly phase: 'failed'; readonly message: string };

type Tagged = SnapshotState & { readonly of: number };

export function useExportsSnapshot(): {
  readonly state: SnapshotState;
  readonly readAgain: () => void;
} {
  const { db, clock } = useBedside();
  const [wanted, setWanted] = useState(0);
  const [tagged, setTagged] = useState<Tagged | null>(null);
  useEffect(() => {
    const client = createSnapshotClient(db);
    let current = true;
    const set = (state: SnapshotState) => {
      if (current) setTagged({ ...state, of: wanted });
    };
    client
      .read((read, total) => set({ phase: 'reading', read, total }))
      .then(
        (count) => set({ phase: 'ready', client, count, readAt: clock.nowIso() }),
        (error: unknown) =>
          set({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
      client.close();
    };
  }, [db, clock, wanted]);
  const readAgain = useCallback(() => setWanted((n) => n + 1), []);
  const state: SnapshotState =
    tagged !== null && tagged.of === wanted ? tagged : { phase: 'reading', read: 0, total: null };
  return { state, readAgain };
}

/**
 * What `ask` answers from `snapshot` for `input`, or null while it is being made (also right
 * after `snapshot` or `input` changed: an answer for other inputs is never shown). A failed
 * request becomes `failed(error)`. `input` is compared by identity (strings, or null); `ask`
 * and `failed` are module-level functions, so a render does not ask again.
 */
export function useSnapshotAnswer<I, T>(
  snapshot: ReadySnapshot,
  input: I,
  ask: (client: SnapshotClient, input: I, now: string) => Promise<T>,
  failed: (error: unknown) => T,
): T | null {
  const { clock } = useBedside();
  const [made, setMade] = useState<{ of: ReadySnapshot; input: I; answer: T } | null>(null);
  useEffect(() => {
    let current = true;
    const done = (answer: T) => {
      if (current) setMade({ of: snapshot, input, answer });
    };
    ask(snapshot.client, input, clock.nowIso()).then(done, (error: unknown) => done(failed(error)));
    return () => {
      current = false;
    };
  }, [snapshot, input, clock, ask, failed]);
  return made !== null && made.of === snapshot && made.input === input ? made.answer : null;
}
