/**
 * Renders a screen inside the bedside context with a fresh IndexedDB (fake-indexeddb), a
 * fixed clock, and two staff members (a nurse recording, an anesthesiologist), so component
 * tests exercise the real writes and live queries.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fixedClock } from '../../src/db/clock.ts';
import { openKitDatabase, type KitDatabase } from '../../src/db/database.ts';
import { createRecordWriter } from '../../src/db/record-writer.ts';
import { setStaffPin } from '../../src/db/staff-pins.ts';
import { RACEMIC_KETAMINE_V1 } from '../../src/domain/protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from '../../src/domain/protocols/s-ketamine-template.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from '../../src/domain/settings.ts';
import { BedsideProvider, type Bedside, type StaffMember } from '../../src/ui/bedside-context.tsx';

export const NURSE: StaffMember = {
  staffId: 'nurse-an',
  displayName: 'An Peeters',
  role: 'nurse',
  active: true,
};
export const SECOND_NURSE: StaffMember = {
  staffId: 'nurse-bram',
  displayName: 'Bram Claes',
  role: 'nurse',
  active: true,
};
export const ANESTHESIOLOGIST: StaffMember = {
  staffId: 'dr-jan',
  displayName: 'Dr. Jan Vermeulen',
  role: 'anesthesiologist',
  active: true,
};

let counter = 0;

export type BedsideOptions = {
  readonly actor?: StaffMember | null;
  readonly startIso?: string;
  readonly settings?: CenterSettings;
  readonly db?: KitDatabase;
};

export function makeBedside(
  options: BedsideOptions = {},
): Bedside & { clock: ReturnType<typeof fixedClock> } {
  counter += 1;
  const db =
    options.db ?? openKitDatabase(`test-${counter}-${Math.random().toString(36).slice(2)}`);
  const clock = fixedClock(options.startIso ?? '2026-03-02T08:00:00.000Z', 1000, counter);
  const deviceId = 'tablet-test';
  return {
    db,
    clock,
    deviceId,
    writer: createRecordWriter(db, clock, deviceId),
    actor: options.actor === undefined ? NURSE : options.actor,
    staff: [NURSE, SECOND_NURSE, ANESTHESIOLOGIST],
    settings: options.settings ?? DEFAULT_CENTER_SETTINGS,
    activeProtocol: RACEMIC_KETAMINE_V1,
    protocols: [RACEMIC_KETAMINE_V1, S_KETAMINE_TEMPLATE],
  };
}

export function renderWithBedside(
  ui: ReactElement,
  bedside: Bedside = makeBedside(),
): RenderResult & { bedside: Bedside } {
  const result = render(<BedsideProvider value={bedside}>{ui}</BedsideProvider>);
  return { ...result, bedside };
}

/**
 * Gives `staffId` a PIN on this tablet, as if they had set it at the lock screen. Hashed with
 * 1,000 PBKDF2 iterations instead of 600,000 to keep tests fast (the count is stored per row,
 * so verification through the screens works unchanged).
 */
export async function seedPin(db: KitDatabase, staffId: string, pin: string): Promise<void> {
  const result = await setStaffPin(db, staffId, pin, pin, new Date('2026-03-01T08:00:00.000Z'), {
    iterations: 1000,
  });
  if (result.kind !== 'ok') throw new Error(`seedPin(${staffId}): ${result.kind}`);
}
