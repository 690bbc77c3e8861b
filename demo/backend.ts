/**
 * The demo page's backend, wired as a production site would wire `kaltura-widgets/server`:
 *
 * - `GET /api/ks`: the widgets' token endpoint. The signed-in person gets a short-lived USER KS;
 *   a room widget (`?widget=room&entryId=`) gets one whose privileges name the room and the role.
 * - `POST /api/game/{controller}/{action}`: a read-only Game Services proxy holding the ADMIN KS. It
 *   knows the viewer from the USER KS the widget sends (verified with the partner secret, as a real
 *   backend's proxy does), applies participation policies and adds display names from API v3.
 * - `POST /api/events/{events|sessions}/list`: a read-only Events Platform proxy, pinned to the
 *   demo's events (DEMO_EVENT_IDS), with an ADMIN KS that carries a user id (guide 001 requires one).
 *
 * Only the "who is signed in" part is make-believe: a `demo_user` cookie, set when the page is opened
 * (as the seeded viewer `viewer@example.com`, or `?user=someone@example.com`), cleared by `?signout`,
 * and a `demo_role` cookie set by `?role=moderator` / `?role=participant`. A request without the cookie
 * is signed out. Upstream is the sandbox on this same server; the partner secrets stay here.
 *
 * The sandbox has every partner id, each with its own secret, and Storybook's stories use one partner
 * each: the proxies therefore serve whichever sandbox partner the viewer's KS names (one proxy of each
 * kind per partner). A real backend has one partner and one proxy of each kind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
// The sandbox is plain JavaScript with JSDoc types.
// @ts-ignore
import { SEEDED_EVENTS, sandboxAdminSecret } from '../sandbox/index.js';
import {
  KS_TYPE_ADMIN,
  createEventsProxy,
  createGameProxy,
  createTokenHandler,
  mintKs,
  toNodeHandler,
  type AuthenticatedUser,
  type FetchLike,
  type NodeHandler,
  type WebHandler,
} from '../src/server/index.js';

export const DEMO_PARTNER_ID = 1001;
export const DEMO_DEFAULT_USER = 'viewer@example.com';
/**
 * The events the demo's pages may read (the sandbox's seeded ones, the same for every partner): the
 * "Kaltura Connect" demo event, a cancelled one, and a draft the proxy keeps hidden until it is published.
 */
export const DEMO_EVENT_IDS: readonly number[] = [SEEDED_EVENTS.connect, SEEDED_EVENTS.cancelled, SEEDED_EVENTS.draft];

export interface DemoUser extends AuthenticatedUser {
  /** Moderates rooms (room and chat), from the `demo_role` cookie. */
  moderator: boolean;
}

export interface DemoBackendOptions {
  /**
   * Where the sandbox answers, e.g. `http://127.0.0.1:8787`. Default: this same server, taken from
   * the socket each request arrived on (never from the Host header, which a client chooses).
   */
  sandboxOrigin?: string;
  /** The partner whose USER KS the token endpoint mints (default `DEMO_PARTNER_ID`). */
  partnerId?: number;
  /** Where the token endpoint answers (default `/api/ks`; the published snippets name `/api/kaltura-ks`). */
  tokenPath?: string;
}

type Next = (error?: unknown) => void;
export type DemoMiddleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const USER_ID = /^[A-Za-z0-9._@+-]{1,64}$/;

function cookies(header: string | null | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    try {
      jar.set(pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      // A malformed value is ignored.
    }
  }
  return jar;
}

/** The demo's sign-in: the `demo_user` cookie, or nobody (a request without it is signed out). */
export function demoAuthenticate(request: Request): DemoUser | null {
  const jar = cookies(request.headers.get('cookie'));
  const named = jar.get('demo_user');
  if (!named || !USER_ID.test(named)) return null;
  return { userId: named, moderator: jar.get('demo_role') === 'moderator' };
}

/**
 * The room privileges of the KAF rooms guide (KS authentication): `entryId`, `roomModerator`,
 * `chatModerator`. A real backend first checks that this person may join this room.
 */
export function demoPrivileges(user: DemoUser, _request: Request, hints: { widget: string | undefined; entryId: string | undefined }): string {
  if (hints.widget !== 'room' || !hints.entryId) return '';
  const flag = user.moderator ? 1 : 0;
  return `entryId:${hints.entryId},roomModerator:${flag},chatModerator:${flag}`;
}

/** A partner's ADMIN KS, minted here and renewed well before it expires; it never leaves the server. */
function adminKsSource(partnerId: number): () => string {
  let current: { ks: string; renewAt: number } | undefined;
  return () => {
    if (!current || Date.now() >= current.renewAt) {
      const minted = mintKs({
        partnerId,
        secret: sandboxAdminSecret(partnerId),
        userId: 'demo-backend',
        type: KS_TYPE_ADMIN,
        expiresIn: 3600,
      });
      current = { ks: minted.ks, renewAt: Date.parse(minted.expiresAt) - 10 * 60_000 };
    }
    return current.ks;
  };
}

/** `http://{address}:{port}` of the socket a request came in on. */
function localOrigin(req: IncomingMessage): string {
  const { localPort } = req.socket;
  // An IPv4 address on a dual-stack socket reads `::ffff:127.0.0.1`: the IPv4 form is the page's host.
  const localAddress = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  const host = localAddress === '::' || localAddress === '0.0.0.0' ? '127.0.0.1' : localAddress.includes(':') ? `[${localAddress}]` : localAddress;
  return `http://${host}:${localPort}`;
}

const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

/**
 * The demo's sign-in, on page loads: the first visit signs in as the seeded viewer, `?user=` as someone
 * else, `?signout` signs out (until the next `?user=`); `?role=` picks the room role.
 */
function signIn(req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET') return;
  const jar = cookies(req.headers.cookie);
  const set: string[] = [];
  const role = url.searchParams.get('role');
  if (role === 'moderator' || role === 'participant') set.push(`demo_role=${role}`);
  const user = url.searchParams.get('user');
  if (url.searchParams.has('signout')) set.push('demo_user=; Max-Age=0', 'demo_signed_out=1');
  else if (user !== null && USER_ID.test(user)) set.push(`demo_user=${encodeURIComponent(user)}`, 'demo_signed_out=; Max-Age=0');
  else if (!jar.has('demo_user') && !jar.has('demo_signed_out')) set.push(`demo_user=${encodeURIComponent(DEMO_DEFAULT_USER)}`);
  if (set.length === 0) return;
  const existing = res.getHeader('set-cookie');
  const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('set-cookie', [...before, ...set.map((cookie) => `${cookie}; ${COOKIE_ATTRIBUTES}`)]);
}

/** The partner a KS claims (`v2|{partnerId}|…`, or v1 `{signature}|{partnerId};…`), only to pick its proxy. */
function claimedPartner(request: Request): number | undefined {
  const ks = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!ks) return undefined;
  const head = Buffer.from(ks.replace(/-/g, '+').replace(/_/g, '/'), 'base64').subarray(0, 64).toString('latin1');
  const id = Number((/^v2\|(\d+)\|/.exec(head) ?? /^[0-9a-f]{40}\|(\d+);/.exec(head))?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The demo's Game proxy (`POST /api/game/{controller}/{action}`) or Events proxy
 * (`POST /api/events/{events|sessions}/list`) in front of the sandbox at `sandboxOrigin`, reached with
 * `fetch` (default: the global one); one proxy per partner a viewer's KS names. Storybook's static
 * build runs them in its service worker, with a `fetch` that answers from the sandbox there
 * (.storybook/mock/).
 */
export function createDemoProxy(kind: 'game' | 'events', sandboxOrigin: string, fetch?: FetchLike, defaultPartnerId = DEMO_PARTNER_ID): WebHandler {
  const proxies = new Map<number, WebHandler>();
  return (request) => {
    // Without a KS naming a partner, the default partner's proxy answers (and refuses the request).
    const partnerId = claimedPartner(request) ?? defaultPartnerId;
    let proxy = proxies.get(partnerId);
    if (!proxy) {
      // Both know the viewer from the USER KS it sends, verified with the partner's secret (the default sign-in check).
      const shared = { adminKs: adminKsSource(partnerId), viewerKs: { partnerId, secret: sandboxAdminSecret(partnerId) }, ...(fetch ? { fetch } : {}) };
      proxy =
        kind === 'game'
          ? createGameProxy({ ...shared, gameUrl: `${sandboxOrigin}/sandbox/scm/api/v1`, userDirectory: { serviceUrl: `${sandboxOrigin}/sandbox/api_v3` } })
          : createEventsProxy({ ...shared, eventsUrl: `${sandboxOrigin}/sandbox/events-api/api/v1`, eventIds: DEMO_EVENT_IDS });
      proxies.set(partnerId, proxy);
    }
    return proxy(request);
  };
}

/** Connect middleware answering the token endpoint (`/api/ks`), `/api/game/...` and `/api/events/...`; anything else goes on. */
export function createDemoBackend(options: DemoBackendOptions = {}): DemoMiddleware {
  const { partnerId = DEMO_PARTNER_ID, tokenPath = '/api/ks' } = options;
  const tokens = toNodeHandler(
    createTokenHandler<DemoUser>({
      authenticate: demoAuthenticate,
      mint: { partnerId, secret: sandboxAdminSecret(partnerId) },
      privileges: demoPrivileges,
      expiresIn: 3600,
    }),
  );
  // One proxy of each kind per sandbox origin, made on first use.
  const proxies = new Map<string, NodeHandler>();
  const proxyFor = (kind: 'game' | 'events', origin: string): NodeHandler => {
    const key = `${kind} ${origin}`;
    let proxy = proxies.get(key);
    if (!proxy) {
      proxy = toNodeHandler(createDemoProxy(kind, origin, undefined, partnerId));
      proxies.set(key, proxy);
    }
    return proxy;
  };

  return (req, res, next) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return next();
    }
    if (url.pathname === tokenPath) return tokens(req, res, next);
    const kind = url.pathname.startsWith('/api/game/') ? 'game' : url.pathname.startsWith('/api/events/') ? 'events' : undefined;
    if (kind) return proxyFor(kind, options.sandboxOrigin ?? localOrigin(req))(req, res, next);
    if (url.pathname === '/' || url.pathname.endsWith('.html')) signIn(req, res, url);
    next();
  };
}

/**
 * Mounts the demo backend on Vite's dev and preview servers (`npm start`, and Storybook's dev
 * server, which loads vite.config.ts too). Builds do not need it.
 */
export function demoBackendPlugin(options?: DemoBackendOptions): Plugin {
  return {
    name: 'kaltura-widgets-demo-backend',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(createDemoBackend(options));
    },
    configurePreviewServer(server) {
      server.middlewares.use(createDemoBackend(options));
    },
  };
}
