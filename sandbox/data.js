// @ts-check
/**
 * Seeded, deterministic data shared (read-only) by every partner: users, leaderboards, badges, rules,
 * subscription groups and the seeded room (certificates: certificates.js; events: events-data.js). Per-partner changes live in world.js.
 * Nothing here uses Math.random: the same index always gives the same user, score or progress.
 */

/** 32-bit string hash (FNV-1a), to seed per-object generators. */
export function hash32(/** @type {string} */ text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(/** @type {number} */ seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When this process started, to the hour (so dates stay put within a run): the scheduled board starts a week later. */
const SANDBOX_STARTED_AT = Math.floor(Date.now() / 3_600_000) * 3_600_000;

// ---------------------------------------------------------------- users

export const USER_COUNT = 100_000;
const VIEWER_ID = 'viewer@example.com';

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'Donald', 'Katherine', 'John', 'Sophie', 'Yukihiro', 'Anita', 'Guido', 'Mary', 'Bjarne', 'Joan', 'Niklaus'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Lee', 'Lamarr', 'Knuth', 'Johnson', 'McCarthy', 'Wilson', 'Matsumoto', 'Borg', 'Rossum', 'Kenneth', 'Stroustrup', 'Clarke', 'Wirth'];
export const COUNTRIES = ['United States', 'France', 'Germany', 'Israel', 'Japan', 'Brazil', 'India', 'Canada', 'Spain', 'Australia', 'Kenya', 'Sweden'];
export const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Northwind'];

/** @typedef {{ index: number, id: string, firstName: string, lastName: string, fullName: string, email?: string, country: string, company: string }} User */

/**
 * The people the seeded participation policies are about, by user index: speakers (group `speakers`),
 * staff (email at STAFF_DOMAIN) and one who is both. Their ids look like anyone else's.
 */
const PEOPLE = { speakers: [8, 17], staff: [5, 13, 30], speakerStaff: 22 };
const STAFF_DOMAIN = 'staff.example.com';
const STAFF = new Set([...PEOPLE.staff, PEOPLE.speakerStaff]);

/**
 * The user at an index, built on demand (100,000 users are never stored). Index 0 is the demo viewer.
 * @param {number} index
 * @returns {User}
 */
export function userAt(index) {
  if (index === 0) {
    return { index, id: VIEWER_ID, firstName: 'Ada', lastName: 'Viewer', fullName: 'Ada Viewer', email: VIEWER_ID, country: 'Canada', company: 'Northwind' };
  }
  const rand = prng(hash32('user:' + index));
  const firstName = pick(FIRST_NAMES, rand);
  const lastName = pick(LAST_NAMES, rand);
  const country = pick(COUNTRIES, rand);
  const company = pick(COMPANIES, rand);
  // A third of the ids are plain ids, the rest emails: clients must not assume either. Staff always have an email.
  const local = `${firstName}.${lastName}${index}`.toLowerCase();
  const email = STAFF.has(index) ? `${local}@${STAFF_DOMAIN}` : index % 3 === 0 ? undefined : `${local}@example.com`;
  return { index, id: index % 3 === 0 ? `user-${index}` : /** @type {string} */ (email), firstName, lastName, fullName: `${firstName} ${lastName}`, email, country, company };
}

/**
 * The index of a user id, or -1: parsed back from the id's number, then checked by regenerating.
 * @param {string} id
 */
export function userIndexOf(id) {
  if (id === VIEWER_ID) return 0;
  const m = /^user-(\d+)$/.exec(id) ?? /^[a-z]+\.[a-z]+(\d+)@[a-z.]+$/.exec(id);
  const index = m ? Number(m[1]) : -1;
  return index > 0 && index < USER_COUNT && userAt(index).id === id ? index : -1;
}

/** The seeded people by id, for tests and demos (documented in sandbox/README.md). */
export const SEEDED_PEOPLE = Object.freeze({
  viewer: VIEWER_ID,
  hiddenSpeakers: PEOPLE.speakers.map((i) => userAt(i).id),
  staff: PEOPLE.staff.map((i) => userAt(i).id),
  speakerStaff: userAt(PEOPLE.speakerStaff).id,
});

/** API v3 group memberships (`groupUser`): `[userId, groupId]`, in user order. */
export const GROUP_USERS = [...PEOPLE.speakers, PEOPLE.speakerStaff].sort((a, b) => a - b).map((i) => /** @type {const} */ ([userAt(i).id, 'speakers']));

// ---------------------------------------------------------------- leaderboards

export const DAY = 86_400_000;
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
export const SEEDED_AT = '2025-05-20T10:00:00.000Z';
/** @typedef {{ userDefaultPolicy: Policy, policies: { policy: Policy, matchCriteria: 'byGroup' | 'byEmailDomain', values: string[] }[] }} ParticipationPolicy */
/** @typedef {'display' | 'do_not_display' | 'do_not_save'} Policy */

/** @type {ParticipationPolicy} */
export const ALL_USERS_POLICY = { userDefaultPolicy: 'display', policies: [] };
/** Guide §5's example, with this sandbox's domain: staff are not saved, speakers are hidden from non-admins. */
/** @type {ParticipationPolicy} */
const SEEDED_POLICY = {
  userDefaultPolicy: 'display',
  policies: [
    { policy: 'do_not_save', matchCriteria: 'byEmailDomain', values: [STAFF_DOMAIN] },
    { policy: 'do_not_display', matchCriteria: 'byGroup', values: ['speakers'] },
  ],
};

/**
 * @typedef {{ id: string, name: string, description: string, status: 'scheduled' | 'enabled' | 'disabled',
 *   startDate: string, endDate: string, virtualEventIds: string[], participationPolicy: ParticipationPolicy,
 *   subLeaderboards: { id: number, name: string, filterPaths: string[] }[], createdAt: string, updatedAt: string }} Leaderboard
 * @typedef {{ entity: Leaderboard, members: number, placements: Record<number, number>, live: boolean }} LeaderboardSeed
 *   placements: user index → rank in the admin ranking (do_not_save users: the rank their unsaved score would have)
 */

const [SPEAKER_A, SPEAKER_B] = PEOPLE.speakers;
const [STAFF_A, STAFF_B, STAFF_C] = PEOPLE.staff;

/** Members are users 0..members-1, so the viewer (user 0) is on every board that has scores. */
/** @type {LeaderboardSeed[]} */
export const LEADERBOARDS = [
  {
    members: 5000, live: true,
    placements: { 0: 57, [SPEAKER_A]: 1, [SPEAKER_B]: 4, [STAFF_A]: 2, [STAFF_B]: 7, [STAFF_C]: 12, [PEOPLE.speakerStaff]: 6 },
    entity: {
      id: 'lb_conference', name: 'Conference Engagement', description: 'Points for session attendance, polls, and chat', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - DAY), endDate: iso(SANDBOX_STARTED_AT + 2 * DAY), virtualEventIds: ['12345'], participationPolicy: SEEDED_POLICY,
      subLeaderboards: [{ id: 0, name: 'By Country', filterPaths: ['country'] }, { id: 1, name: 'By Company', filterPaths: ['company'] }],
      createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: USER_COUNT, live: true,
    placements: { 0: 1234, [SPEAKER_A]: 3, [SPEAKER_B]: 9 },
    entity: {
      id: 'lb_huge', name: 'Global Learning Challenge', description: 'Every learner on the platform', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - 30 * DAY), endDate: iso(SANDBOX_STARTED_AT + 30 * DAY), virtualEventIds: ['12345'], participationPolicy: SEEDED_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: 0, placements: {}, live: false,
    entity: {
      id: 'lb_scheduled', name: 'Closing Keynote Challenge', description: 'Starts next week', status: 'scheduled',
      startDate: iso(SANDBOX_STARTED_AT + 7 * DAY), endDate: iso(SANDBOX_STARTED_AT + 8 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: 200, placements: { 0: 12 }, live: false,
    entity: {
      id: 'lb_final', name: 'Spring Summit 2025', description: 'Final standings', status: 'disabled',
      startDate: '2025-03-10T09:00:00.000Z', endDate: '2025-03-12T18:00:00.000Z', virtualEventIds: ['12345'], participationPolicy: SEEDED_POLICY,
      subLeaderboards: [{ id: 0, name: 'By Country', filterPaths: ['country'] }], createdAt: SEEDED_AT, updatedAt: '2025-03-12T18:00:00.000Z',
    },
  },
  {
    members: 0, placements: {}, live: true,
    entity: {
      id: 'lb_empty', name: 'Sponsor Hall Quest', description: 'No points yet', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - DAY), endDate: iso(SANDBOX_STARTED_AT + 2 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
];

// ---------------------------------------------------------------- badges

export const VIRTUAL_EVENT_ID = '12345';

/**
 * @typedef {{ id: string, name: string, description: string, iconUrl: string, status: string, virtualEventIds: string[],
 *   participationPolicy: ParticipationPolicy, rules: BadgeRule[], createdAt: string, updatedAt: string }} Badge
 */

/**
 * @param {string} id @param {string} name @param {string} type @param {string} metric @param {string} eventType @param {string} goal
 * @param {string} [reportFormat]
 * @returns {BadgeRule}
 */
const rule = (id, name, type, metric, eventType, goal, reportFormat = 'default') => ({
  id, name, type, goal, points: '1', maxPoints: '1', metric, groupBy: 'kuserId', mode: 'dont_distribute_points', reportFormat,
  conditions: [{ fact: 'eventType', operator: 'equal', value: eventType }],
});

/**
 * @param {string} id @param {string} name @param {string} description @param {BadgeRule[]} rules
 * @returns {Badge}
 */
const badge = (id, name, description, rules) => ({
  id, name, description, iconUrl: `/sandbox/assets/badges/${id}.svg`, status: 'enabled', virtualEventIds: [VIRTUAL_EVENT_ID],
  participationPolicy: SEEDED_POLICY, rules, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
});

/** @type {Badge[]} */
export const BADGES = [
  badge('badge_attendee', 'Session Attendee', 'Attend 3 sessions to earn this badge', [rule('rule_attendee_sessions', 'Watch 3 sessions', 'countUnique', 'entryId', 'viewPeriod', '3')]),
  badge('badge_pollster', 'Poll Pioneer', 'Answer a live poll', [rule('rule_pollster_polls', 'Answer 1 poll', 'count', 'pollId', 'pollAnswered', '1')]),
  badge('badge_marathon', 'Marathon Viewer', 'Watch 60 minutes across 5 sessions', [
    rule('rule_marathon_minutes', 'Watch 60 minutes', 'sum', 'playTime', 'viewPeriod', '60', 'in_minutes'),
    rule('rule_marathon_sessions', 'Watch 5 different sessions', 'countUnique', 'entryId', 'viewPeriod', '5'),
  ]),
  badge('badge_networker', 'Networker', 'Chat, like and ask: be part of the conversation', [
    rule('rule_networker_chat', 'Send 10 chat messages', 'count', 'comment', 'comment', '10'),
    rule('rule_networker_likes', 'Like 5 comments', 'countBoolean', 'like', 'like', '5'),
    rule('rule_networker_question', 'Ask a question', 'count', 'kuserId', 'questionAsked', '1'),
  ]),
  badge('badge_quiz', 'Quiz Whiz', 'Pass 2 in-video quizzes', [rule('rule_quiz_passed', 'Pass 2 quizzes', 'count', 'kuserId', 'quizSubmitted', '2')]),
  badge('badge_sponsor', 'Sponsor Explorer', 'Visit 3 sponsor booths and watch a sponsor demo', [
    rule('rule_sponsor_booths', 'Visit 3 sponsor booths', 'countUnique', 'entryId', 'boothVisit', '3'),
    rule('rule_sponsor_demo', 'Watch a sponsor demo', 'count', 'kuserId', 'viewPeriod', '1'),
  ]),
];

/** @typedef {{ userId: string, gameObjectId: string, rulesData: { id: string, progress: number, completed: boolean }[], status: 'ACHIEVED' | 'IN_PROGRESS', achievedTimestamp?: string }} UserBadge */

/** The viewer's seeded progress: achieved, in progress, above goal, and badges with no row. */
/** @type {Record<string, { progress: number[], achievedTimestamp?: string }>} */
const VIEWER_PROGRESS = {
  badge_attendee: { progress: [3], achievedTimestamp: '2025-06-15T10:30:00Z' },
  badge_pollster: { progress: [4], achievedTimestamp: '2025-06-15T11:05:00Z' },
  badge_marathon: { progress: [42, 5] },
  badge_networker: { progress: [3, 0, 1] },
};

/** Users that may have seeded badge rows: the conference attendees (the members of lb_conference). */
export const BADGE_POPULATION = 5000;

/**
 * Builds a row from per-rule progress, marking completion and achievement from the goals.
 * @param {Badge} b @param {string} userId @param {number[]} progress @param {string | undefined} achievedTimestamp
 * @returns {UserBadge}
 */
export function userBadgeRow(b, userId, progress, achievedTimestamp) {
  const rulesData = b.rules.map((r, i) => ({ id: r.id, progress: progress[i] ?? 0, completed: (progress[i] ?? 0) >= Number(r.goal) }));
  const achieved = rulesData.every((r) => r.completed);
  return { userId, gameObjectId: b.id, rulesData, status: achieved ? 'ACHIEVED' : 'IN_PROGRESS', ...(achieved && achievedTimestamp ? { achievedTimestamp } : {}) };
}

/**
 * The seeded row of a user for a badge, or undefined when the user has no progress on it.
 * @param {Badge} b
 * @param {number} userIndex
 * @returns {UserBadge | undefined}
 */
export function seededUserBadge(b, userIndex) {
  if (userIndex < 0 || userIndex >= BADGE_POPULATION) return undefined;
  const userId = userAt(userIndex).id;
  if (userIndex === 0) {
    const seeded = VIEWER_PROGRESS[b.id];
    return seeded && userBadgeRow(b, userId, seeded.progress, seeded.achievedTimestamp);
  }
  const rand = prng(hash32(`badge:${b.id}:${userIndex}`));
  if (rand() < 0.4) return undefined;
  const progress = b.rules.map((r) => Math.floor(rand() * (Number(r.goal) + 2)));
  const when = Date.parse('2025-06-15T09:00:00Z') + Math.floor(rand() * 2 * DAY);
  return userBadgeRow(b, userId, progress, new Date(when).toISOString().replace('.000', ''));
}

// ---------------------------------------------------------------- rules

/**
 * A rule entity (guide §6.1). Badge rules are inline (§7.1) and carry no gameObjectType/gameObjectId/status.
 * @typedef {{ id: string, name: string, type: string, goal: string, points: string, maxPoints: string, metric: string, groupBy: string,
 *   mode: string, reportFormat: string, conditions: { fact: string, operator: string, value: string }[] }} BadgeRule
 * @typedef {BadgeRule & { gameObjectType: 'leaderboard' | 'badge' | 'certificate', gameObjectId: string, status: string }} Rule
 */

const viewPeriod = [{ fact: 'eventType', operator: 'equal', value: 'viewPeriod' }];

/** Guide §15.1's conference rules: watch sessions, answer polls, chat. @param {string} boardId @param {string} prefix @returns {Rule[]} */
const conferenceRules = (boardId, prefix) => [
  {
    id: `${prefix}_watch`, gameObjectType: 'leaderboard', gameObjectId: boardId, name: 'Watch sessions', description: 'Watch any session, live or on demand', conditions: viewPeriod,
    type: 'sum', mode: 'distribute_points', metric: 'playTime', groupBy: 'kuserId,entryId', goal: '60', points: '10', maxPoints: '100', reportFormat: 'default', status: 'enabled',
  },
  {
    id: `${prefix}_polls`, gameObjectType: 'leaderboard', gameObjectId: boardId, name: 'Answer polls', description: 'Answer the live polls during sessions', conditions: [{ fact: 'eventType', operator: 'equal', value: 'pollAnswered' }],
    type: 'count', mode: 'distribute_points', metric: 'pollId', groupBy: 'kuserId', goal: '1', points: '25', maxPoints: 'unlimited', reportFormat: 'default', status: 'enabled',
  },
  {
    id: `${prefix}_chat`, gameObjectType: 'leaderboard', gameObjectId: boardId, name: 'Chat messages', description: "Post in a session's chat", conditions: [{ fact: 'eventType', operator: 'equal', value: 'comment' }],
    type: 'count', mode: 'distribute_points', metric: 'comment', groupBy: 'kuserId', goal: '1', points: '5', maxPoints: '50', reportFormat: 'default', status: 'enabled',
  },
];

/** A certificate's watch-time rule (guide §8.4, §15.5). @param {string} certId @param {string} id @param {string} name @param {string} reportFormat @returns {Rule} */
const certificateRule = (certId, id, name, reportFormat) => ({
  id, gameObjectType: 'certificate', gameObjectId: certId, name, conditions: viewPeriod,
  type: 'sum', mode: 'distribute_points', metric: 'playTime', groupBy: 'kuserId,entryId', goal: '60', points: '1', maxPoints: 'unlimited', reportFormat, status: 'enabled',
});

/**
 * Every rule as rule/list shows it: those created with rule/create (on the two live boards and on
 * each certificate), then each badge's inline rules.
 * @type {Rule[]}
 */
export const RULES = [
  ...conferenceRules('lb_conference', 'rule_conference'),
  ...conferenceRules('lb_huge', 'rule_huge'),
  certificateRule('cert_attendance', 'rule_attendance_watch', 'Watch session', 'default'),
  certificateRule('cert_cpe', 'rule_cpe_watch', 'CPE session watch time', 'in_minutes'),
  certificateRule('cert_course', 'rule_course_watch', 'Watch training module', 'default'),
  ...BADGES.flatMap((b) => b.rules.map((r) => /** @type {Rule} */ ({ ...r, gameObjectType: 'badge', gameObjectId: b.id, status: b.status }))),
];

// ---------------------------------------------------------------- messaging and rooms

export const GROUPS = [
  { id: 'event-updates', name: 'Event updates' },
  { id: 'session-reminders', name: 'Session reminders' },
  { id: 'marketing-emails', name: 'Marketing emails' },
  { id: 'weekly-digest', name: 'Weekly digest' },
  { id: 'sponsor-offers', name: 'Sponsor offers' },
];

/** Every user starts unsubscribed from these. */
export const DEFAULT_UNSUBSCRIBED = ['marketing-emails'];

export const SEEDED_ROOM = {
  id: '1_sandboxroom', name: 'Keynote Room', description: 'The main stage', tags: 'keynote', templateRoomEntryId: '',
  roomModeratorUserIds: /** @type {string[]} */ ([]), chatModeratorUserIds: /** @type {string[]} */ ([]), createdAt: SEEDED_AT,
};

/**
 * One item of a non-empty list, chosen by the seeded generator.
 * @template T
 * @param {readonly T[]} items
 * @param {() => number} rand
 * @returns {T}
 */
function pick(items, rand) {
  return /** @type {T} */ (items[Math.floor(rand() * items.length)]);
}
