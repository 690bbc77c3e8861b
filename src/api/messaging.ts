import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { messagingBase } from './regions.js';
import { type Schema, SchemaError, unknown } from './schema-error.js';

// Messaging guide, section 10: a user-scoped KS reads and syncs its own unsubscribe groups.

/**
 * `userGroupsStatus` has no documented answer. Accepted, leniently:
 * - a bare array of group ids: `["marketing-emails"]`
 * - an array of objects naming a group (`groupId`, `id`, `name` or `group`), kept unless they say
 *   `status: "subscribed"` / `unsubscribed: false`
 * - an object holding one of those under `unsubscribedGroups`, `unsubscribed`, `groups`, `objects`,
 *   `data` or `result`
 * - a map of group id → `true` / `"unsubscribed"` (left) or `false` / `"subscribed"` (kept).
 * Anything else is an `invalid-response`.
 */
export function readUnsubscribedGroups(body: unknown, depth = 0): string[] | undefined {
  if (Array.isArray(body)) {
    const ids: string[] = [];
    for (const item of body) {
      if (typeof item === 'string' || typeof item === 'number') ids.push(String(item));
      else if (isRecord(item)) {
        const id = item.groupId ?? item.id ?? item.name ?? item.group ?? item.unsubscribeGroup;
        if (typeof id !== 'string' && typeof id !== 'number') return undefined;
        if (!isSubscribedMark(item.status) && item.unsubscribed !== false && item.subscribed !== true) ids.push(String(id));
      } else return undefined;
    }
    return ids;
  }
  if (!isRecord(body) || depth > 2) return undefined;
  for (const key of ['unsubscribedGroups', 'unsubscribed', 'groups', 'objects', 'data', 'result']) {
    if (key in body) {
      const found = readUnsubscribedGroups(body[key], depth + 1);
      if (found) return found;
    }
  }
  const entries = Object.entries(body).filter(([key]) => key !== 'totalCount' && key !== 'objectType');
  if (entries.length && entries.every(([, value]) => typeof value === 'boolean' || typeof value === 'string')) {
    return entries.filter(([, value]) => value === true || value === 'unsubscribed').map(([key]) => key);
  }
  if (entries.length === 0) return [];
  return undefined;
}

function isSubscribedMark(status: unknown): boolean {
  return typeof status === 'string' && /^(subscribed|active|opted_?in)$/i.test(status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const groupsStatusSchema: Schema<string[]> = (value, path) => {
  const groups = readUnsubscribedGroups(value);
  if (!groups) throw new SchemaError(path, 'no list of unsubscribed groups found');
  return groups;
};

/** The groups this user has left. */
export async function getUnsubscribedGroups(api: ApiContext): Promise<string[]> {
  return postJson({
    ...api,
    url: `${messagingBase(api.urls, api.region)}/unsubscribe-users/userGroupsStatus`,
    body: {},
    schema: groupsStatusSchema,
    dedupe: true,
  });
}

export interface GroupChanges {
  unsubscribed: string[];
  subscribed: string[];
}

/** Saves the difference. Answers the new list of left groups when the service tells it. */
export async function syncGroups(api: ApiContext, changes: GroupChanges): Promise<string[] | undefined> {
  if (!changes.unsubscribed.length && !changes.subscribed.length) {
    throw new KalError('config', 'syncGroups: nothing to save');
  }
  const answer = await postJson({
    ...api,
    url: `${messagingBase(api.urls, api.region)}/unsubscribe-users/syncGroups`,
    body: { unsubscribed: changes.unsubscribed, subscribed: changes.subscribed },
    schema: unknown,
  });
  return readSyncAnswer(answer);
}

/** Keys under which an answer may carry the new list of left groups. */
const STATE_KEYS = ['unsubscribedGroups', 'unsubscribed', 'groups', 'objects', 'data', 'result'];

/**
 * The new list of left groups from a `syncGroups` answer, or undefined when the answer only
 * acknowledges (`null`, `true`, `{}`, `{ success: true }`): the changes sent then stand. An answer that
 * claims to carry the state but does not parse, or says it failed, is an `invalid-response`: the
 * save may not have happened, so the person's choices are kept for a retry (the call is idempotent).
 */
export function readSyncAnswer(answer: unknown): string[] | undefined {
  if (answer === undefined || answer === null || answer === true) return undefined;
  const carriesState = Array.isArray(answer) || (isRecord(answer) && STATE_KEYS.some((key) => key in answer));
  const failed = isRecord(answer) && (answer.success === false || 'error' in answer || 'errorCode' in answer);
  if (!failed) {
    if (carriesState) {
      const groups = readUnsubscribedGroups(answer);
      if (groups) return groups;
    } else if (isRecord(answer)) {
      return undefined;
    }
  }
  throw new KalError('invalid-response', 'unsubscribe-users/syncGroups: unexpected answer (no list of unsubscribed groups); the save may not have happened');
}
