// @ts-check
/**
 * Seeded, deterministic data shared (read-only) by every partner: users, leaderboards, badges,
 * certificates, subscription groups and the seeded room. Per-partner changes live in world.js.
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
  // A third of the ids are plain ids, the rest emails: clients must not assume either.
  const email = index % 3 === 0 ? undefined : `${firstName}.${lastName}${index}@example.com`.toLowerCase();
  return { index, id: email ?? `user-${index}`, firstName, lastName, fullName: `${firstName} ${lastName}`, email, country, company };
}

/**
 * The index of a user id, or -1: parsed back from the id's number, then checked by regenerating.
 * @param {string} id
 */
export function userIndexOf(id) {
  if (id === VIEWER_ID) return 0;
  const m = /^user-(\d+)$/.exec(id) ?? /^[a-z]+\.[a-z]+(\d+)@example\.com$/.exec(id);
  const index = m ? Number(m[1]) : -1;
  return index > 0 && index < USER_COUNT && userAt(index).id === id ? index : -1;
}

// ---------------------------------------------------------------- leaderboards

const DAY = 86_400_000;
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
const SEEDED_AT = '2025-05-20T10:00:00.000Z';
const ALL_USERS_POLICY = { userDefaultPolicy: 'display', policies: [] };

/**
 * @typedef {{ id: string, name: string, description: string, status: 'scheduled' | 'enabled' | 'disabled',
 *   startDate: string, endDate: string, virtualEventIds: string[], participationPolicy: object,
 *   subLeaderboards: { id: number, name: string, filterPaths: string[] }[], createdAt: string, updatedAt: string }} Leaderboard
 * @typedef {{ entity: Leaderboard, members: number, viewerRank: number, live: boolean }} LeaderboardSeed
 */

/** Members are users 0..members-1, so the viewer (user 0) is on every board that has scores. */
/** @type {LeaderboardSeed[]} */
export const LEADERBOARDS = [
  {
    members: 5000, viewerRank: 57, live: true,
    entity: {
      id: 'lb_conference', name: 'Conference Engagement', description: 'Points for session attendance, polls, and chat', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - DAY), endDate: iso(SANDBOX_STARTED_AT + 2 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [{ id: 0, name: 'By Country', filterPaths: ['country'] }, { id: 1, name: 'By Company', filterPaths: ['company'] }],
      createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: USER_COUNT, viewerRank: 1234, live: true,
    entity: {
      id: 'lb_huge', name: 'Global Learning Challenge', description: 'Every learner on the platform', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - 30 * DAY), endDate: iso(SANDBOX_STARTED_AT + 30 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: 0, viewerRank: 0, live: false,
    entity: {
      id: 'lb_scheduled', name: 'Closing Keynote Challenge', description: 'Starts next week', status: 'scheduled',
      startDate: iso(SANDBOX_STARTED_AT + 7 * DAY), endDate: iso(SANDBOX_STARTED_AT + 8 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
  {
    members: 200, viewerRank: 12, live: false,
    entity: {
      id: 'lb_final', name: 'Spring Summit 2025', description: 'Final standings', status: 'disabled',
      startDate: '2025-03-10T09:00:00.000Z', endDate: '2025-03-12T18:00:00.000Z', virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [{ id: 0, name: 'By Country', filterPaths: ['country'] }], createdAt: SEEDED_AT, updatedAt: '2025-03-12T18:00:00.000Z',
    },
  },
  {
    members: 0, viewerRank: 0, live: true,
    entity: {
      id: 'lb_empty', name: 'Sponsor Hall Quest', description: 'No points yet', status: 'enabled',
      startDate: iso(SANDBOX_STARTED_AT - DAY), endDate: iso(SANDBOX_STARTED_AT + 2 * DAY), virtualEventIds: ['12345'], participationPolicy: ALL_USERS_POLICY,
      subLeaderboards: [], createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
    },
  },
];

/** @typedef {{ scores: Int32Array, order: Int32Array, posOf: Int32Array }} Ranking */

/** @type {Map<string, Ranking>} */
const baseRankings = new Map();

/**
 * Ranking order: score descending, then user index ascending (so ties keep the seeded order).
 * @param {Int32Array} scores
 */
export const byRank = (scores) => (/** @type {number} */ a, /** @type {number} */ b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b;

/**
 * The seeded ranking of a board, built once per process on first use and shared by every partner
 * until a partner's scores move (world.js then copies it).
 * @param {LeaderboardSeed} seed
 * @returns {Ranking}
 */
export function baseRanking(seed) {
  const cached = baseRankings.get(seed.entity.id);
  if (cached) return cached;
  const n = seed.members;
  const rand = prng(hash32('scores:' + seed.entity.id));
  const scores = new Int32Array(n);
  // Exponentially distributed: a few high scores well apart, many modest ones close together.
  for (let i = 1; i < n; i++) scores[i] = 10 + Math.floor(-Math.log(1 - rand()) * 1500);
  if (n > 0) {
    // Put the viewer where the demo wants it: level with the user now at that rank (ties go to index 0).
    const others = Int32Array.from(scores.subarray(1)).sort().reverse();
    scores[0] = others[Math.min(seed.viewerRank, others.length) - 1] ?? 0;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(byRank(scores));
  const posOf = new Int32Array(n);
  for (let p = 0; p < n; p++) posOf[order[p]] = p;
  const ranking = { scores, order, posOf };
  baseRankings.set(seed.entity.id, ranking);
  return ranking;
}

// ---------------------------------------------------------------- badges

const VIRTUAL_EVENT_ID = '12345';

/**
 * @typedef {{ id: string, name: string, type: string, goal: string, points: string, maxPoints: string, metric: string, groupBy: string,
 *   mode: string, reportFormat: string, conditions: { fact: string, operator: string, value: string }[] }} BadgeRule
 * @typedef {{ id: string, name: string, description: string, iconUrl: string, status: string, virtualEventIds: string[],
 *   participationPolicy: object, rules: BadgeRule[], createdAt: string, updatedAt: string }} Badge
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
  participationPolicy: ALL_USERS_POLICY, rules, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
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

// ---------------------------------------------------------------- certificates

export const CERTIFICATES = [
  {
    id: 'cert_attendance', name: 'Certificate of Attendance', description: 'Attend at least 3 sessions of the conference', status: 'enabled',
    externalId: 'CONF-2025', certificateEligibility: 'once', certifiedCreditsThreshold: 3, host: 'https://events.example.com',
    virtualEventIds: [VIRTUAL_EVENT_ID], participationPolicy: ALL_USERS_POLICY, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
  },
  {
    id: 'cert_cpe', name: 'CPE Credit Certificate', description: 'Continuing Professional Education: 1 credit per qualifying session', status: 'enabled',
    externalId: 'NASBA-PROG-2025-4821', certificateEligibility: 'perEntry', certifiedCreditsThreshold: 1, host: 'https://events.example.com',
    virtualEventIds: [VIRTUAL_EVENT_ID], participationPolicy: ALL_USERS_POLICY, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
  },
];

/**
 * The guide gives no row shape for userCertificateReport/list; these fields are the sandbox's choice.
 * @typedef {{ userId: string, gameObjectId: string, credits: number, status: 'CERTIFIED' | 'IN_PROGRESS', certificationDate?: string }} UserCertificate
 * @type {UserCertificate[]}
 */
export const USER_CERTIFICATES = [
  { userId: VIEWER_ID, gameObjectId: 'cert_attendance', credits: 3.5, status: 'CERTIFIED', certificationDate: '2025-06-16T17:00:00Z' },
  { userId: VIEWER_ID, gameObjectId: 'cert_cpe', credits: 0.5, status: 'IN_PROGRESS' },
  { userId: userAt(1).id, gameObjectId: 'cert_attendance', credits: 1, status: 'IN_PROGRESS' },
  { userId: userAt(2).id, gameObjectId: 'cert_cpe', credits: 2, status: 'CERTIFIED', certificationDate: '2025-06-16T15:30:00Z' },
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
