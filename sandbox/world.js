// @ts-check
/**
 * Per-partner worlds: the mutable overlay on top of the shared seeded data (data.js). Each partner id
 * gets its own, so tests running in parallel with different partner ids never see each other's
 * switches, faults, preferences, rooms, joins, progress, event schedule or score movement.
 */

/**
 * @typedef {{ latencyMs: number, lenientGameUserKs: boolean, lenientFilters: boolean, zeroBasedRanks: boolean, groupsStatusShape: 'ids' | 'objects' | 'array',
 *   kafMisconfigured: boolean, roomHang: boolean, live: boolean | null }} Switches
 * @typedef {{ kind: 'fail' | 'malformed' | 'hang', remaining: number, match?: string, status?: number, retryAfter?: number,
 *   body?: unknown, shape?: 'json' | 'shape' }} Fault
 * @typedef {{ method: string, path: string, status: number, userId?: string, at: string }} LoggedCall
 * @typedef {{ entryId: string, userId: string, role: 'moderator' | 'participant', chatModerator: boolean, at: string }} Join
 * @typedef {{ id: string, name: string, description: string, tags: string, templateRoomEntryId: string,
 *   roomModeratorUserIds: string[], chatModeratorUserIds: string[], ownerUserId: string, createdAt: string }} Room
 * @typedef {import('./scores.js').Ranking & { prevPosOf?: Int32Array }} LiveRanking
 * @typedef {{ partnerId: number, switches: Switches, faults: Fault[], preferences: Map<string, string[]>, rooms: Map<string, Room>,
 *   joins: Join[], calls: LoggedCall[], tokenCalls: number, ticks: number, rankings: Map<string, LiveRanking>,
 *   badgeRows: Map<string, import('./data.js').UserBadge>, certificateRows: Map<string, import('./certificates.js').UserCertificate>,
 *   seenKs: Set<string>, expiredKs: Set<string>, eventsPlannedAt?: number }} World
 *   eventsPlannedAt: the moment the partner's demo event is scheduled around (events-data.js).
 */

/** The call log keeps the latest entries only, so a long demo session cannot grow without bound. */
const MAX_CALLS = 1000;

/** @returns {Switches} */
const defaultSwitches = () => ({
  latencyMs: 0, lenientGameUserKs: false, lenientFilters: false, zeroBasedRanks: false, groupsStatusShape: 'ids', kafMisconfigured: false, roomHang: false, live: null,
});

/** @param {number} partnerId @returns {World} */
function createWorld(partnerId) {
  return {
    partnerId, switches: defaultSwitches(), faults: [], preferences: new Map(), rooms: new Map(), joins: [], calls: [],
    tokenCalls: 0, ticks: 0, rankings: new Map(), badgeRows: new Map(), certificateRows: new Map(), seenKs: new Set(), expiredKs: new Set(),
  };
}

export function createWorlds() {
  /** @type {Map<number, World>} */
  const worlds = new Map();
  return {
    /** The partner's world, created on first use. */
    get(/** @type {number} */ partnerId) {
      let world = worlds.get(partnerId);
      if (!world) worlds.set(partnerId, (world = createWorld(partnerId)));
      return world;
    },
    all: () => [...worlds.values()],
    /** Forgets one partner, or every partner when none is given. @param {number} [partnerId] */
    reset(partnerId) {
      if (partnerId === undefined) worlds.clear();
      else worlds.delete(partnerId);
    },
  };
}

/** @typedef {ReturnType<typeof createWorlds>} Worlds */

/** @param {World} world @param {LoggedCall} call */
export function recordCall(world, call) {
  world.calls.push(call);
  if (world.calls.length > MAX_CALLS) world.calls.splice(0, world.calls.length - MAX_CALLS);
}

/**
 * What `GET /sandbox/control/state` shows. Never a KS: rooms and joins hold none, and call paths are
 * redacted where they carry one.
 * @param {World} world
 */
export function worldState(world) {
  return {
    partnerId: world.partnerId,
    switches: world.switches,
    queuedFaults: world.faults.map(({ kind, remaining, match }) => ({ kind, remaining: remaining === Infinity ? -1 : remaining, ...(match ? { match } : {}) })),
    calls: world.calls,
    tokenCalls: world.tokenCalls,
    ticks: world.ticks,
    preferences: Object.fromEntries(world.preferences),
    rooms: [...world.rooms.values()],
    joins: world.joins,
  };
}
