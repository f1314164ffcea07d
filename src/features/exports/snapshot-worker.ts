/**
 * The Exports snapshot off the main thread (snapshot.ts): opens the tablet's database by the
 * name the page gives in its first message, then answers requests in order. The page
 * terminates it when the screen is left.
 */
import { KitDatabase } from '../../db/database.ts';
import { createSnapshotHandler, type SnapshotReply, type SnapshotRequest } from './snapshot.ts';

export type SnapshotWorkerMessage =
  { readonly type: 'open'; readonly databaseName: string } | SnapshotRequest;

let handle: ((request: SnapshotRequest) => Promise<void>) | null = null;

self.onmessage = (event: MessageEvent<SnapshotWorkerMessage>) => {
  const message = event.data;
  if (message.type === 'open') {
    const db = new KitDatabase(message.databaseName);
    handle = createSnapshotHandler(db, (reply: SnapshotReply) => self.postMessage(reply));
    return;
  }
  if (handle === null) {
    self.postMessage({
      type: 'failed',
      id: message.id,
      message: 'The export task was not given the database.',
    } satisfies SnapshotReply);
    return;
  }
  void handle(message);
};
