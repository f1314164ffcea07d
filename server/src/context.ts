import type { DeviceTokens } from './auth/device-tokens.ts';
import type { CenterDb } from './db/types.ts';
import type { GroupWriter } from './db/group-commit.ts';
import type { WriteSerializer } from './db/write-lock.ts';
import type { PullPages } from './sync/pull.ts';

/** What the route modules share; built once by buildServer. */
export type ServerContext = {
  readonly db: CenterDb;
  readonly clock: () => Date;
  readonly serializeWrite: WriteSerializer;
  /** Pushes write through this: one transaction for the pushes that arrive together. */
  readonly writeInGroup: GroupWriter;
  /** Pull answers, with full pages and each record's bytes kept in memory (sync/pull.ts). */
  readonly pullPages: PullPages;
  /** Device token checks and revocation (auth/device-tokens.ts). */
  readonly deviceTokens: DeviceTokens;
  readonly adminTokenHash: string;
  readonly afterInsert?: ((recordId: string) => Promise<void>) | undefined;
};
