/**
 * What every bedside screen needs and no screen should assemble itself: the database, the
 * record writer, who is recording (every record carries that staff id), the tablet's device
 * id, the center settings and protocols in force, and the clock. The app provides it; features
 * read it with `useBedside()`, so features stay independent of each other.
 */
import { createContext, useContext } from 'react';
import type { KitDatabase } from '../db/database.ts';
import type { Clock } from '../db/clock.ts';
import type { RecordWriter } from '../db/record-writer.ts';
import type { ProtocolDefinition } from '../domain/protocols/types.ts';
import type { StaffRole } from '../domain/records.ts';
import type { CenterSettings } from '../domain/settings.ts';

export type StaffMember = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly active: boolean;
};

export type Bedside = {
  readonly db: KitDatabase;
  readonly writer: RecordWriter;
  readonly clock: Clock;
  readonly deviceId: string;
  /** Who is recording now; null until someone is chosen (nothing can be saved then). */
  readonly actor: StaffMember | null;
  readonly staff: readonly StaffMember[];
  readonly settings: CenterSettings;
  /** Protocol used for new courses/sessions (settings.activeProtocolKey). */
  readonly activeProtocol: ProtocolDefinition;
  readonly protocols: readonly ProtocolDefinition[];
};

const BedsideContext = createContext<Bedside | null>(null);

export const BedsideProvider = BedsideContext.Provider;

export function useBedside(): Bedside {
  const value = useContext(BedsideContext);
  if (!value) throw new Error('useBedside() outside <BedsideProvider>');
  return value;
}

/** Staff member by id, for showing names on the timeline and sign-offs. */
export function staffName(staff: readonly StaffMember[], staffId: string): string {
  return staff.find((s) => s.staffId === staffId)?.displayName ?? staffId;
}
