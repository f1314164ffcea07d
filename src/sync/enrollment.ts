/**
 * Tablet enrollment: a one-time code from the center's admin is exchanged for a device id and
 * a bearer token (POST /api/devices/enroll), kept in the tablet database's `meta` table.
 *
 * The token is a secret: it is stored, put in the Authorization header, and nothing else. It
 * never goes into a log, an error message, the sync status or a URL.
 *
 * The tablet proposes the device id it already has (`meta.deviceId`, on every record it made
 * offline before enrollment); the server keeps it when no other device has it. The id the
 * server answers becomes the tablet's device id, because the server accepts a record only from
 * the device the record names; the app watches `meta.deviceId`, so later records carry it.
 */
import type { KitDatabase } from '../db/database.ts';
import { joinUrl } from './transport.ts';
import { enrollRequestSchema, enrollResponseSchema, errorResponseSchema } from './wire.ts';

const AUTH_KEY = 'deviceAuth';
const DEVICE_ID_KEY = 'deviceId';

export type DeviceAuth = {
  readonly deviceId: string;
  readonly token: string;
  /** Where the server is ('' = the origin the app was loaded from). */
  readonly baseUrl: string;
  readonly deviceName: string;
  /** Server time of the enrollment, ISO instant. */
  readonly enrolledAt: string;
};

export type EnrollFailureCode =
  | 'invalid-input'
  | 'invalid-server-address'
  | 'offline'
  | 'code-unknown'
  | 'code-expired'
  | 'code-used'
  | 'too-many-tries'
  | 'server-error'
  | 'storage';

export type EnrollResult =
  | { readonly ok: true; readonly deviceId: string; readonly deviceName: string }
  | {
      readonly ok: false;
      readonly code: EnrollFailureCode;
      /** `code`, `deviceName` or `baseUrl`: the field to fix. */
      readonly field: 'code' | 'deviceName' | 'baseUrl' | null;
      /** The server's explanation when it gave one (English), else ''. */
      readonly detail: string;
    };

export type EnrollOptions = {
  readonly db: KitDatabase;
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly code: string;
  readonly deviceName: string;
};

const SERVER_CODES: Readonly<Record<string, EnrollFailureCode>> = {
  'enrollment-code-unknown': 'code-unknown',
  'enrollment-code-expired': 'code-expired',
  'enrollment-code-used': 'code-used',
};

/** '' (same origin) or an absolute http(s) address without a trailing slash; null when not one. */
export function normalizeServerAddress(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return '';
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
      return null;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}

const fail = (
  code: EnrollFailureCode,
  field: 'code' | 'deviceName' | 'baseUrl' | null,
  detail = '',
): EnrollResult => ({ ok: false, code, field, detail });

export async function enrollDevice(options: EnrollOptions): Promise<EnrollResult> {
  const baseUrl = normalizeServerAddress(options.baseUrl);
  if (baseUrl === null) return fail('invalid-server-address', 'baseUrl');
  // The id already on this tablet's records (made offline before enrollment): the server keeps
  // it when it can, so those records are this device's. A stored id the server would refuse
  // in the request (an odd older format) is left out rather than failing the enrollment.
  const current = await options.db.meta.get(DEVICE_ID_KEY).catch(() => undefined);
  const proposed = enrollRequestSchema.shape.deviceId.safeParse(current?.value);
  const request = enrollRequestSchema.safeParse({
    code: options.code.trim(),
    deviceName: options.deviceName,
    ...(proposed.success && proposed.data !== undefined ? { deviceId: proposed.data } : {}),
  });
  if (!request.success) {
    const field = request.error.issues[0]?.path[0] === 'deviceName' ? 'deviceName' : 'code';
    return fail('invalid-input', field);
  }
  let response: Response;
  let json: unknown;
  try {
    response = await options.fetch(joinUrl(baseUrl, '/api/devices/enroll'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request.data),
      cache: 'no-store',
    });
    json = await response.json().catch(() => undefined);
  } catch {
    return fail('offline', 'baseUrl');
  }
  if (response.status === 429) return fail('too-many-tries', null);
  if (!response.ok) {
    const error = errorResponseSchema.safeParse(json);
    const code = error.success ? SERVER_CODES[error.data.error.code] : undefined;
    if (code !== undefined)
      return fail(code, 'code', error.success ? error.data.error.message : '');
    return fail(
      'server-error',
      null,
      error.success ? error.data.error.message : `HTTP ${response.status}`,
    );
  }
  const enrolled = enrollResponseSchema.safeParse(json);
  if (!enrolled.success)
    return fail('server-error', 'baseUrl', 'the answer is not from a KIT center server');
  const auth: DeviceAuth = {
    deviceId: enrolled.data.deviceId,
    token: enrolled.data.token,
    baseUrl,
    deviceName: request.data.deviceName,
    enrolledAt: enrolled.data.serverTime,
  };
  try {
    await options.db.transaction('rw', options.db.meta, async () => {
      await options.db.meta.put({ key: AUTH_KEY, value: auth });
      await options.db.meta.put({ key: DEVICE_ID_KEY, value: auth.deviceId });
    });
  } catch {
    return fail('storage', null);
  }
  return { ok: true, deviceId: auth.deviceId, deviceName: auth.deviceName };
}

function isDeviceAuth(value: unknown): value is DeviceAuth {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DeviceAuth>;
  return (
    typeof v.deviceId === 'string' && typeof v.token === 'string' && typeof v.baseUrl === 'string'
  );
}

/** The stored enrollment, or null when this tablet was never enrolled. */
export async function loadDeviceAuth(db: KitDatabase): Promise<DeviceAuth | null> {
  const row = await db.meta.get(AUTH_KEY);
  return isDeviceAuth(row?.value) ? row.value : null;
}
