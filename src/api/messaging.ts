import * as z from 'zod/mini';
import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { messagingBase } from './regions.js';

// Messaging guide, section 10: a user-scoped KS reads and syncs its own unsubscribe groups.

/** Group ids: text or numbers. */
const groupId = z.union([z.string(), z.number()]);

/** An object naming a group, read as its id, or null when it says the person is subscribed to it. */
const groupEntry = z.pipe(
  z.object({
    groupId: z.optional(groupId),
    id: z.optional(groupId),
    name: z.optional(groupId),
    group: z.optional(groupId),
    unsubscribeGroup: z.optional(groupId),
    status: z.optional(z.unknown()),
    unsubscribed: z.optional(z.unknown()),
    subscribed: z.optional(z.unknown()),
  }).check(z.refine((item) => (item.groupId ?? item.id ?? item.name ?? item.group ?? item.unsubscribeGroup) !== undefined)),
  z.transform((item) =>
    isSubscribedMark(item.status) || item.unsubscribed === false || item.subscribed === true
      ? null
      : String(item.groupId ?? item.id ?? item.name ?? item.group ?? item.unsubscribeGroup),
  ),
);

/** A list of group ids, or of objects naming groups. */
const groupList = z.pipe(
  z.array(z.union([z.pipe(groupId, z.transform(String)), groupEntry])),
  z.transform((ids) => ids.filter((each) => each !== null)),
);

/** Count and type fields a list answer may carry beside its groups. */
const LIST_FIELDS = new Set(['totalCount', 'objectType']);

/** A map of group id → `true` / `"unsubscribed"` (left) or `false` / `"subscribed"` (kept). */
const groupMap = z.pipe(
  z.catchall(z.object({ totalCount: z.optional(z.unknown()), objectType: z.optional(z.unknown()) }), z.union([z.boolean(), z.string()])),
  z.transform((map) => Object.keys(map).filter((key) => !LIST_FIELDS.has(key) && (map[key] === true || map[key] === 'unsubscribed'))),
);

/** Keys under which an answer may carry the list of left groups. */
const STATE_KEYS = ['unsubscribedGroups', 'unsubscribed', 'groups', 'objects', 'data', 'result'] as const;

/** The list at this depth, under one of the state keys (two levels at most), or as a map. */
function groupsAt(depth: number): z.ZodMiniType<string[]> {
  const wrapped = depth < 2 ? STATE_KEYS.map((key) => z.pipe(z.object({ [key]: groupsAt(depth + 1) }), z.transform((body) => body[key]!))) : [];
  return z.union([groupList, ...wrapped, groupMap]);
}

/**
 * `userGroupsStatus` has no documented answer. Accepted, leniently: a list of group ids or of objects
 * naming a group (`groupId`, `id`, `name`, `group` or `unsubscribeGroup`, kept unless they say
 * `status: "subscribed"` / `unsubscribed: false`); that list under one of `STATE_KEYS`; or a map of
 * group id → left or kept. Anything else is an `invalid-response`.
 */
const groupsStatus = groupsAt(0);

function isSubscribedMark(status: unknown): boolean {
  return typeof status === 'string' && /^(subscribed|active|opted_?in)$/i.test(status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The groups this user has left. */
export async function getUnsubscribedGroups(api: ApiContext): Promise<string[]> {
  return postJson({
    ...api,
    url: `${messagingBase(api.urls, api.region)}/unsubscribe-users/userGroupsStatus`,
    body: {},
    schema: groupsStatus,
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
    schema: z.unknown(),
  });
  return readSyncAnswer(answer);
}

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
      const groups = groupsStatus.safeParse(answer);
      if (groups.success) return groups.data;
    } else if (isRecord(answer)) {
      return undefined;
    }
  }
  throw new KalError('invalid-response', 'unsubscribe-users/syncGroups: unexpected answer (no list of unsubscribed groups); the save may not have happened');
}
