import { isObject, type Json } from './http.js';
import { invalidField as invalid } from './read-proxy.js';

/** The read actions the widgets use; nothing else goes through the proxy. */
export const GAME_PROXY_ACTIONS = [
  'leaderboard/get',
  'userScore/list',
  'userScore/get',
  'userScore/ruleProgress',
  'badge/get',
  'badge/list',
  'certificate/get',
  'userCertificateReport/list',
  'rule/list',
] as const;
export type GameProxyAction = (typeof GAME_PROXY_ACTIONS)[number];

/**
 * Game objects whose rules a viewer may read (guide §6.1 lists `leadScoring` too: how leads are
 * scored is the organiser's, not the audience's).
 */
const RULE_OWNERS = ['leaderboard', 'badge', 'certificate'];

/** One page of rows costs at most one `user.list` and one `groupUser.list` call (see UserDirectory). */
export const MAX_PAGE_SIZE = 100;
/** Game Services' own default page size (guide §14.3 pagers). */
const DEFAULT_PAGE_SIZE = 30;
const MAX_ID_LENGTH = 256;

/**
 * The upstream body of each action, built from the fields the guide documents for it and nothing
 * else: whatever else the browser sends (another `userId`, filters, a `ks`) is never forwarded.
 * Per-user reads are always about the viewer.
 */
const BODIES: Record<GameProxyAction, (body: Json, viewerId: string) => Json> = {
  'leaderboard/get': (body) => ({ id: idField(body, 'id') }),
  'badge/get': (body) => ({ id: idField(body, 'id') }),
  'certificate/get': (body) => ({ id: idField(body, 'id') }),
  // Guide §8.5 documents no user filter: the proxy pages through the report and keeps the viewer's rows.
  'userCertificateReport/list': (body) => ({ gameObjectId: idField(body, 'gameObjectId') }),
  'rule/list': (body) => {
    const { gameObjectType } = body;
    if (typeof gameObjectType !== 'string' || !RULE_OWNERS.includes(gameObjectType)) {
      throw invalid('gameObjectType', '"leaderboard", "badge" or "certificate"');
    }
    return { gameObjectType, gameObjectId: idField(body, 'gameObjectId') };
  },
  'userScore/get': (body, viewerId) => ({ gameObjectId: idField(body, 'gameObjectId'), userId: viewerId }),
  'userScore/ruleProgress': (body, viewerId) => ({ gameObjectId: idField(body, 'gameObjectId'), userId: viewerId }),
  'userScore/list': (body) => {
    const { gameObjectType, subLeaderboardId } = body;
    // The proxy applies leaderboard participation policies, so leaderboards are all it lists.
    if (gameObjectType !== undefined && gameObjectType !== 'leaderboard') throw invalid('gameObjectType', '"leaderboard"');
    if (subLeaderboardId != null && !isSubLeaderboardId(subLeaderboardId)) throw invalid('subLeaderboardId', 'a short string or an integer');
    return {
      gameObjectId: idField(body, 'gameObjectId'),
      ...(gameObjectType === undefined ? {} : { gameObjectType }),
      pager: pagerField(body.pager),
      ...(subLeaderboardId == null ? {} : { subLeaderboardId }),
    };
  },
  'badge/list': (body) => {
    const { filter } = body;
    if (filter != null && !isObject(filter)) throw invalid('filter', 'an object');
    const idIn = filter?.idIn;
    if (idIn !== undefined && !(Array.isArray(idIn) && idIn.length <= MAX_PAGE_SIZE && idIn.every(isId))) {
      throw invalid('filter.idIn', `an array of at most ${MAX_PAGE_SIZE} ids`);
    }
    return { pager: pagerField(body.pager), ...(idIn === undefined ? {} : { filter: { idIn } }) };
  },
};

/** Throws an InvalidRequestError when a field has the wrong type. */
export function buildBody(action: GameProxyAction, body: Json, viewerId: string): Json {
  return BODIES[action](body, viewerId);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isSubLeaderboardId(value: unknown): boolean {
  return Number.isSafeInteger(value) || (typeof value === 'string' && value.length > 0 && value.length <= 64);
}

function idField(body: Json, name: string): string {
  const value = body[name];
  if (!isId(value)) throw invalid(name, 'a non-empty id');
  return value;
}

/** `{ pageSize, pageIndex }` with the size clamped to 1..MAX_PAGE_SIZE and the index at least 1. */
function pagerField(pager: unknown): { pageSize: number; pageIndex: number } {
  if (pager != null && !isObject(pager)) throw invalid('pager', 'an object');
  const number = (name: 'pageSize' | 'pageIndex', fallback: number): number => {
    const value = pager?.[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`pager.${name}`, 'a number');
    return Math.floor(value);
  };
  return {
    pageSize: Math.min(Math.max(number('pageSize', DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE),
    pageIndex: Math.max(number('pageIndex', 1), 1),
  };
}
