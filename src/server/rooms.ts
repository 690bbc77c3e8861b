import { z } from 'zod';
import type { FetchLike } from './api-v3.js';
import { RoomError, redactSecrets, type RoomErrorCode } from './errors.js';

export interface CreateRoomOptions {
  /** The KAF instance host name, e.g. `12345.kaf.kaltura.com` (https is implied). */
  kafHost?: string;
  /** Or a full base URL (tests, the sandbox, a KAF behind a path): `http://127.0.0.1:8080/sandbox/kaf`. */
  kafBaseUrl?: string;
  /** An ADMIN KS (type 2) whose user becomes the room owner. Never leaves the server. */
  adminKs: string;
  name: string;
  description?: string;
  /** Tags as a comma-separated string or a list. */
  tags?: string | string[];
  /** A room template; the KAF instance has a default. */
  templateRoomEntryId?: string;
  roomModeratorUserIds?: string[];
  chatModeratorUserIds?: string[];
  fetch?: FetchLike;
  signal?: AbortSignal;
  /** Milliseconds before giving up (default 30 000). */
  timeoutMs?: number;
}

const envelopeSchema = z.union([
  z.object({ success: z.literal(true), data: z.object({ id: z.string().min(1) }) }),
  z.object({ success: z.literal(false), errorCode: z.string(), error: z.string().optional() }),
]);

/** What each KAF error code means, from the KAF embedded rooms guide. */
const KAF_ERRORS: Record<'invalidConfiguration' | 'invalidRequest' | 'internalError', string> = {
  invalidConfiguration: 'the KAF instance is not configured for embedded rooms: contact your Kaltura representative',
  invalidRequest: 'the request has invalid or missing parameters: check the create-room parameters',
  internalError: 'KAF could not process the request: contact Kaltura support with the request details',
};

/**
 * Creates a Kaltura (KAF) room: `POST https://{kafHost}/embeddedrooms/index/create-room` with the
 * ADMIN KS in the JSON body, as the guide says. Server side only. Resolves to the new room entry id.
 */
export async function createRoom(options: CreateRoomOptions): Promise<{ id: string }> {
  const base = kafBase(options);
  const { adminKs, name } = options;
  if (typeof adminKs !== 'string' || adminKs === '') throw new TypeError('createRoom: adminKs is required');
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError('createRoom: name is required');
  const body = {
    ks: adminKs,
    name,
    description: options.description,
    tags: Array.isArray(options.tags) ? options.tags.join(',') : options.tags,
    templateRoomEntryId: options.templateRoomEntryId,
    roomModeratorUserIds: options.roomModeratorUserIds,
    chatModeratorUserIds: options.chatModeratorUserIds,
  };
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${base}/embeddedrooms/index/create-room`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = timeout.aborted ? 'timed out' : 'could not reach the KAF instance';
    throw new RoomError('networkError', `createRoom: ${reason}`, { cause: error });
  }

  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    if (!response.ok) throw new RoomError('httpError', `createRoom: KAF answered HTTP ${response.status}`, { status: response.status });
    throw new RoomError('invalidResponse', 'createRoom: KAF response is not JSON', { status: response.status });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (!response.ok) throw new RoomError('httpError', `createRoom: KAF answered HTTP ${response.status}`, { status: response.status });
    throw new RoomError('invalidResponse', 'createRoom: KAF response does not match { success, data: { id } }', { status: response.status });
  }
  if (envelope.data.success) return { id: envelope.data.data.id };

  const { errorCode, error } = envelope.data;
  const known = Object.hasOwn(KAF_ERRORS, errorCode) ? (errorCode as keyof typeof KAF_ERRORS) : undefined;
  const code: RoomErrorCode = known ?? 'unknownError';
  const meaning = known ? KAF_ERRORS[known] : `KAF error "${errorCode}"`;
  const detail = error ? ` (KAF: ${redactSecrets(error, [adminKs])})` : '';
  throw new RoomError(code, `createRoom: ${meaning}${detail}`, { kafErrorCode: errorCode, status: response.status });
}

function kafBase(options: CreateRoomOptions): string {
  const { kafHost, kafBaseUrl } = options;
  const value = kafBaseUrl ?? kafHost;
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError('createRoom: kafHost (or kafBaseUrl) is required');
  if (/^https?:\/\//i.test(value)) return value.replace(/\/+$/, '');
  // A bare host name (optionally with a port); anything path-like is a mistake worth reporting.
  if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(value)) throw new TypeError(`createRoom: kafHost must be a host name, got ${JSON.stringify(value)}`);
  return `https://${value}`;
}
