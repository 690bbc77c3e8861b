import { z } from 'zod';
import { isObject, type Json } from './http.js';
import type { UserDirectory } from './user-directory.js';

/**
 * Participation policies (Gamification guide §5): `display` users are shown to everyone,
 * `do_not_display` users only to admins, `do_not_save` users have no data. The proxy reads with an
 * ADMIN KS, so it applies them itself before any row leaves the server.
 */
export interface ParticipationPolicy {
  userDefaultPolicy: string;
  policies: ReadonlyArray<{ policy: string; matchCriteria: 'byGroup' | 'byEmailDomain'; values: readonly string[] }>;
}

type Rule = ParticipationPolicy['policies'][number];

/** Any other `matchCriteria` makes the policy unreadable: a rule the proxy cannot evaluate may be the one that hides someone. */
const policySchema = z
  .object({
    userDefaultPolicy: z.string().nullish(),
    policies: z
      .array(
        z.object({
          policy: z.string(),
          matchCriteria: z.enum(['byGroup', 'byEmailDomain']),
          values: z.array(z.union([z.string(), z.number()])),
        }),
      )
      .nullish(),
  })
  .nullish();

/** The `participationPolicy` of a leaderboard; none means everyone is shown (guide §4.2). Throws on a shape it cannot read. */
export function readPolicy(leaderboard: unknown): ParticipationPolicy {
  if (!isObject(leaderboard)) throw new Error('leaderboard/get did not answer with a leaderboard');
  const parsed = policySchema.parse(leaderboard.participationPolicy);
  return {
    userDefaultPolicy: parsed?.userDefaultPolicy ?? 'display',
    policies: (parsed?.policies ?? []).map(({ policy, matchCriteria, values }) => ({
      policy,
      matchCriteria,
      // Domains compare case-insensitively, written with or without their `@`.
      values: values.map((value) => (matchCriteria === 'byEmailDomain' ? String(value).replace(/^@/, '').toLowerCase() : String(value))),
    })),
  };
}

/** A user's policy, or undefined when a look-up it needs could not be made (treated as hidden). */
export type PolicyOf = (userId: string | undefined) => string | undefined;

/**
 * Looks up what the policy's rules need about these users (emails, groups) and returns who falls
 * under which policy: rules in order, first match wins, else `userDefaultPolicy`. Throws when a
 * look-up fails; a policy without rules needs none.
 */
export async function resolvePolicies(
  policy: ParticipationPolicy,
  userIds: readonly string[],
  directory: UserDirectory | undefined,
): Promise<PolicyOf> {
  const byEmail = policy.policies.some((rule) => rule.matchCriteria === 'byEmailDomain');
  const byGroup = policy.policies.some((rule) => rule.matchCriteria === 'byGroup');
  if ((byEmail || byGroup) && userIds.length > 0 && !directory) {
    throw new Error('this participation policy needs the users\' emails or groups: configure userDirectory');
  }
  const [profiles, groups] = await Promise.all([
    byEmail && directory ? directory.profiles(userIds) : undefined,
    byGroup && directory ? directory.groups(userIds) : undefined,
  ]);
  // undefined: what the rule needs about this user is not known.
  const matches = (rule: Rule, userId: string): boolean | undefined => {
    if (rule.matchCriteria === 'byEmailDomain') {
      const profile = profiles?.get(userId);
      if (!profile) return undefined;
      const domain = emailDomain(profile.email);
      return domain !== undefined && rule.values.includes(domain);
    }
    const memberOf = groups?.get(userId);
    return memberOf && memberOf.some((group) => rule.values.includes(group));
  };
  return (userId) => {
    for (const rule of policy.policies) {
      const match = userId === undefined ? undefined : matches(rule, userId);
      if (match === undefined) return undefined;
      if (match) return rule.policy;
    }
    return policy.userDefaultPolicy;
  };
}

function emailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at >= 0 ? email.slice(at + 1).toLowerCase() : undefined;
}

export function rowUserId(row: Json): string | undefined {
  return typeof row.userId === 'string' && row.userId !== '' ? row.userId : undefined;
}

/**
 * The rows another viewer may see. The viewer's own row stays even when hidden, marked
 * `hiddenFromOthers`; rows that cannot be attributed or evaluated are dropped.
 */
export function visibleRows(rows: readonly unknown[], policyOf: PolicyOf, viewerId: string): Json[] {
  const visible: Json[] = [];
  for (const row of rows) {
    if (!isObject(row)) continue;
    const userId = rowUserId(row);
    if (policyOf(userId) === 'display') visible.push(row);
    else if (userId === viewerId) visible.push({ ...row, hiddenFromOthers: true });
  }
  return visible;
}

/** Adds `fullName` to rows that have none; a failing look-up leaves them unnamed. */
export async function addNames(rows: readonly Json[], directory: UserDirectory, report: (error: unknown) => void): Promise<void> {
  const unnamed = rows.filter((row) => !(typeof row.fullName === 'string' && row.fullName !== '') && rowUserId(row));
  if (unnamed.length === 0) return;
  try {
    const profiles = await directory.profiles(unnamed.map((row) => rowUserId(row)!));
    for (const row of unnamed) {
      const name = profiles.get(rowUserId(row)!)?.name;
      if (name) row.fullName = name;
    }
  } catch (error) {
    report(error);
  }
}
