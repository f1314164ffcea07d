import type { CenterDb } from './db/types.ts';
import type { WriteSerializer } from './db/write-lock.ts';

/** What the route modules share; built once by buildServer. */
export type ServerContext = {
  readonly db: CenterDb;
  readonly clock: () => Date;
  readonly serializeWrite: WriteSerializer;
  readonly adminTokenHash: string;
  readonly afterInsert?: ((recordId: string) => Promise<void>) | undefined;
};
