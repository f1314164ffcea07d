/**
 * The page's side of the Exports snapshot (snapshot.ts): requests with ids, answers as
 * promises, reading progress to a callback. In a Web Worker where the browser has them, else
 * the same handler on the page (jsdom in the component tests).
 */
import type { KitDatabase } from '../../db/database.ts';
import type { ExportPopulation } from '../../domain/exports/index.ts';
import type { Result } from '../../domain/result.ts';
import type { CsvFiles, FhirOutcome } from './export-files.ts';
import type { SnapshotWorkerMessage } from './snapshot-worker.ts';
import { createSnapshotHandler, type SnapshotReply, type SnapshotRequest } from './snapshot.ts';

export type SnapshotClient = {
  /** Reads a new snapshot of every record; resolves to how many. */
  read(onProgress: (read: number, total: number) => void): Promise<number>;
  csv(asOf: string, population: ExportPopulation): Promise<Result<CsvFiles>>;
  /** The center's bundle of these patients' records. */
  centerFhir(patientIds: readonly string[], generatedAt: string): Promise<FhirOutcome>;
  patientFhir(patientId: string, generatedAt: string): Promise<FhirOutcome>;
  /** Ends the worker; what is still pending is refused. */
  close(): void;
};

type Body = SnapshotRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

type Pending = {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: ((read: number, total: number) => void) | undefined;
};

export function createSnapshotClient(db: KitDatabase): SnapshotClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const onReply = (message: SnapshotReply) => {
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    if (message.type === 'progress') return waiting.onProgress?.(message.read, message.total);
    pending.delete(message.id);
    if (message.type === 'done') waiting.resolve(message.value);
    else waiting.reject(new Error(message.message));
  };
  const refuseAll = (reason: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(reason));
    pending.clear();
  };

  let post: (request: SnapshotRequest) => void;
  let end = () => {};
  if (typeof Worker === 'undefined') {
    const handle = createSnapshotHandler(db, onReply);
    post = (request) => void handle(request);
  } else {
    const worker = new Worker(new URL('./snapshot-worker.ts', import.meta.url), {
      type: 'module',
    });
    const send = (message: SnapshotWorkerMessage) => worker.postMessage(message);
    worker.onmessage = (event: MessageEvent<SnapshotReply>) => onReply(event.data);
    worker.onerror = (event) => refuseAll(event.message || 'The export task stopped.');
    send({ type: 'open', databaseName: db.name });
    post = send;
    end = () => worker.terminate();
  }

  const ask = <T>(body: Body, onProgress?: Pending['onProgress']) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      post({ ...body, id });
    });
  return {
    read: (onProgress) => ask<number>({ type: 'read' }, onProgress),
    csv: (asOf, population) => ask({ type: 'csv', asOf, population }),
    centerFhir: (patientIds, generatedAt) => ask({ type: 'center-fhir', patientIds, generatedAt }),
    patientFhir: (patientId, generatedAt) => ask({ type: 'patient-fhir', patientId, generatedAt }),
    close: () => {
      end();
      refuseAll('The Exports screen was left.');
    },
  };
}
