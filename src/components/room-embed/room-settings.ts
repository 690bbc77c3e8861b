import { KalError } from '../../api/errors.js';
import { isEntryId, isKafBaseUrl, isKafHost } from '../../api/rooms.js';
import type { MessageKey } from '../../i18n/en.js';

/** What a room needs before anyone asks for a KS: where KAF is, and which room. */
export interface RoomSettings {
  entryId: string;
  /** The KAF host name (`kaf-host`), when given. */
  kafHost: string | undefined;
  /** A base URL overriding the host (`kaf-url`, else `serviceUrls.kaf`), when given. */
  kafBaseUrl: string | undefined;
  /** Seconds to wait for the room to load (`load-timeout`; default 20, at most 600). */
  loadTimeoutSeconds: number;
}

export const DEFAULT_LOAD_TIMEOUT_SECONDS = 20;
export const MAX_LOAD_TIMEOUT_SECONDS = 600;

/** A reason the room cannot be opened, with the text a person reads. */
export interface RoomProblem {
  error: KalError;
  textKey: MessageKey;
}

export interface RoomInputs {
  kafHost?: string | null | undefined;
  kafUrl?: string | null | undefined;
  configuredKafUrl?: string | null | undefined;
  entryId?: string | null | undefined;
  /** `load-timeout` as the property holds it (a number, NaN, or null when absent). */
  loadTimeout?: number | null | undefined;
  /** The attribute as written, for the message. */
  loadTimeoutAttribute?: string | null | undefined;
}

const shown = (value: string) => (value.length > 64 ? `${value.slice(0, 64)}…` : value);

const problem = (message: string, textKey: MessageKey): RoomProblem => ({
  error: new KalError('config', message),
  textKey,
});

/**
 * Checks the room's attributes: a plain host name (never a URL), an http(s) base override, and a
 * Kaltura entry id. The element's `kaf-url` wins over `configure({ serviceUrls: { kaf } })`, which
 * wins over `kaf-host` (an override points at a proxy or the sandbox, as `game-url` does).
 */
export function checkRoomSettings(inputs: RoomInputs): { settings: RoomSettings } | { problem: RoomProblem } {
  const kafHost = inputs.kafHost?.trim() || undefined;
  const kafUrl = inputs.kafUrl?.trim() || undefined;
  const configured = inputs.configuredKafUrl?.trim() || undefined;
  const entryId = inputs.entryId?.trim() || undefined;

  if (kafHost !== undefined && !isKafHost(kafHost)) {
    return {
      problem: problem(
        `kaf-host "${shown(kafHost)}" is not a plain host name: use the KAF host alone, e.g. "example.mediaspace.kaltura.com" (no https://, path or spaces)`,
        'room.invalidHost',
      ),
    };
  }
  if (kafUrl !== undefined && !isKafBaseUrl(kafUrl)) {
    return { problem: problem(`kaf-url "${shown(kafUrl)}" must be an http(s) URL or a same-origin path`, 'room.invalidHost') };
  }
  if (kafUrl === undefined && configured !== undefined && !isKafBaseUrl(configured)) {
    return { problem: problem(`serviceUrls.kaf "${shown(configured)}" must be an http(s) URL or a same-origin path`, 'room.invalidHost') };
  }
  const kafBaseUrl = kafUrl ?? configured;
  if (kafHost === undefined && kafBaseUrl === undefined) {
    return { problem: problem('kaf-host is required: the host name of your KAF instance, e.g. "example.mediaspace.kaltura.com"', 'room.invalidHost') };
  }
  if (entryId === undefined) {
    return { problem: problem('entry-id is required: the room entry id (create-room answers it)', 'room.invalidEntry') };
  }
  if (!isEntryId(entryId)) {
    return { problem: problem(`entry-id "${shown(entryId)}" is not a Kaltura entry id (such as "1_abcd1234")`, 'room.invalidEntry') };
  }
  const timeout = inputs.loadTimeout;
  if (timeout !== null && timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    const raw = inputs.loadTimeoutAttribute ?? String(timeout);
    return {
      problem: problem(`load-timeout must be a number of seconds greater than 0 (got "${shown(raw)}")`, 'error.config'),
    };
  }
  // Longer than ten minutes is no longer "loading": raised values are clamped (documented).
  const loadTimeoutSeconds = timeout === null || timeout === undefined ? DEFAULT_LOAD_TIMEOUT_SECONDS : Math.min(timeout, MAX_LOAD_TIMEOUT_SECONDS);
  return { settings: { entryId, kafHost, kafBaseUrl, loadTimeoutSeconds } };
}
