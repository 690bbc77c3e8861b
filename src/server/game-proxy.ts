import { CertificateReports } from './certificate-report.js';
import { GAME_PROXY_ACTIONS, buildBody, type GameProxyAction } from './game-bodies.js';
import { isObject, type AuthenticatedUser, type Json } from './http.js';
import { addNames, readPolicy, resolvePolicies, rowUserId, visibleRows, type ParticipationPolicy } from './participation.js';
import { readProxy, serviceUrlOption, type ReadAction, type ReadProxyOptions, type Shown } from './read-proxy.js';
import { TtlCache, sharedRead } from './ttl-cache.js';
import { ServiceUpstream, failure } from './upstream.js';
import { UserDirectory, type UserDirectoryOptions } from './user-directory.js';

export { GAME_PROXY_ACTIONS, type GameProxyAction } from './game-bodies.js';

export interface GameProxyOptions<U extends AuthenticatedUser = AuthenticatedUser> extends ReadProxyOptions<U> {
  /** Game Services base, e.g. `https://scm.nvp1.ovp.kaltura.com/api/v1`. */
  gameUrl: string;
  /** API v3 look-ups: `fullName` for score rows, and the emails and groups participation policies match on. */
  userDirectory?: UserDirectoryOptions;
  /** How long a leaderboard's participation policy is reused, in ms (default 60 000). */
  policyCacheMs?: number;
  /** How long one reading of a certificate's report serves every viewer, in ms (default 30 000). */
  reportCacheMs?: number;
  /** The most rows of a certificate's report the proxy reads to find a viewer's (default 10 000). */
  maxReportRows?: number;
}

/**
 * A read-only, allow-listed Game Services proxy. Mount it under a path (e.g. `/api/game/`): the
 * last two path segments are `{controller}/{action}`. The browser never sees the ADMIN KS, can
 * only call the read actions in GAME_PROXY_ACTIONS, only reads its own per-user data, and never
 * sees rows the leaderboard's participation policy hides from other users.
 */
export function createGameProxy<U extends AuthenticatedUser = AuthenticatedUser>(
  options: GameProxyOptions<U>,
): (request: Request) => Promise<Response> {
  const { adminKs, userDirectory, timeoutMs = 15_000, policyCacheMs = 60_000, onError } = options;
  const gameUrl = serviceUrlOption(options.gameUrl, 'createGameProxy', 'gameUrl', 'https://scm.nvp1.ovp.kaltura.com/api/v1');
  const upstream = new ServiceUpstream('Game Services', gameUrl, adminKs, options.fetch, timeoutMs);
  const directory = userDirectory ? new UserDirectory(userDirectory, adminKs, options.fetch) : undefined;
  // One read per board at a time (its answer serves every request waiting on it), reused for policyCacheMs.
  const policies = new TtlCache<Promise<ParticipationPolicy>>(policyCacheMs, 1_000);
  const reports = new CertificateReports(upstream, {
    cacheMs: options.reportCacheMs ?? 30_000,
    maxRows: options.maxReportRows ?? 10_000,
    timeoutMs,
  });

  // Not tied to one request's signal: other requests may be waiting on the same read.
  const policyOf = (boardId: string): Promise<ParticipationPolicy> =>
    sharedRead(policies, boardId, async () => {
      const board = await upstream.call('leaderboard/get', { id: boardId }, AbortSignal.timeout(timeoutMs));
      if (!board.ok) throw new Error(`leaderboard/get for the participation policy failed: ${board.status} ${board.body.code}`);
      return readPolicy(board.data);
    });

  function rememberPolicy(boardId: string, board: unknown): void {
    try {
      policies.set(boardId, Promise.resolve(readPolicy(board)));
    } catch {
      // An unreadable policy is read again (and fails closed) when a score read needs it.
    }
  }

  /** What the viewer may see of a 2xx answer, or a failure when it cannot be made safe to show. */
  async function forViewer(action: GameProxyAction, sent: Json, { data, retryAfter }: { data: unknown; retryAfter: string | null }, viewerId: string, request: Request): Promise<Shown> {
    const shown = (value: unknown): Shown => ({ ok: true, data: value, retryAfter });
    const perUser = action === 'userScore/get' || action === 'userScore/ruleProgress';
    if (perUser && !(isObject(data) && (data.userId == null || data.userId === viewerId))) {
      return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Game Services answered about another user');
    }
    // Sub-leaderboard rows are segments (a country, a company), not users: nothing to hide or name.
    const scoreRows = action === 'userScore/get' || (action === 'userScore/list' && sent.subLeaderboardId == null);
    if (!scoreRows) return shown(data);
    if (!isObject(data) || (action === 'userScore/list' && !Array.isArray(data.objects))) {
      return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Game Services answered with an unexpected shape');
    }
    // userScore/get is about the viewer (the proxy asked for them), whatever its row says.
    const rows = action === 'userScore/get' ? [{ ...data, userId: viewerId }] : (data.objects as unknown[]);
    let visible: Json[];
    try {
      const policy = await policyOf(String(sent.gameObjectId));
      const policyFor = await resolvePolicies(policy, rows.filter(isObject).flatMap((row) => rowUserId(row) ?? []), directory);
      visible = visibleRows(rows, policyFor, viewerId);
    } catch (error) {
      return failure(502, 'POLICY_UNAVAILABLE', "the leaderboard's participation policy could not be applied", null, error);
    }
    if (directory) await addNames(visible, directory, (error) => onError?.(error, request));
    // Counts and ranks stay the service's: hidden participants keep their place.
    return shown(action === 'userScore/get' ? visible[0] : { totalCount: data.totalCount, objects: visible });
  }

  const relay =
    (action: GameProxyAction): ReadAction =>
    async (body, viewer, request) => {
      const sent = buildBody(action, body, viewer.userId);
      const result = await upstream.call(action, sent, request.signal);
      if (!result.ok) return result;
      // A board read for the page carries its policy: later score reads need not ask again.
      if (action === 'leaderboard/get') rememberPolicy(String(sent.id), result.data);
      return forViewer(action, sent, result, viewer.userId, request);
    };
  const ownReportRows: ReadAction = async (body, viewer) =>
    reports.rowsOf(String(buildBody('userCertificateReport/list', body, viewer.userId).gameObjectId), viewer.userId);
  const actions = Object.fromEntries(
    GAME_PROXY_ACTIONS.map((action) => [action, action === 'userCertificateReport/list' ? ownReportRows : relay(action)]),
  );
  return readProxy('createGameProxy', options, upstream, actions);
}
