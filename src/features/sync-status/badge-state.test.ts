import { describe, expect, it } from 'vitest';
import { initialSyncStatus, type SyncStatus } from '../../sync/status.ts';
import { badgeState } from './badge-state.ts';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  ...initialSyncStatus(true),
  ...patch,
});
const issue = {
  recordId: 'r',
  recordKind: 'weight',
  field: null,
  reason: 'x',
  at: '2026-03-02T08:00:00.000Z',
  serverSeq: null,
};
const at = '2026-03-02T08:00:00.000Z';

describe('badgeState', () => {
  it.each([
    ['never synced', {}, { kind: 'never' }],
    ['synced', { lastSuccessfulSyncAt: at }, { kind: 'synced', at }],
    ['waiting', { lastSuccessfulSyncAt: at, pendingCount: 3 }, { kind: 'waiting', count: 3 }],
    ['syncing', { syncing: true, pendingCount: 3 }, { kind: 'syncing' }],
    [
      'offline with entries waiting',
      { online: false, pendingCount: 12 },
      { kind: 'offline', count: 12 },
    ],
    [
      'server unreachable',
      { pendingCount: 2, lastError: { code: 'offline', detail: '', at } },
      { kind: 'unreachable', count: 2 },
    ],
    [
      'server busy',
      { lastError: { code: 'server-unavailable', detail: '', at } },
      { kind: 'unreachable', count: 0 },
    ],
    [
      'refused request',
      { lastError: { code: 'server-refused', detail: '', at } },
      { kind: 'problem' },
    ],
    [
      'storage failure, even offline',
      { online: false, lastError: { code: 'storage', detail: '', at } },
      { kind: 'problem' },
    ],
    [
      'a conflict, even offline',
      { online: false, conflicts: [{ ...issue, status: 'conflict' }] },
      { kind: 'problem' },
    ],
    ['a refused entry', { failures: [{ ...issue, status: 'invalid' }] }, { kind: 'problem' }],
    [
      'must enroll again, above all',
      { needsEnrollment: true, online: false, failures: [{ ...issue, status: 'invalid' }] },
      { kind: 'not-enrolled' },
    ],
  ] as const)('%s', (_name, patch, expected) => {
    expect(badgeState(status(patch as Partial<SyncStatus>))).toMatchObject(expected);
  });
});
